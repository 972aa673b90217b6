import { defineAdapter } from './define';
import type { SiteDescriptor } from './descriptor';
import { $, $$, absoluteUrl, attrOf, clickFirst, editableIn, isoTime, postsUnder, textOf, visibleText } from './dom';
import { buildPost, neverThrows } from './post';
import { X_HOSTS } from './hosts';
import type { LightRead } from './types';
import type { Post } from '../types';

/**
 * X / Twitter. Today's React DOM (article[data-testid=tweet]) and the legacy twitter.com
 * permalink page (div.tweet[data-tweet-id], 2016) that saved pages and archives still show.
 */
const F_SAMPLE = 'twitter/tweetyoink--x-tweet-sample.html';
const F_QUOTE = 'twitter/tweetyoink--x-tweet-quote.html';
const F_ARTICLE = 'twitter/defuddle--general--x.com-article-2026-02-13.html';
const F_LEGACY = 'twitter/postlight--twitter.com-status-745276948213968896.html';

const selectors = {
  post: { css: 'article[data-testid="tweet"]', checkedAgainst: F_SAMPLE },
  /** One virtualised timeline row; it holds at most one tweet (quotes are cards, not articles). */
  cell: { css: '[data-testid="cellInnerDiv"]', checkedAgainst: F_QUOTE },
  userName: { css: '[data-testid="User-Name"]', checkedAgainst: F_SAMPLE },
  text: { css: '[data-testid="tweetText"]', checkedAgainst: F_QUOTE },
  /** A quoted tweet is a nested clickable card inside the article. */
  quotedCard: { css: 'div[role="link"]', checkedAgainst: F_QUOTE },
  time: { css: 'time[datetime]', checkedAgainst: F_SAMPLE },
  statusLink: { css: 'a[href*="/status/"]', checkedAgainst: F_ARTICLE },
  articleTitle: { css: '[data-testid="twitter-article-title"]', checkedAgainst: F_ARTICLE },
  articleBody: { css: '[data-testid="longformRichTextComponent"]', checkedAgainst: F_ARTICLE },
  composer: { css: '[data-testid="tweetTextarea_0"]', checkedAgainst: F_ARTICLE },
  replyButton: { css: '[data-testid="reply"]', checkedAgainst: F_SAMPLE },
  legacyPost: { css: 'div.tweet[data-tweet-id]', checkedAgainst: F_LEGACY },
  legacyText: { css: '.js-tweet-text', checkedAgainst: F_LEGACY },
  legacyTime: { css: '[data-time-ms]', checkedAgainst: F_LEGACY },
  legacyComposer: { css: '.tweet-box[contenteditable="true"], textarea.tweet-box', checkedAgainst: F_LEGACY },
} as const;


function statusIdOf(href: string | null | undefined): string | null {
  return href?.match(/\/status(?:es)?\/(\d+)/)?.[1] ?? null;
}

/** Inside the article but not inside a quoted card: the tweet's own part. */
const isOwn = (el: Element, quotes = true) => (m: Element) =>
  (!quotes || !m.closest(selectors.quotedCard.css)) && m.closest(selectors.post.css) === el;

function ownMatches(el: Element, css: string): Element[] {
  return $$(el, css).filter(isOwn(el));
}

/**
 * The first own match. The first match in document order almost always is the tweet's own (the
 * quote card comes later), so one querySelector usually answers. `quotes`: whether the article
 * holds a quoted card at all (most do not: then no match can be inside one).
 */
function firstOwn(el: Element, css: string, quotes = true): Element | null {
  const first = $(el, css);
  if (!first || isOwn(el, quotes)(first)) return first;
  return ownMatches(el, css)[0] ?? null;
}

const HANDLE = /^@\w{1,30}$/;

/** The "@handle" line of the name box; stops at the first (no text collected for the rest). */
function handleIn(nameBox: Element | null): string | undefined {
  for (const span of $$(nameBox, 'span')) {
    const t = span.textContent?.trim() ?? '';
    if (HANDLE.test(t)) return t;
  }
  return undefined;
}

type Words = ReturnType<typeof readWordsNow>;

/** The light read's words, when they were read from this very element (LightRead.reuse). */
function wordsOf(el: Element, light: LightRead | undefined): Words {
  const kept = light?.reuse;
  return kept?.el === el ? (kept.found as Words) : readWordsNow(el);
}

/** What every tweet is read for: its words, the quoted tweet's words, and its status id. */
function readWordsNow(el: Element) {
  // Most tweets quote nothing: one querySelector answers that before collecting cards.
  const quotes = $(el, selectors.quotedCard.css) !== null;
  const ownText = firstOwn(el, selectors.text.css, quotes);
  let text = visibleText(ownText);
  if (!ownText) {
    // X Articles (long-form posts) carry a title and a rich-text body instead of tweetText.
    text = [textOf(el, selectors.articleTitle.css), textOf(el, selectors.articleBody.css)].filter(Boolean).join(' ');
  }
  const quoted = !quotes
    ? ''
    : $$(el, selectors.quotedCard.css)
        .map((card) => textOf(card, selectors.text.css))
        .filter(Boolean)
        .join(' ');

  const timeEl = firstOwn(el, selectors.time.css, quotes);
  const timeLink = timeEl?.closest('a');
  const statusHref =
    timeLink?.getAttribute('href') ??
    ownMatches(el, selectors.statusLink.css).map((a) => a.getAttribute('href')).find((h) => statusIdOf(h)) ??
    null;
  return { text, quoted, timeEl, statusHref, statusId: statusIdOf(statusHref) };
}

