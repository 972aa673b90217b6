/**
 * Reading the parts of one post block of an unknown engine: author, own words (quotes and
 * signatures kept apart), time, permalink. Selectors as data; every read budgeted, never throws.
 */
import { $$, foldWhitespace, isoTime, visibleText } from '../dom';
import { signature } from './signature';

/** Where an author's name sits, most telling first (schema.org, microformats, engine class names, profile links). */
export const AUTHORISH = [
  '[itemprop="author"] [itemprop="name"]',
  '[itemprop="author"]',
  '.p-author',
  '[rel="author"]',
  '[data-author]',
  '[data-username]',
  '[class*="author"]:not([class*="authority"])',
  '[class*="username"]',
  '[class*="user-name"]',
  '[class*="userName"]',
  '[class*="poster"]',
  '[class*="nickname"]',
  '.fn',
  '.name',
  'a[href*="/user/"]',
  'a[href*="/users/"]',
  'a[href*="/u/"]',
  'a[href*="/member"]',
  'a[href*="/profile"]',
  'a[href*="profile.php"]',
  'a[href*="member.php"]',
  'a[href*="memberlist.php"]',
  'a[href*="action=profile"]',
  'a[href*="showuser="]',
  'a[href*="/people/"]',
  'a[href*="/author/"]',
  'a[href*="/~"]',
  'a[href*="user?id="]',
  'a[href*="?user="]',
  'a[href*="userid="]',
  'cite',
].join(', ');

/** Quoted posts of other people: kept apart in `quoted`. */
export const QUOTE =
  // XenForo 1 writes the post itself as blockquote.messageText: a blockquote named like a body is not a quote.
  'blockquote:not([class*="message" i]):not([class*="content" i]):not([class*="body" i]):not([class*="text" i]), ' +
  '[class*="quote" i]:not([class*="quoted-by" i]):not([class*="message" i]), q';
/** Inside a post but not its words: signatures, edit notes, author panes, action bars, chrome. */
export const NOT_WORDS = [
  '[class*="signature" i]', '.sig', '[class*="edited" i]', '[class*="editnote" i]',
  'header', 'footer', 'nav', 'aside', 'menu', 'form', 'button', 'select', 'textarea', '[role="button"]', '[role="toolbar"]',
  '[class*="avatar" i]', '[class*="userinfo" i]', '[class*="user-info" i]', '[class*="profile" i]', '[class*="author" i]',
  '[class*="meta" i]', '[class*="actions" i]', '[class*="toolbar" i]', '[class*="reactions" i]', '[class*="vote" i]',
  '[class*="share" i]', '[class*="reply-link" i]', '[class*="byline" i]',
].join(', ');

/**
 * Navigation, sidebars, "recent comments" widgets, related lists, footers: never posts. Judged per
 * class token or id, whole or as its head or tail ("sidebar-left", "site-footer"), so layout flags
 * ("has-sidebar") and embedded comment widgets ("fyre-widget") do not count.
 */
const BAD_EXACT = new Set([
  'nav', 'navbar', 'navigation', 'menu', 'sidebar', 'widget', 'widgets', 'widget-area', 'footer', 'breadcrumb', 'breadcrumbs',
  'related', 'recent', 'recentcomments', 'popular', 'trending', 'toc', 'masthead', 'banner', 'promo', 'sponsored', 'advert', 'ads',
]);
const BAD_HEAD = /^(sidebar|footer|widget_|recent|related|popular|breadcrumb|nav-|navbar|menu-|masthead|advert)/i;
const BAD_TAIL = /[_-](sidebar|footer|nav|navigation|navbar|menu|widgets|related|breadcrumbs?|recent-comments|recent-posts|popular-posts)$/i;
const LAYOUT_FLAG = /^(has|no|with|is|show|hide)-/i;
const BAD_TAGS = new Set(['NAV', 'ASIDE', 'FOOTER', 'HEADER', 'MENU']);

function badName(token: string): boolean {
  if (!token || LAYOUT_FLAG.test(token)) return false;
  const t = token.toLowerCase();
  return BAD_EXACT.has(t) || BAD_HEAD.test(t) || BAD_TAIL.test(t);
}

/**
 * "widget" alone says only that a CMS placed the block (page builders make every region a numbered
 * widget, the thread too); it is a sidebar widget unless the same element names what it holds.
 */
const WEAK_BAD = /^(widgets?|widget-area|widget[_-]?\d+)$/i;
const HOLDS_CONTENT = /content|conversation|comments|thread|posts|discussion|replies|main/i;

function badElement(a: Element): boolean {
  const tokens = [a.id, ...(a.getAttribute('class') ?? '').split(/\s+/)].filter(Boolean);
  let weak = false;
  for (const t of tokens) {
    if (!badName(t)) continue;
    if (!WEAK_BAD.test(t)) return true;
    weak = true;
  }
  return weak && !tokens.some((t) => HOLDS_CONTENT.test(t) && !badName(t));
}

