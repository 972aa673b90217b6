import { defineAdapter } from './define';
import type { SiteDescriptor } from './descriptor';
import { $, $$, absoluteUrl, clickFirst, editableIn, isoTime, postsUnder, visibleText } from './dom';
import { ownFirst } from './own';
import type { Post } from '../types';
import { buildPost, neverThrows } from './post';

/**
 * Self-hosted WordPress: core HTML5 comment markup (ol.comment-list li.comment article.comment-body),
 * the callback of Twenty Eleven/Twelve and the many themes built on them (li#li-comment-N around
 * article#comment-N, the date link inside .comment-author), older themes (.commentlist li, hAtom cite.fn + blockquote.entry-content), and the Epoch comments
 * plugin (article.epoch-single-comment), whose page also carries a {{template}} copy of its markup.
 */
const F_CORE = 'wordpress/trafilatura--lemire.me-json.html';
const F_HACKS = 'wordpress/readability--hacks.mozilla.org-this-api-is-so-fetching.html';
const F_EPOCH = 'wordpress/readability--wptavern.com-epoch-comments.html';

const selectors = {
  comment: { css: 'li.comment[id^="comment-"], li[id^="comment-"], li[id^="li-comment-"]', checkedAgainst: F_CORE },
  threadedComment: { css: '#comment-list li.comment', checkedAgainst: F_HACKS },
  epochComment: { css: 'article.epoch-single-comment', checkedAgainst: F_EPOCH },
  author: { css: '.comment-author .fn, .fn, cite, .comment-author', checkedAgainst: F_CORE },
  oldThemeAuthor: { css: 'cite.author.fn', checkedAgainst: F_HACKS },
  body: { css: '.comment-content, .entry-content', checkedAgainst: F_CORE },
  /** The date link points at #comment-N; the author's website link sits in the same footer. */
  permalink: { css: 'a[href*="#comment-"]', checkedAgainst: F_CORE },
  time: { css: 'time[datetime], abbr.published[title]', checkedAgainst: F_HACKS },
  epochAuthor: { css: '.epoch-comment-author', checkedAgainst: F_EPOCH },
  epochBody: { css: '.epoch-comment-content', checkedAgainst: F_EPOCH },
  epochLink: { css: 'a.epoch-comment-link', checkedAgainst: F_EPOCH },
  composer: { css: '#respond textarea, textarea#comment, textarea[name="comment"]', checkedAgainst: F_CORE },
  replyLink: { css: 'a.comment-reply-link', checkedAgainst: F_CORE },
  sniff: {
    css: '.comment-list li.comment, .commentlist li.comment, #comment-list li.comment, #epoch-comments article.epoch-single-comment',
    checkedAgainst: F_EPOCH,
  },
} as const;

const POST = `${selectors.comment.css}, ${selectors.epochComment.css}`;
/** Text around the words that is UI: names, dates, reply/report links, nested replies. */
const NOT_BODY =
  '.comment-author, .comment-meta, .comment-metadata, .commentmetadata, .reply, .comment-reply-link, cite, .says, ' +
  '.children, ul, ol, .comment-awaiting-moderation, .pmcc-comments-report-link';

/** In an author box that also holds the date: the date and its #comment-N link are not the name. */
const NOT_NAME = '.says, time, a[href*="#comment-"]';

/** `comment-N`, `div-comment-N` or `li-comment-N`: one match a read (a replace and a test before). */
const COMMENT_ID = /^(?:(?:div|li)-)?(comment-\d+)$/;

function commentId(el: Element): string | null {
  // The Epoch plugin's client-side template carries literal {{comment_ID}} placeholders.
  return COMMENT_ID.exec(el.id)?.[1] ?? null;
}

/** `words`: the light read's (completeRead), so the body is neither searched nor walked again. */
function readCore(el: Element, pageUrl: URL, words?: string) {
  const own = (css: string) => ownFirst(el, css, selectors.comment.css);
  const authorEl = own(selectors.author.css);
  const id = commentId(el);
  const link = (id ? ownLinkTo(el, id) : own(selectors.permalink.css))?.getAttribute('href') ?? (id ? `#${id}` : null);
  const timeEl = own(selectors.time.css);
  return buildPost({
    platform: 'wordpress',
    nativeId: id,
    scope: pageUrl.hostname,
    author: visibleText(authorEl, { skip: NOT_NAME }),
    handle: absoluteUrl($(authorEl, 'a[href]:not([href*="#comment-"])')?.getAttribute('href') ?? authorEl?.closest('a[href]')?.getAttribute('href'), pageUrl) ?? '',
    // Classic themes have no content wrapper: the words are the item minus its UI.
    text: words ?? visibleText(own(selectors.body.css) ?? own('.comment-body') ?? el, { skip: NOT_BODY }),
    permalink: absoluteUrl(link, pageUrl),
    time: isoTime(timeEl?.getAttribute('datetime') ?? timeEl?.getAttribute('title')),
  });
}

