import { engineAdapter, engineSite, type EngineSpec } from '../engine';

/**
 * Flarum, self-hosted, as its single-page app draws a discussion. Written from flarum/framework's forum
 * components: PostStream wraps each post in .PostStream-item (data-id, data-number), CommentPost is an
 * article.CommentPost whose PostUser h3 holds an avatar and a span.username, whose PostMeta holds a
 * <time datetime>, and whose .Post-body holds the words. Event posts (renamed, tagged) are not
 * CommentPosts. Checked against a page made from those components.
 */
const F = 'engines/flarum--talk.example-keyboards.io-d-12-usb-c-cable.html';

/** Flarum's route for a post is the discussion's path followed by the post's number. */
function postLink(el: Element, pageUrl: URL): string | null {
  const n = el.closest('.PostStream-item')?.getAttribute('data-number');
  const discussion = pageUrl.pathname.match(/^(.*?\/d\/[^/]+)/)?.[1];
  return n && discussion ? `${discussion}/${n}` : null;
}

const spec: EngineSpec = {
  name: 'flarum',
  // The server's shell carries #flarum-loading before the app draws anything (views/frontend/content.blade.php).
  gate: { ids: ['flarum-loading'], classes: ['PostStream'] },
  selectors: {
    fingerprint: { css: '.PostStream-item article.CommentPost .Post-body', checkedAgainst: F },
    post: { css: '.PostStream-item > article.CommentPost', checkedAgainst: F },
    // The name only: the avatar beside it is an image or, without one, a span with the initial.
    author: { css: '.PostUser-name .username', checkedAgainst: F },
    text: { css: '.Post-body', checkedAgainst: F },
    time: { css: '.PostMeta time[datetime]', checkedAgainst: F },
  },
  // A hidden post's words are folded away until a moderator reveals them.
  keep: (el) => !el.classList.contains('Post--hidden'),
  permalinkOf: postLink,
  nativeId: (el) => el.closest('.PostStream-item')?.getAttribute('data-id') ?? null,
  composer: '.Composer .TextEditor-editor',
};

export const flarumSite = engineSite(spec);
export const flarumAdapter = engineAdapter(spec, flarumSite);