/** Inside navigation, a sidebar, a widget or a footer (looks at most 12 ancestors below <body>). */
export function inBadRegion(el: Element): boolean {
  let a: Element | null = el;
  for (let i = 0; a && i < 12 && a.tagName !== 'BODY' && a.tagName !== 'HTML'; i++, a = a.parentElement) {
    if (BAD_TAGS.has(a.tagName)) return true;
    const role = a.getAttribute('role');
    if (role === 'navigation' || role === 'complementary' || role === 'contentinfo') return true;
    if (badElement(a)) return true;
  }
  return false;
}

/** The nearest ancestor-or-self carrying sig (the post a part belongs to). */
function postOf(el: Element, sig: string, limit: Element): Element | null {
  for (let a: Element | null = el; a; a = a.parentElement) {
    if (signature(a) === sig) return a;
    if (a === limit) return null;
  }
  return null;
}

/** Matches of css that belong to this post, not to a reply nested inside it nor to a quote. */
export function ownParts(post: Element, css: string, sig: string, limit = 40): Element[] {
  const out: Element[] = [];
  for (const m of $$(post, css)) {
    if (out.length >= limit) break;
    if (postOf(m, sig, post) !== post) continue;
    if (m.closest(QUOTE) && post.contains(m.closest(QUOTE))) continue;
    out.push(m);
  }
  return out;
}

