import { engineAdapter, engineSite, type EngineSpec } from '../engine';

/**
 * Lemmy (lemmy-ui), self-hosted on thousands of instances: the post's listing and each comment's
 * article (id comment-N), the author a person-listing link, the words a md-div. Written from
 * lemmy-ui's components (post-listing, comment-node, person-listing) and checked against a page
 * made from them; the saved Lemmy page in wild/ is held out and only measured (README-sites.md).
 */
const F = 'engines/lemmy-ui--forum.example.social-post-77.html';

const spec: EngineSpec = {
  name: 'lemmy',
  gate: { classes: ['comment-node', 'post-listing'] },
  selectors: {
    fingerprint: { css: '.comment-node[id^="comment-"] .person-listing, .post-listing #postContent .md-div', checkedAgainst: F },
    post: { css: '.post-listing, .comment-node[id^="comment-"]', checkedAgainst: F },
    // The name as shown (a span); the instance beside it (small) is not part of it.
    author: { css: '.person-listing > span', checkedAgainst: F },
    text: { css: '.md-div', checkedAgainst: F },
    permalink: { css: 'a[href*="/comment/"], h1 a[href*="/post/"]', checkedAgainst: F },
  },
  // A post listing without words of its own (a link post, a cross-post card) is nothing to answer.
  keep: (el) => el.querySelector('.md-div') !== null && el.querySelector('.person-listing') !== null && !el.closest('aside'),
  nativeId: (el) => el.id.match(/\d+/)?.[0] ?? (el.querySelector('h1 a[href*="/post/"]')?.getAttribute('href')?.match(/\d+/)?.[0] ?? null),
  composer: '.comment-form textarea, form textarea#comment-textarea',
};

export const lemmySite = engineSite(spec);
export const lemmyAdapter = engineAdapter(spec, lemmySite);
