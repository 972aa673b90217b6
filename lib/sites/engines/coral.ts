import { engineAdapter, engineSite, type EngineSpec } from '../engine';

/**
 * The Coral Project's comment stream (Vox Media's Coral, self-hosted by many newspapers), the frame
 * under an article. Written from the class names Coral publishes for theming (coral-stream classes.ts:
 * every element carries "coral" plus a stable coral-* name): a comment is .coral-comment, the name a
 * <button> .coral-comment-username (no profile link), the time a .coral-comment-timestamp, the words
 * .coral-comment-content; "In reply to" and the action bar sit beside the words. Checked against a
 * page made from those names.
 */
const F = 'engines/coral-stream--comments.example-gazette.com-embed-stream.html';

const spec: EngineSpec = {
  name: 'coral',
  gate: { classes: ['coral-comment'] },
  selectors: {
    fingerprint: { css: '.coral-comment .coral-comment-content', checkedAgainst: F },
    post: { css: '.coral-comment', checkedAgainst: F },
    author: { css: '.coral-comment-username', checkedAgainst: F },
    text: { css: '.coral-comment-content', checkedAgainst: F },
    time: { css: '.coral-comment-timestamp', checkedAgainst: F },
  },
  nested: true,
  keep: (el) => el.querySelector('.coral-comment-content') !== null,
  // Coral's ids are base64 GraphQL ids after "comment-": kept whole, they are the comment's identity.
  nativeId: (el) => el.id.replace(/^comment-/, '') || null,
  composer: '.coral-createComment textarea, .coral-createComment [contenteditable="true"]',
};

export const coralSite = engineSite(spec);
export const coralAdapter = engineAdapter(spec, coralSite);