const UI_WORDS = /^(reply|quote|share|report|edit|delete|like|likes|permalink|link|posted|by|admin|moderator|member|guest|anonymous|says|said|wrote|offline|online|#\d+)$/i;

/** A plausible display name: short, one line, not a UI label, not a date. */
function plausibleName(s: string): boolean {
  if (s.length < 1 || s.length > 60) return false;
  if (s.split(' ').length > 6) return false;
  if (UI_WORDS.test(s)) return false;
  if (/^\d+[\d\s:./-]*$/.test(s)) return false;
  if (/:\/\/|^www\./i.test(s)) return false;
  return /[\p{L}\p{N}]/u.test(s);
}

export interface Author {
  el: Element;
  name: string;
  href: string | null;
}

/** The post's author: the first own author-like element with a plausible name. */
export function authorOf(post: Element, sig: string): Author | null {
  for (const el of ownParts(post, AUTHORISH, sig, 12)) {
    const fromAttr = el.getAttribute('data-author') ?? el.getAttribute('data-username');
    // The name itself where the element also holds a date or a label ("Emma December 18, 2025").
    // A link to a post (#p123, "Post" icons) sits in author lines too: the profile link is the name.
    const inner = el.querySelector('[itemprop="name"], .fn, .p-name, [class*="name" i]') ?? $$(el, 'a[href]').find((a) => !a.getAttribute('href')!.includes('#')) ?? el;
    const name = foldWhitespace(fromAttr || visibleText(inner, { maxChars: 200, maxNodes: 200 }))
      .replace(/^(by|von|par|por)\s+/i, '')
      .replace(/\s*(says|said|wrote)\s*:?$/i, '')
      .replace(/[,:]$/, '');
    if (!plausibleName(name)) continue;
    const link = el.matches('a[href]') ? el : (el.querySelector('a[href]') ?? el.closest('a[href]'));
    return { el, name, href: link?.getAttribute('href') ?? null };
  }
  return plainNameOf(post, sig);
}

const DATE_WORDS = /\b(\d{4}-\d\d-\d\d|\d{1,2}[./]\d{1,2}[./]\d{2,4}|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}|\d{1,2}\.? (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|\d+ (minutes?|hours?|days?|weeks?|months?|years?) ago|yesterday|today)\b/i;
const NAME_TAGS = new Set(['STRONG', 'B', 'DT', 'SPAN', 'A', 'CITE', 'H3', 'H4', 'H5', 'H6', 'DIV', 'P']);

/**
 * Engines that mark the author with nothing but bold (FluxBB's `dt > strong`): the first short
 * name-like leaf near the top of the post, trusted only when the post also shows a date, so a list
 * of titled cards does not become a list of posts.
 */
function plainNameOf(post: Element, sig: string): Author | null {
  const head = (post.textContent ?? '').slice(0, 600);
  if (!DATE_WORDS.test(head) && !post.querySelector('time, [datetime]')) return null;
  const all = post.getElementsByTagName('*');
  for (let i = 0; i < all.length && i < 60; i++) {
    const el = all[i]!;
    if (!NAME_TAGS.has(el.tagName) || el.children.length > 1) continue;
    if (el.closest(QUOTE) || el.closest('h1, h2') || postOf(el, sig, post) !== post) continue;
    const name = foldWhitespace(el.textContent ?? '');
    if (!plausibleName(name) || DATE_WORDS.test(name) || name.split(' ').length > 3) continue;
    const link = el.closest('a[href]') ?? el.querySelector('a[href]');
    return { el, name, href: link?.getAttribute('href') ?? null };
  }
  return null;
}

/** Where a post's own words sit, most telling first. */
const BODYISH = [
  '[itemprop="text"]', '[itemprop="articleBody"]', '[itemprop="commentText"]', '[itemprop="reviewBody"]', '.e-content',
  '[class*="content" i]', '[class*="message" i]', '[class*="msg" i]', '[class*="body" i]', '[class*="text" i]', '[class*="entry" i]',
].join(', ');

/**
 * The element holding the post's words: the own body-like element with the most text that is not
 * the author's pane; else the post itself (its chrome is skipped when reading).
 */
export function bodyOf(post: Element, sig: string, author: Author | null): Element {
  let best: Element | null = null;
  let bestLen = 0;
  const candidates: Array<[Element, number]> = [];
  for (const el of ownParts(post, BODYISH, sig, 60)) {
    if (author && (el.contains(author.el) || author.el.contains(el))) continue;
    if (el.matches(NOT_WORDS)) continue;
    const len = foldWhitespace(el.textContent ?? '').length;
    candidates.push([el, len]);
    if (len > bestLen) {
      best = el;
      bestLen = len;
    }
  }
  if (!best || bestLen < 2) return post;
  // The tightest body-like element inside it that still holds nearly all its words: the post's text
  // without the title line or "by X" line that engines put in the same wrapper (phpBB .postbody > .content).
  const slack = Math.max(120, bestLen * 0.15);
  let tight = best;
  let tightLen = bestLen;
  for (const [el, len] of candidates) {
    if (el !== best && best.contains(el) && len >= bestLen - slack && len < tightLen && len > 0) {
      tight = el;
      tightLen = len;
    }
  }
  return tight;
}

const EDIT_NOTE = /^(last )?(edited|modified|updated)\b/i;

/**
 * "Edited <time> by X (see edit history)" lines the engine writes into the body: a short block that
 * holds a time and starts with "edited". Found from the body's few time elements, not by a walk.
 */
export function editNotes(body: Element): Element[] {
  const out: Element[] = [];
  for (const t of $$(body, 'time').slice(0, 8)) {
    let a: Element | null = t.parentElement;
    for (let i = 0; a && a !== body && i < 3; i++, a = a.parentElement) {
      const words = foldWhitespace(a.textContent ?? '');
      if (words.length > 160) break;
      if (EDIT_NOTE.test(words)) {
        // The note's wrapper when it holds nothing else (the "see edit history" link beside it).
        const up = a.parentElement;
        out.push(up && up !== body && foldWhitespace(up.textContent ?? '').length <= 160 ? up : a);
        break;
      }
    }
  }
  return out;
}

/** Words of the post: body minus quotes, signatures, chrome and nested replies. */
export function wordsOf(body: Element, sig: string, nestedSelector: string | null): { text: string; quoted: string } {
  const skip = [QUOTE, NOT_WORDS, nestedSelector].filter(Boolean).join(', ');
  const skipped = new Set($$(body, skip));
  for (const note of editNotes(body)) skipped.add(note);
  const text = visibleText(body, { skipElements: skipped, maxNodes: 20_000 });
  const quotes = $$(body, QUOTE).filter((q) => !q.parentElement?.closest(QUOTE) && postOf(q, sig, body) === null);
  return { text, quoted: quotes.slice(0, 10).map((q) => visibleText(q, { maxNodes: 5_000 })).join(' ') };
}

const TIMEISH = 'time[datetime], [datetime], [data-time], [data-timestamp], [itemprop="dateCreated"], [itemprop="datePublished"], [itemprop="publishDate"]';

/** Machine-readable time only: a date in an unknown time zone is not a time. */
export function timeOf(post: Element, sig: string): string | null {
  for (const el of ownParts(post, TIMEISH, sig, 4)) {
    for (const a of ['datetime', 'data-time', 'data-timestamp', 'content']) {
      const v = el.getAttribute(a)?.trim();
      if (v && (/^\d{9,14}$/.test(v) || /\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)$/.test(v))) {
        const t = isoTime(v);
        if (t) return t;
      }
    }
  }
  return null;
}

/** The post's own link: an anchor to its id, a permalink-like link, or the page with its id as fragment. */
export function permalinkOf(post: Element, sig: string): string | null {
  const id = post.id || post.querySelector('a[id], a[name]')?.getAttribute('id') || post.querySelector('a[name]')?.getAttribute('name') || '';
  if (id) {
    for (const a of ownParts(post, 'a[href*="#"]', sig, 20)) {
      const href = a.getAttribute('href')!;
      if (href.endsWith(`#${id}`)) return href;
    }
  }
  const explicit = ownParts(post, 'a[rel="bookmark"], a.u-url, a[class*="permalink" i], a[title*="permalink" i], [itemprop="url"]', sig, 2)[0];
  const href = explicit?.getAttribute('href') ?? explicit?.getAttribute('content');
  if (href) return href;
  return id ? `#${id}` : null;
}
