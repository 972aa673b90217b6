import { engineAdapter, engineSite, type EngineSpec } from '../engine';

/**
 * Ghost's own member comments (comments-ui, the frame under every Ghost post that allows them), on any
 * Ghost site. Written from TryGhost/Ghost apps/comments-ui/src/components/content/comment.tsx: a comment
 * is the element marked data-testid="comment-component" (utility classes only), the name an h4 in its
 * header, the avatar's initials a <p> beside it, the words in the element marked
 * data-testid="comment-content" (class gh-comment-content), replies inside their parent. The permalink
 * is the "· 2 days ago" link (#ghost-comments-ID). Checked against a page made from that component.
 */
const F = 'engines/ghost-comments-ui--www.example-bikeblog.com-gravel-tyre-test.html';

const spec: EngineSpec = {
  name: 'ghost-comments',
  gate: { classes: ['gh-comment-content'] },
  selectors: {
    // The class on the right (found from its index on every page), the component's test id around it.
    fingerprint: { css: '[data-testid="comment-component"] .gh-comment-content', checkedAgainst: F },
    post: { css: '[data-testid="comment-component"]', checkedAgainst: F },
    author: { css: 'h4', checkedAgainst: F },
    text: { css: '[data-testid="comment-content"], .gh-comment-content', checkedAgainst: F },
    permalink: { css: 'a[href*="#ghost-comments-"]', checkedAgainst: F },
  },
  nested: true,
  nativeId: (el) => el.querySelector('a[href*="#ghost-comments-"]')?.getAttribute('href')?.split('#ghost-comments-')[1] ?? null,
  composer: '[data-testid="form-editor"] [contenteditable="true"], .ProseMirror',
};

export const ghostSite = engineSite(spec);
export const ghostAdapter = engineAdapter(spec, ghostSite);