/**
 * Words and id only: 7 tweets in 8 are not complaints, and their author, handle and time are
 * never shown. Without a status id the full read's id comes from the author, so read in full.
 */
function readModernLight(el: Element, pageUrl: URL): LightRead | null {
  const words = readWordsNow(el);
  const { text, quoted, statusId } = words;
  if (!statusId) return lightOf(readModern(el, pageUrl));
  const post = buildPost({ platform: 'x', nativeId: statusId, author: '?', text, quoted });
  if (post) post.author = ''; // not read: the full read fills it in
  return post ? { post, reuse: { el, found: words } } : null;
}

const lightOf = (post: Post | null): LightRead | null => (post ? { post } : null);

function readModern(el: Element, pageUrl: URL, light?: LightRead) {
  const nameBox = firstOwn(el, selectors.userName.css);
  const handleText = handleIn(nameBox);
  const profileHref = attrOf(nameBox, 'a[href^="/"]', 'href');
  const handle = handleText ?? (profileHref ? `@${profileHref.slice(1)}` : '');
  // The display name is the profile link's first line; the handle sits in a second link.
  const author = textOf(nameBox, 'a[role="link"] div[dir="ltr"]') || textOf(nameBox, 'a[role="link"]') || handle;

  const { text, quoted, timeEl, statusHref, statusId } = wordsOf(el, light);
  // Analytics/photo links also name the status: the permalink is the bare /user/status/<id>.
  const permalink = statusHref ? absoluteUrl(statusHref.replace(/(\/status\/\d+).*$/, '$1'), pageUrl) : null;

  return buildPost({
    platform: 'x',
    // X recycles timeline nodes for other tweets while scrolling: the status id, not the node, names the post.
    nativeId: statusId,
    author,
    handle,
    text,
    quoted,
    permalink,
    time: isoTime(timeEl?.getAttribute('datetime')),
  });
}

function readLegacy(el: Element, pageUrl: URL) {
  const screenName = el.getAttribute('data-screen-name') ?? '';
  const quoted = textOf(el, '.QuoteTweet .js-tweet-text, .QuoteTweet-text');
  return buildPost({
    platform: 'x',
    nativeId: el.getAttribute('data-tweet-id'),
    author: el.getAttribute('data-name') ?? screenName,
    handle: screenName ? `@${screenName}` : '',
    text: visibleText(
      $$(el, selectors.legacyText.css).find((t) => !t.closest('.QuoteTweet')),
      // Legacy tweets end with a pic.twitter.com link that is media, not words.
      { skip: 'a[data-pre-embedded="true"], .u-hidden' },
    ),
    quoted,
    permalink: absoluteUrl(el.getAttribute('data-permalink-path'), pageUrl),
    time: isoTime(attrOf(el, selectors.legacyTime.css, 'data-time-ms')),
  });
}

/** What Frontline knows of x before reading a post (lib/sites/descriptor.ts). */
export const xSite: SiteDescriptor = { id: 'x', platform: 'x', hosts: [...X_HOSTS], ownsHosts: true, gate: {} };

export const xAdapter = defineAdapter(xSite, {
  selectors,
  findPosts(root) {
    // The timeline adds whole cells: the first article ends the search instead of walking the
    // tweet's ~100 elements for another (~15 ms over a 5,000-post timeline, bench:page).
    if ((root as Partial<Element>).nodeType === 1 && (root as Element).matches(selectors.cell.css)) {
      const tweet = $(root, selectors.post.css);
      if (tweet) return [tweet];
    }
    const modern = postsUnder(root, selectors.post.css);
    return modern.length > 0 ? modern : postsUnder(root, selectors.legacyPost.css);
  },
  readPost: neverThrows((el: Element, pageUrl: URL, light?: LightRead) => el.matches(selectors.post.css) ? readModern(el, pageUrl, light) : readLegacy(el, pageUrl)),
  readLight: neverThrows((el: Element, pageUrl: URL) => el.matches(selectors.post.css) ? readModernLight(el, pageUrl) : lightOf(readLegacy(el, pageUrl))),
  findComposer(el, doc) {
    // The reply dialog that openComposer opened is for this tweet.
    const dialog = editableIn(doc, `[role="dialog"] ${selectors.composer.css}`);
    if (dialog) return dialog;
    // The inline box replies to the focal tweet of a status page only; on a timeline the same
    // testid is the "new post" box, and text put there would not be a reply at all.
    const pageStatus = statusIdOf(doc.URL);
    const postStatus = statusIdOf(ownMatches(el, selectors.statusLink.css)[0]?.getAttribute('href'))
      ?? statusIdOf(el.getAttribute('data-permalink-path'));
    if (!pageStatus || pageStatus !== postStatus) return null;
    return editableIn(doc, selectors.composer.css) ?? editableIn(doc, selectors.legacyComposer.css);
  },
  openComposer: (el) => clickFirst(el, selectors.replyButton.css),
});
