import { defineAdapter } from './define';
import type { SiteDescriptor } from './descriptor';
import { $$, absoluteUrl, clickFirst, editableIn, postsUnder, visibleText } from './dom';
import { buildPost, neverThrows } from './post';
import { BLUESKY_HOSTS } from './hosts';

/** bsky.app threads and feeds. Class names are generated; only data-testid and links are stable. */
const F = 'bluesky/thread--bsky.app-profile-post.html';

const selectors = {
  post: { css: '[data-testid^="postThreadItem-by-"], [data-testid^="feedItem-by-"]', checkedAgainst: F },
  text: { css: '[data-testid="postText"]', checkedAgainst: F },
  profileLink: { css: 'a[href^="/profile/"]', checkedAgainst: F },
  postLink: { css: 'a[href*="/post/"]', checkedAgainst: F },
  replyButton: { css: '[data-testid="replyBtn"]', checkedAgainst: F },
} as const;

/** Not in the fixture: the compose dialog's rich-text editor. */
const COMPOSER = '[role="dialog"] .ProseMirror[contenteditable="true"], [data-testid="composePostView"] [contenteditable="true"]';

function readPost(el: Element, pageUrl: URL) {
  const handle = (el.getAttribute('data-testid') ?? '').replace(/^(postThreadItem|feedItem)-by-/, '');
  const ownText = $$(el, selectors.text.css).filter((t) => t.closest(selectors.post.css) === el);
  const profile = `/profile/${handle}`;
  const names = $$(el, selectors.profileLink.css)
    .filter((a) => a.getAttribute('href') === profile)
    .map((a) => visibleText(a))
    .filter((t) => t && !t.startsWith('@'));
  const postHref = $$(el, selectors.postLink.css)
    .map((a) => a.getAttribute('href') ?? '')
    .find((h) => h.startsWith(`${profile}/post/`));
  return buildPost({
    platform: 'bluesky',
    // at-uri parts: the record key is unique per author, so handle + rkey names the post.
    nativeId: postHref ? `${handle}/${postHref.split('/post/')[1]}` : null,
    author: names[0] ?? handle,
    handle: handle ? `@${handle}` : '',
    text: visibleText(ownText[0]),
    permalink: absoluteUrl(postHref, pageUrl),
    // Only a localised label ("Mar 2, 2025 at 10:14 AM") with no zone is shown.
    time: null,
  });
}

/** What Frontline knows of bluesky before reading a post (lib/sites/descriptor.ts). */
export const blueskySite: SiteDescriptor = { id: 'bluesky', platform: 'bluesky', hosts: [...BLUESKY_HOSTS], ownsHosts: true, gate: {} };

export const blueskyAdapter = defineAdapter(blueskySite, {
  selectors,
  findPosts: (root) => postsUnder(root, selectors.post.css),
  readPost: neverThrows(readPost),
  findComposer: (_el, doc) => editableIn(doc, COMPOSER),
  openComposer: (el) => clickFirst(el, selectors.replyButton.css),
});
