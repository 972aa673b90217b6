import { defineAdapter } from './define';
import { domainsOf, type SiteDescriptor } from './descriptor';
import { $, absoluteUrl, attrOf, clickFirst, editableIn, isoTime, postsUnder, visibleText } from './dom';
import { ownFirst } from './own';
import { buildPost } from './post';

/**
 * Reddit in its three living shapes: today's web components (shreddit-comment), the 2018-2023
 * React redesign (div.Comment with data-testid hooks; class names are hashed and unstable), and
 * old.reddit (.thing.comment with data-* attributes).
 */
const F_SHREDDIT = 'reddit/shreddit--www.reddit.com-r-example-comments-1abc234.html';
const F_REDESIGN = 'reddit/postlight--www.reddit.com-showerthoughts-vanilla.html';
const F_OLD = 'reddit/defuddle--comments--old.reddit.com-r-test-comments-abc123-test_post.html';

const selectors = {
  shreddit: { css: 'shreddit-comment[thingid]', checkedAgainst: F_SHREDDIT },
  shredditText: { css: '[slot="comment"]', checkedAgainst: F_SHREDDIT },
  shredditComposer: { css: 'shreddit-composer [contenteditable="true"]', checkedAgainst: F_SHREDDIT },
  shredditReply: { css: '[slot="comment-reply"] button, [noun="reply_comment"] button', checkedAgainst: F_SHREDDIT },
  redesign: { css: 'div.Comment', checkedAgainst: F_REDESIGN },
  redesignAuthor: { css: 'a[data-testid="comment_author_link"]', checkedAgainst: F_REDESIGN },
  redesignText: { css: '[data-testid="comment"]', checkedAgainst: F_REDESIGN },
  redesignLink: { css: 'a[data-testid="comment_timestamp"]', checkedAgainst: F_REDESIGN },
  old: { css: '.thing.comment[data-fullname]', checkedAgainst: F_OLD },
  oldText: { css: '.entry .usertext-body .md', checkedAgainst: F_OLD },
  oldTime: { css: '.entry time[datetime]', checkedAgainst: F_OLD },
} as const;

const POST = `${selectors.shreddit.css}, ${selectors.redesign.css}, ${selectors.old.css}`;
const GONE = new Set(['[deleted]', '[removed]']);

function readShreddit(el: Element, pageUrl: URL) {
  const author = el.getAttribute('author') ?? '';
  if (GONE.has(author) || el.getAttribute('is-comment-deleted') === 'true') return null;
  return buildPost({
    platform: 'reddit',
    nativeId: el.getAttribute('thingid'),
    author,
    handle: `u/${author}`,
    text: visibleText(ownFirst(el, selectors.shredditText.css, selectors.shreddit.css)),
    permalink: absoluteUrl(el.getAttribute('permalink'), pageUrl),
    time: isoTime(el.getAttribute('created-timestamp')?.replace(/(\.\d{3})\d*/, '$1').replace(/\+0000$/, 'Z')),
  });
}

function readRedesign(el: Element, pageUrl: URL) {
  const author = visibleText($(el, selectors.redesignAuthor.css));
  return buildPost({
    platform: 'reddit',
    // The thing id only appears as a class name (t1_xxxx) on this layout.
    nativeId: Array.from(el.classList).find((c) => /^t1_[a-z0-9]+$/.test(c)) ?? null,
    author,
    handle: author ? `u/${author}` : '',
    text: visibleText($(el, selectors.redesignText.css)),
    permalink: absoluteUrl(attrOf(el, selectors.redesignLink.css, 'href'), pageUrl),
    // Only "4 yr. ago" is shown: no machine-readable time on this layout.
    time: null,
  });
}

function readOld(el: Element, pageUrl: URL) {
  const author = el.getAttribute('data-author') ?? '';
  if (GONE.has(author) || el.classList.contains('deleted')) return null;
  const own = (css: string) => ownFirst(el, css, selectors.old.css);
  return buildPost({
    platform: 'reddit',
    nativeId: el.getAttribute('data-fullname'),
    author,
    handle: `u/${author}`,
    text: visibleText(own(selectors.oldText.css)),
    permalink: absoluteUrl(el.getAttribute('data-permalink'), pageUrl),
    time: isoTime(own(selectors.oldTime.css)?.getAttribute('datetime')),
  });
}

/** What Frontline knows of reddit before reading a post (lib/sites/descriptor.ts). */
export const redditSite: SiteDescriptor = { id: 'reddit', platform: 'reddit', hosts: domainsOf('reddit.com'), ownsHosts: true, gate: {} };

export const redditAdapter = defineAdapter(redditSite, {
  selectors,
  findPosts: (root) => postsUnder(root, POST),
  readPost(el, pageUrl) {
    try {
      if (el.matches(selectors.shreddit.css)) return readShreddit(el, pageUrl);
      if (el.matches(selectors.redesign.css)) return readRedesign(el, pageUrl);
      return readOld(el, pageUrl);
    } catch {
      return null;
    }
  },
  findComposer(el, doc) {
    // A reply box opened under this comment wins over the page's top-level comment box.
    return (
      editableIn(el, selectors.shredditComposer.css) ??
      editableIn(el, '.child textarea[name="text"]') ??
      editableIn(doc, selectors.shredditComposer.css) ??
      editableIn(doc, '.commentarea > form textarea[name="text"], [contenteditable="true"][role="textbox"]')
    );
  },
  openComposer: (el) => clickFirst(el, `${selectors.shredditReply.css}, a[data-event-action="comment"]`),
});
