import { defineAdapter } from './define';
import type { SiteDescriptor } from './descriptor';
import { $, absoluteUrl, clickFirst, isoTime, postsUnder, visibleText } from './dom';
import { ownFirst } from './own';
import { buildPost, neverThrows } from './post';

/** Blogger / blogspot threaded comments (li.comment#c<ID> with replies nested in .comment-replies). */
const F = 'blogger/trafilatura--abookshelffullofsunshine.blogspot.com-interview.html';

const selectors = {
  comment: { css: 'li.comment[id^="c"]', checkedAgainst: F },
  author: { css: 'cite.user', checkedAgainst: F },
  body: { css: '.comment-content', checkedAgainst: F },
  permalink: { css: '.datetime a[href]', checkedAgainst: F },
  replyLink: { css: 'a.comment-reply', checkedAgainst: F },
  sniff: { css: '#comment-holder li.comment', checkedAgainst: F },
} as const;

function readPost(el: Element, pageUrl: URL) {
  const own = (css: string) => ownFirst(el, css, selectors.comment.css);
  const id = el.id.match(/^c(\d+)$/)?.[1];
  if (!id) return null;
  const authorEl = own(selectors.author.css);
  const href = own(selectors.permalink.css)?.getAttribute('href');
  return buildPost({
    platform: 'blogger',
    nativeId: `c${id}`,
    author: visibleText(authorEl),
    handle: absoluteUrl($(authorEl, 'a[href]')?.getAttribute('href'), pageUrl) ?? '',
    text: visibleText(own(selectors.body.css)),
    permalink: absoluteUrl(href, pageUrl),
    // The permalink's showComment parameter is the comment's time in epoch milliseconds.
    time: isoTime(href?.match(/[?&]showComment=(\d{12,14})/)?.[1]),
  });
}

/** What Frontline knows of blogger before reading a post (lib/sites/descriptor.ts). */
export const bloggerSite: SiteDescriptor = { id: 'blogger', platform: 'blogger', hosts: ['blogspot.*', '*.blogspot.*'], gate: { ids: ['comment-holder'] }, sniff: selectors.sniff.css };

export const bloggerAdapter = defineAdapter(bloggerSite, {
  // blogspot.com and its country domains (blogspot.co.uk, …).
  selectors,
  findPosts: (root) => postsUnder(root, selectors.comment.css),
  readPost: neverThrows(readPost),
  // Blogger's comment form lives in a blogger.com iframe that a page-level script cannot type into.
  findComposer: () => null,
  openComposer: (el) => clickFirst(el, selectors.replyLink.css),
});