/**
 * The comment's own link to itself (`a[href$="#comment-N"]`, which every `a[href*="#comment-"]`
 * includes), found without a selector written per comment: the browser parses and caches each new
 * selector string, ~5 µs a comment against ~0.6 µs for the one shared selector (issue 18).
 */
function ownLinkTo(el: Element, id: string): Element | null {
  const suffix = `#${id}`;
  const isIt = (a: Element) => (a.getAttribute('href') ?? '').endsWith(suffix) && a.closest(selectors.comment.css) === el;
  const first = $(el, selectors.permalink.css);
  if (!first || isIt(first)) return first;
  for (const a of $$(el, selectors.permalink.css)) if (isIt(a)) return a;
  return null;
}

/** Id and words only (see SiteAdapter.readLight): 7 comments in 8 are not complaints. */
function readCoreLight(el: Element, pageUrl: URL) {
  const id = commentId(el);
  const own = (css: string) => ownFirst(el, css, selectors.comment.css);
  // Without an id the full read's id comes from the permalink or the author: read in full.
  if (!id || !own(selectors.author.css)) return readCore(el, pageUrl);
  const post = buildPost({
    platform: 'wordpress',
    nativeId: id,
    scope: pageUrl.hostname,
    author: '?',
    text: visibleText(own(selectors.body.css) ?? own('.comment-body') ?? el, { skip: NOT_BODY }),
  });
  if (post) post.author = ''; // not read: the full read fills it in
  return post;
}

function readEpoch(el: Element, pageUrl: URL) {
  const id = commentId(el);
  if (!id) return null;
  const authorBox = $(el, selectors.epochAuthor.css);
  return buildPost({
    platform: 'wordpress',
    nativeId: id,
    scope: pageUrl.hostname,
    // Commenters without a website have their name as a bare text node in the author box.
    author: visibleText(authorBox, { skip: '.epoch-comment-author-avatar, .epoch-divide, .epoch-comment-link' }),
    handle: absoluteUrl($(authorBox, 'a.epoch-author-link')?.getAttribute('href'), pageUrl) ?? '',
    text: visibleText($(el, selectors.epochBody.css), { skip: '.pmcc-comments-report-link' }),
    permalink: absoluteUrl($(el, selectors.epochLink.css)?.getAttribute('href'), pageUrl),
    time: isoTime($(el, 'time')?.getAttribute('datetime')),
  });
}

function readFull(el: Element, pageUrl: URL) {
  return el.matches(selectors.epochComment.css) ? readEpoch(el, pageUrl) : readCore(el, pageUrl);
}

/** What Frontline knows of wordpress before reading a post (lib/sites/descriptor.ts). */
export const wordpressSite: SiteDescriptor = { id: 'wordpress', platform: 'wordpress', hosts: ['*.wordpress.com'], gate: { ids: ['comments', 'epoch-comments'] }, sniff: selectors.sniff.css };

export const wordpressAdapter = defineAdapter(wordpressSite, {
  selectors,
  findPosts: (root) => postsUnder(root, POST),
  isPost: (el) => el.matches(POST),
  readPost: neverThrows(readFull),
  readLight: neverThrows((el: Element, pageUrl: URL) => {
    const post = el.matches(selectors.epochComment.css) ? readEpoch(el, pageUrl) : readCoreLight(el, pageUrl);
    return post ? { post } : null;
  }),
  // A light read of a core comment left the author, link and time empty: read just those. Anything
  // else (Epoch, a comment without an id) was read in full by readLight: read it again in full.
  completeRead: neverThrows((el: Element, pageUrl: URL, light: Post) =>
    !light.author && !el.matches(selectors.epochComment.css) ? readCore(el, pageUrl, light.text) : readFull(el, pageUrl)),
  findComposer: (_el, doc) => editableIn(doc, selectors.composer.css),
  // WordPress moves its one reply form under the comment when its own Reply link is clicked.
  openComposer: (el) => clickFirst(el, selectors.replyLink.css),
});
