/**
 * Reading the parts of one post block of an unknown engine: author, own words (quotes and
 * signatures kept apart), time, permalink. Selectors as data; every read budgeted, never throws.
 */
import { $$, foldWhitespace, isoTime, visibleText } from '../dom';
import { closest, matcher, matches, queryAll } from './match';
import { signature } from './signature';
import { headsOfQuotes, withoutReplyHead } from '../quote-heads';

/** Where an author's name sits, most telling first (schema.org, microformats, engine class names, profile links). */
export const AUTHORISH = [
  '[itemprop="author"] [itemprop="name"]',
  '[itemprop="author"]',
  '.p-author',
  '[rel="author"]',
  '[data-author]',
  '[data-username]',
  // A badge beside the name ("author-badge", a role label: "Owner", "Staff") is a label, never the name.
  '[class*="author"]:not([class*="authority"]):not([class*="badge"])',
  '[class*="username"]',
  '[class*="user-name"]',
  '[class*="userName"]',
  '[class*="poster"]',
  '[class*="nickname"]',
  // A name's element named for what it holds, the last word of its class ("convo-user", "qa-nick").
  '[class$="-user"]',
  '[class$="_user"]',
  '[class$="-nick"]',
  // "comment-name", "commenter__name", "reviewer-name": the element named for the writer's name.
  '[class$="-name"]:not([class*="field"])',
  '[class$="_name"]:not([class*="field"])',
  // The same class tokens before another one ("commento-name commento-moderator", "comment-user is-op"):
  // CSS has no token-suffix test, so a token followed by the space before the next.
  '[class*="-name "]:not([class*="field"])',
  '[class*="_name "]:not([class*="field"])',
  '[class*="-user "]',
  '[class*="_user "]',
  '[class*="-nick "]',
  '.fn',
  '.name',
  'a[href*="/user/"]',
  'a[href*="/users/"]',
  'a[href*="/u/"]',
  'a[href*="/member"]',
  'a[href*="/profile"]',
  'a[href*="profile.php"]',
  // A script named for profiles, in the server's own capitals (ViewProfile.jspa?name=, UserProfile.aspx?id=).
  'a[href*="Profile."][href*="?"]',
  'a[href*="member.php"]',
  'a[href*="memberlist.php"]',
  'a[href*="action=profile"]',
  'a[href*="showuser="]',
  'a[href*="/people/"]',
  'a[href*="/author/"]',
  'a[href*="/authors/"]',
  'a[href*="/~"]',
  'a[href*="user?id="]',
  'a[href*="?user="]',
  'a[href*="userid="]',
  // A user id in the query or in a rewritten address (PROFILE_HREF in gate.ts says where people live).
  'a[href*="uid="]',
  'a[href*="user_id="]',
  'a[href*="space-uid-"]',
  'a[href*="/@"]',
  'cite',
].join(', ');

/** Quoted posts of other people: kept apart in `quoted`. */
export const QUOTE =
  // XenForo 1 writes the post itself as blockquote.messageText: a blockquote named like a body is not a quote;
  // nor one named for a comment (some engines draw each comment as a blockquote.comment).
  'blockquote:not([class*="message" i]):not([class*="content" i]):not([class*="body" i]):not([class*="text" i]):not([class*="comment" i]), ' +
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
  // A carousel shows picks from elsewhere (reviews of other products, "customers say" cards), never the thread itself.
  'carousel', 'slider', 'swiper', 'slideshow', 'marquee',
]);
const BAD_HEAD = /^(sidebar|footer|widget_|recent|related|popular|breadcrumb|nav-|navbar|menu-|masthead|advert|carousel|slider|swiper)/i;
const BAD_TAIL = /[_-](sidebar|footer|nav|navigation|navbar|menu|widgets|related|breadcrumbs?|recent-comments|recent-posts|popular-posts|carousel|slider|swiper)$/i;
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
    if (badElement(a) && !holdsProse(a)) return true;
  }
  return false;
}

/** Prose a navigation region never holds: more than this many characters of words outside links, links a small share. */
const REGION_PROSE = 600;
const REGION_LINK_SHARE = 0.25;
const proseRegions = new WeakMap<Element, boolean>();

/**
 * A region named like navigation or a sidebar that holds pages of prose is the page's body under a
 * wrong name, or inside a navigation element a template left unclosed (the browser then nests the
 * whole thread in it). Judged once per region: its text and its links' text.
 */
function holdsProse(region: Element): boolean {
  let known = proseRegions.get(region);
  if (known !== undefined) return known;
  const text = foldWhitespace(region.textContent ?? '').length;
  let links = 0;
  const anchors = region.getElementsByTagName('a');
  for (let i = 0; i < anchors.length && i < 2_000; i++) links += (anchors[i]!.textContent ?? '').trim().length;
  known = text - links >= REGION_PROSE && links <= text * REGION_LINK_SHARE;
  proseRegions.set(region, known);
  return known;
}

/**
 * The blocks accepted as posts on a document (blocks.ts findPostType). Once known, only they bound a
 * post: a table row of a post's inner layout table has the post's signature ("TR") but is not a post.
 */
const accepted = new WeakSet<Element>();
const acceptedSig = new WeakMap<Document, string>();

export function acceptPosts(sig: string, members: readonly Element[]): void {
  const doc = members[0]?.ownerDocument;
  if (!doc) return;
  acceptedSig.set(doc, sig);
  for (const m of members) accepted.add(m);
}

/** Replies of another kind nested in the accepted posts: their parts are theirs, not their parent's. */
export function acceptReplies(replies: readonly Element[]): void {
  for (const r of replies) accepted.add(r);
}

/** The nearest ancestor-or-self carrying sig (the post a part belongs to). */
function postOf(el: Element, sig: string, limit: Element): Element | null {
  const known = acceptedSig.get(el.ownerDocument) === sig;
  for (let a: Element | null = el; a; a = a.parentElement) {
    if (known ? accepted.has(a) : signature(a) === sig) return a;
    if (a === limit) return null;
  }
  return null;
}

/** Matches of css that belong to this post, not to a reply nested inside it nor to a quote. */
export function ownParts(post: Element, css: string, sig: string, limit = 40): Element[] {
  const out: Element[] = [];
  for (const m of queryAll(post, css)) {
    if (out.length >= limit) break;
    if (postOf(m, sig, post) !== post) continue;
    const quote = m.closest(QUOTE);
    if (quote && post.contains(quote)) continue;
    out.push(m);
  }
  return out;
}

/**
 * The first match of css in the post when it is the post's own (as ownParts(...)[0]); null when the
 * first match belongs to a nested reply or a quote (the caller then asks for the full list).
 */
function ownFirst(post: Element, css: string, sig: string): Element | null {
  let m: Element | null;
  try {
    m = post.querySelector(css);
  } catch {
    return null;
  }
  if (!m || postOf(m, sig, post) !== post) return null;
  const quote = m.closest(QUOTE);
  return quote && post.contains(quote) ? null : m;
}

const UI_WORDS = /^(reply|quote|share|report|edit|delete|like|likes|permalink|link|posted|by|admin|moderator|member|guest|anonymous|says|said|wrote|offline|online|#\d+)$/i;

const SENTENCE = /^\S+\s+\S+\s.*\s\p{Ll}+[.!?]$/u;

/** A plausible display name: short, one line, not a UI label, not a date, not a sentence. */
function plausibleName(s: string): boolean {
  if (s.length < 1 || s.length > 60) return false;
  if (s.split(' ').length > 6) return false;
  if (UI_WORDS.test(s)) return false;
  if (/^\d+[\d\s:./-]*$/.test(s)) return false;
  if (/:\/\/|^www\./i.test(s)) return false;
  // A sentence is not a name: four words or more ending in a lower-case word and a full stop ("Sign in to reply.").
  if (SENTENCE.test(s)) return false;
  return /[\p{L}\p{N}]/u.test(s);
}

export interface Author {
  el: Element;
  name: string;
  href: string | null;
  /** The name came only from the writer's picture (a default avatar's letter). */
  pictured?: boolean;
  /** The element inside `el` that prints the name (the link in an author line), when not `el` itself. */
  nameEl?: Element;
}

/** An element named for the writer's name: there "Anonymous" or "Guest" is the name shown, not a label beside it. */
const NAMED_FOR_NAME = /author|user-?name|nick|(^|[-_\s])name(\s|$)/i;

/** A plausible author name in an author-like element, or null. */
function nameIn(el: Element): Author | null {
  const fromAttr = el.getAttribute('data-author') ?? el.getAttribute('data-username');
  // The name itself where the element also holds a date or a label ("Emma December 18, 2025").
  // A link to a post (#p123, "Post" icons) sits in author lines too: the profile link is the name.
  // A link around a default avatar holds its initials only: the printed name is elsewhere.
  const inner =
    el.querySelector('[itemprop="name"], .fn, .p-name, [class*="name" i]') ??
    // A picture-only link (the writer's icon before the name link) prints no name.
    $$(el, 'a[href]').find((a) => !a.getAttribute('href')!.includes('#') && !initialsOnly(a, el) && foldWhitespace(a.textContent ?? '') !== '') ??
    el;
  // Only a picture's initials: a name of last resort (authorOf prefers one printed elsewhere).
  const pictured = !fromAttr && initialsOnly(inner, el);
  const name = foldWhitespace(fromAttr || shownName(inner))
    .replace(/^(by|von|par|por)\s+/i, '')
    .replace(/\s*(says|said|wrote)\s*:?$/i, '')
    .replace(/[,:]$/, '');
  const unnamed = /^(anonymous|guest)$/i.test(name) && NAMED_FOR_NAME.test(el.getAttribute('class') ?? '');
  if (!plausibleName(name) && !unnamed) return null;
  // A tag link (rel="tag", the rel-tag convention) names a topic, never a writer.
  if (el.matches('[rel~="tag" i]') || inner.matches('[rel~="tag" i]')) return null;
  const link = el.matches('a[href]') ? el : (el.querySelector('a[href]') ?? el.closest('a[href]'));
  const href = link?.getAttribute('href') ?? null;
  return { el, name: withoutMarks(name, href, inner), href, ...(pictured ? { pictured } : {}), ...(inner !== el ? { nameEl: inner } : {}) };
}

/** A bracketed tail after a name: "Corin Abe (corin-abe)", "fernhollow[OP]". */
const BRACKET_TAIL = /^(.+?)\s*[[(]([^[\]()]{1,30})[\])]$/;

/**
 * A name without what engines print after it in brackets: the handle its profile address repeats
 * ("Display Name (handle)" linking to /~handle), or a role mark drawn in an element of its own beside
 * the name ("[OP]", "(mod)"). A bracket that is part of the name as written ("Bob (UK)") stays.
 */
function withoutMarks(name: string, href: string | null, inner: Element): string {
  const m = BRACKET_TAIL.exec(name);
  if (!m) return name;
  const [, bare, tail] = m as unknown as [string, string, string];
  const handle = (href ?? '').split(/[?#]/)[0]!.replace(/\/+$/, '').split('/').pop()?.replace(/^[~@]/, '').toLowerCase() ?? '';
  if (handle && tail.replace(/^[~@]/, '').toLowerCase() === handle) return bare;
  const mark = $$(inner, '*').find((e) => e.children.length === 0 && foldWhitespace(e.textContent ?? '').replace(/^[[(]|[\])]$/g, '') === tail);
  return mark && !foldWhitespace(mark.textContent ?? '').includes(bare) ? bare : name;
}

/** Blocks inside a name's element: lines of their own under the name. */
const BLOCK_LINES = 'div, p, ul, ol, li, dl, table';
const IN_BLOCK_LINE = matcher(BLOCK_LINES);

/**
 * The name an element prints. A profile link may print the name and, in blocks of their own under it,
 * the writer's counts and country ("4 reviews", "GB"): then the name is its text outside those blocks.
 */
function shownName(inner: Element): string {
  const all = visibleText(inner, { maxChars: 200, maxNodes: 200 });
  if (inner.tagName !== 'A' || inner.firstElementChild === null || !inner.querySelector(BLOCK_LINES)) return all;
  const line = foldWhitespace(visibleText(inner, { maxChars: 200, maxNodes: 200, skipWhere: IN_BLOCK_LINE }));
  return line && plausibleName(line) ? line : all;
}

/**
 * A definition list writes one entry as two siblings: the <dt> (who, when) and the <dd> (the words).
 * The <dd> is the post; its <dt> is its head.
 */
export function headOf(post: Element): Element | null {
  const dt = post.tagName === 'DD' ? post.previousElementSibling : null;
  return dt?.tagName === 'DT' ? dt : null;
}

/** Where a picture of the writer sits: its letter ("M") or alt text is not the name printed beside it. */
const PICTURE = /avatar|picture|photo|userpic|user-pic|profile-pic|gravatar|thumbnail/i;
const PICTURE_CSS = ['avatar', 'picture', 'photo', 'userpic', 'user-pic', 'profile-pic', 'gravatar', 'thumbnail'].map((w) => `[class*="${w}" i]`).join(', ');

/**
 * A default avatar draws the name's first letters ("M", "JD") in place of a photo: text of one or two
 * characters in or around a picture-named element. A link classed as an avatar that also prints
 * the whole name beside the image is a name.
 */
function initialsOnly(el: Element, within: Element): boolean {
  if (foldWhitespace(el.textContent ?? '').length > 2) return false;
  return inPicture(el, within) || el.querySelector(PICTURE_CSS) !== null;
}

function inPicture(el: Element, within: Element): boolean {
  for (let a: Element | null = el, i = 0; a && a !== within && i < 4; a = a.parentElement, i++) {
    // A class naming a picture, not a layout flag about one ("has-avatar" on the whole author pane).
    for (const t of (a.getAttribute('class') ?? '').split(/\s+/)) if (t && PICTURE.test(t) && !LAYOUT_FLAG.test(t)) return true;
  }
  return false;
}

/**
 * The post's author: the first own author-like element with a plausible name. A profile link that
 * wraps the writer's picture (a default avatar draws the name's first letter) counts only when no
 * name is printed anywhere else in the post.
 */
/**
 * Authors already found in this reading (the sample judged while finding posts is read again right
 * after): forgotten when the next search for posts starts and once the task ends, so a page that
 * changes later is read afresh.
 */
let foundAuthors: WeakMap<Element, { sig: string; author: Author | null }> | null = null;

/** A new search for posts starts: nothing found before it is trusted (the page may have changed). */
export function forgetFoundAuthors(): void {
  foundAuthors = null;
}

export function authorOf(post: Element, sig: string): Author | null {
  const known = foundAuthors?.get(post);
  if (known && known.sig === sig) return known.author;
  const author = findAuthor(post, sig);
  if (!foundAuthors) {
    foundAuthors = new WeakMap();
    queueMicrotask(() => (foundAuthors = null));
  }
  foundAuthors.set(post, { sig, author });
  return author;
}

/** What a default avatar draws in place of a photo: one or two letters and nothing else ("H", "JD"). */
const INITIALS = /^\p{L}{1,2}$/u;

/**
 * A name read from the writer's picture: its initials, in a picture-named element or alone in a
 * profile link (an avatar whose class does not say so: "esAvtr"). A last resort, as the name printed
 * beside it is the name.
 */
function drawnInitials(found: Author, el: Element, post: Element): boolean {
  return found.pictured === true || (found.name.length <= 2 && (inPicture(el, post) || INITIALS.test(found.name)));
}

function findAuthor(post: Element, sig: string): Author | null {
  // Most posts name their writer in their first author-like element: one native first-match query,
  // which stops early, before the full list of them.
  const first = ownFirst(post, AUTHORISH, sig);
  if (first) {
    const found = nameIn(writerAfterBy(first) ?? first);
    if (found && !drawnInitials(found, first, post)) return found;
  }
  let pictured: Author | null = null;
  for (const el of ownParts(post, AUTHORISH, sig, 12)) {
    const found = nameIn(el);
    if (!found) continue;
    if (!drawnInitials(found, el, post)) return found;
    pictured ??= found;
  }
  // The name printed in plain text that the initials stand for ("H" beside "Harriet J."), else the initials.
  if (pictured) return plainNameOf(post, sig, pictured.name) ?? pictured;
  const head = headOf(post);
  if (head) {
    for (const el of queryAll(head, AUTHORISH).slice(0, 12)) {
      const found = nameIn(el);
      if (found) return found;
    }
  }
  return plainNameOf(post, sig);
}

/**
 * "Posted in <a>~books</a> by <a>wrenfield</a>": a by-line that links a place before its writer. When
 * the first person-like link is followed, in the same line, by "by" and another such link, that one
 * is the writer.
 */
function writerAfterBy(first: Element): Element | null {
  if (first.tagName !== 'A') return null;
  const before = first.previousSibling;
  if (before?.nodeType === 3 && /\bby\s*$/i.test(before.nodeValue ?? '')) return null;
  let n = first.nextSibling;
  for (let k = 0; n && k < 3; n = n.nextSibling, k++) {
    if (n.nodeType === 3) {
      if (!/^\s*by\s*$/i.test(n.nodeValue ?? '')) {
        if ((n.nodeValue ?? '').trim()) return null;
        continue;
      }
      const next = n.nextSibling;
      return next?.nodeType === 1 && matches(next as Element, AUTHORISH) ? (next as Element) : null;
    }
  }
  return null;
}

/** Dates and times as people write them, relative ones ("3 hours ago", "1h ago") too. */
export const DATE_WORDS = /\b(\d{4}-\d\d-\d\d|\d{4}\/\d\d\/\d\d|\d{1,2}[./]\d{1,2}[./]\d{2,4}|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? (\d{1,2}|['’]\d\d)|\d{1,2}\.? (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|\d+ (minutes?|hours?|days?|weeks?|months?|years?) ago|\d+ ?(s|m|min|h|hr|d|w|mo|y) ago|yesterday|today)\b/i;
const NAME_TAGS = new Set(['STRONG', 'B', 'DT', 'SPAN', 'A', 'CITE', 'H3', 'H4', 'H5', 'H6', 'DIV', 'P']);

/**
 * Engines that mark the author with nothing but bold (FluxBB's `dt > strong`): the first short
 * name-like leaf near the top of the post, trusted only when the post also shows a date, so a list
 * of titled cards does not become a list of posts.
 */
function plainNameOf(post: Element, sig: string, initials?: string): Author | null {
  const head = (post.textContent ?? '').slice(0, 600);
  if (!DATE_WORDS.test(head) && !post.querySelector('time, [datetime]')) return null;
  const all = post.getElementsByTagName('*');
  for (let i = 0; i < all.length && i < 60; i++) {
    const el = all[i]!;
    if (!NAME_TAGS.has(el.tagName)) continue;
    if (closest(el, QUOTE) || el.closest('h1, h2') || postOf(el, sig, post) !== post) continue;
    // A guest's name written as text in the by-line, before its date ("Ann Lee | May 3, 2015").
    const lined = bylineName(el);
    if (lined && (!initials || lined[0]!.toLowerCase() === initials[0]!.toLowerCase())) return { el, name: lined, href: null };
    if (el.children.length > 1) continue;
    const name = foldWhitespace(el.textContent ?? '');
    if (!plausibleName(name) || DATE_WORDS.test(name) || name.split(' ').length > 3) continue;
    // Standing for a picture's initials: a longer name that starts with them.
    if (initials && (name.length <= 2 || name[0]!.toLowerCase() !== initials[0]!.toLowerCase())) continue;
    const link = el.closest('a[href]') ?? el.querySelector('a[href]');
    return { el, name, href: link?.getAttribute('href') ?? null };
  }
  return null;
}

/** "Name | date", "Name · date", "Name, date", "Name on date": the separator and the date after the name. */
const BYLINE = new RegExp(`^(?:(?:posted|submitted|written)\\s+)?(?:by:?\\s+)?(.{1,60}?)\\s*(?:[|·•,–—-]|\\s(?:on|at))\\s*(?:on\\s+)?${DATE_WORDS.source.replace(/^\\b/, '')}`, 'i');

/**
 * A name in the first words written straight into a by-line element (a text node of its own, not
 * in a child), when a date follows it after a separator: how themes print a guest, who has no link.
 */
function bylineName(el: Element): string | null {
  for (let n = el.firstChild, k = 0; n && k < 3; n = n.nextSibling, k++) {
    if (n.nodeType !== 3) continue;
    if (!foldWhitespace(n.nodeValue ?? '')) continue;
    // The date may follow in an element of its own ("Posted by: Hugh | <a>April 9, 2024</a>").
    let line = n.nodeValue ?? '';
    for (let m = n.nextSibling, j = 0; m && j < 3 && line.length < 160; m = m.nextSibling, j++) line += ` ${m.textContent ?? ''}`;
    const text = foldWhitespace(line);
    const name = text.match(BYLINE)?.[1]?.trim();
    return name && plausibleName(name) && !DATE_WORDS.test(name) && name.split(' ').length <= 4 ? name : null;
  }
  return null;
}

/** What a row skips when telling words from controls: chrome, and links to places on this page (a post's "#1"). */
const NOT_WORDS_OR_HERE = matcher(`${NOT_WORDS}, a[href^="#"]`);

/** Where a post's own words sit, most telling first. */
export const BODYISH = [
  '[itemprop="text"]', '[itemprop="articleBody"]', '[itemprop="commentText"]', '[itemprop="reviewBody"]', '.e-content',
  '[class*="content" i]', '[class*="message" i]', '[class*="msg" i]', '[class*="body" i]', '[class*="text" i]', '[class*="entry" i]',
].join(', ');

/**
 * The element holding the post's words: the own body-like element with the most text that is not
 * the author's pane; else the post itself (its chrome is skipped when reading).
 */
export function bodyOf(post: Element, sig: string, author: Author | null, opts: { proseFallback?: boolean } = {}): Element {
  let best: Element | null = null;
  let bestLen = 0;
  const candidates: Array<[Element, number]> = [];
  for (const el of ownParts(post, BODYISH, sig, 60)) {
    if (author && (el.contains(author.el) || author.el.contains(el))) continue;
    if (matches(el, NOT_WORDS)) continue;
    const len = foldWhitespace(el.textContent ?? '').length;
    // A short row of controls ("Like Share Reply" buttons in a div named like an entry) holds no words,
    // nor one of links to places on this page only (a "contextual" row's "#1": its class names text).
    if (len < 200 && !visibleText(el, { skipWhere: NOT_WORDS_OR_HERE, maxNodes: 200 })) continue;
    candidates.push([el, len]);
    if (len > bestLen) {
      best = el;
      bestLen = len;
    }
  }
  // No element named like a body: where the prose sits (the learned reader wants the post itself then).
  if (!best || bestLen < 2) return opts.proseFallback === false ? post : wordsBlock(post, sig, author);
  // The tightest body-like element inside it that still holds nearly all its words: the post's text
  // without the title line or "by X" line that engines put in the same wrapper (phpBB .postbody > .content).
  const slack = Math.max(120, bestLen * 0.15);
  let tight = best;
  let tightLen = bestLen;
  // Where the words run as prose, the tighter element must hold nearly all of it: a short details row
  // ("#2 · May 27, 2025") inside a short post's wrapper is within the slack but holds none of its words.
  const inside = candidates.filter(([el]) => el !== best && best.contains(el));
  // A body-named block with no prose in it (a grid of "Status: Open" fields in a "splitcontent" box)
  // beside paragraphs of prose elsewhere in the post: the words are where the prose is. Most bodies
  // show a run of prose in their first text, so the look stops there.
  if (!holdsProseRun(best)) {
    const words = wordsBlock(post, sig, author);
    if (words !== post && !words.contains(best) && proseOf(words, post, sig).prose >= Math.max(PROSE_RUN, 2 * bestLen)) return words;
  }
  // Nothing body-like inside the best: it is the body (most posts), no prose to weigh.
  if (inside.length === 0) return best;
  const { prose, longest } = proseOf(best, post, sig);
  const holdsProse = (el: Element) => (prose < PROSE_RUN ? !longest || el.contains(longest) : proseOf(el, post, sig).prose >= prose * 0.9);
  for (const [el, len] of inside) {
    if (len >= bestLen - slack && len < tightLen && len > 0 && holdsProse(el)) {
      tight = el;
      tightLen = len;
    }
  }
  // Where the wrapper also repeats the topic's title, a date, a "#N" link and a signature around the
  // words (more than the slack allows), the smallest body-like element holding nearly all its prose.
  if (prose < PROSE_RUN) return tight;
  for (const [el, len] of inside) {
    if (el !== tight && tight.contains(el) && len < tightLen && proseOf(el, post, sig).prose >= prose * 0.9) {
      tight = el;
      tightLen = len;
    }
  }
  return tight;
}

/** A run of text this long is prose; titles, dates, "#N" links, buttons and one-line signatures are shorter. */
const PROSE_RUN = 60;

/** Whether el holds one run of prose anywhere (quotes and chrome included: only "is there prose at all"); stops at the first. */
function holdsProseRun(el: Element): boolean {
  const stack: Node[] = [el];
  let budget = 2_000;
  while (stack.length > 0 && budget-- > 0) {
    const n = stack.pop()!;
    if (n.nodeType === 3) {
      if ((n.nodeValue ?? '').trim().length >= PROSE_RUN) return true;
      continue;
    }
    if (n.nodeType !== 1) continue;
    for (let kid = n.lastChild; kid; kid = kid.previousSibling) stack.push(kid);
  }
  return false;
}

/**
 * Characters of prose in el (text runs of PROSE_RUN or more outside quotes, signatures, chrome and
 * nested posts) and its longest run of text, whatever its length. Budgeted.
 */
function proseOf(el: Element, post: Element, sig: string): { prose: number; longest: Node | null } {
  let total = 0;
  let longest: Node | null = null;
  let longestLen = 0;
  const stack: Node[] = [el];
  let budget = 2_000;
  while (stack.length > 0 && budget-- > 0) {
    const n = stack.pop()!;
    if (n.nodeType === 3) {
      const len = (n.nodeValue ?? '').trim().length;
      if (len >= PROSE_RUN) total += len;
      // A date or a "#N" is the post's stamp, not its words, however long the words are.
      if (len > longestLen && len < PROSE_RUN && stampText(foldWhitespace(n.nodeValue ?? ''))) continue;
      if (len > longestLen) {
        longest = n;
        longestLen = len;
      }
      continue;
    }
    if (n.nodeType !== 1) continue;
    const e = n as Element;
    if (e !== el && (matches(e, NOT_WORDS) || matches(e, QUOTE) || (e !== post && postOf(e, sig, post) !== post))) continue;
    for (let i = e.childNodes.length - 1; i >= 0; i--) stack.push(e.childNodes[i]!);
  }
  return { prose: total, longest };
}

const INLINE = new Set(['A', 'B', 'STRONG', 'I', 'EM', 'U', 'S', 'SPAN', 'SMALL', 'BIG', 'CODE', 'SUB', 'SUP', 'MARK', 'ABBR', 'TIME', 'FONT', 'IMG', 'BR', 'WBR']);
const PARAGRAPHS = new Set(['P', 'PRE', 'UL', 'OL']);

/**
 * Where the words sit when no element is named like a body: each run of prose (a paragraph, or
 * text written straight into a block) credits its length to the block that holds it; link text
 * credits nothing. The block with the most credit is the body, unless the prose sits straight in
 * the post (then the post, its author line left out when read).
 */
function wordsBlock(post: Element, sig: string, author: Author | null): Element {
  const credit = new Map<Element, number>();
  const stack: Node[] = [post];
  let budget = 3_000;
  while (stack.length > 0 && budget-- > 0) {
    const n = stack.pop()!;
    if (n.nodeType === 3) {
      const len = (n.nodeValue ?? '').trim().length;
      if (len === 0) continue;
      // Up through inline markup and the paragraph to the block that holds the prose; link text is not prose.
      let holder = n.parentElement;
      let linked = false;
      while (holder && holder !== post && (INLINE.has(holder.tagName) || PARAGRAPHS.has(holder.tagName))) {
        if (holder.tagName === 'A') linked = true;
        holder = holder.parentElement;
      }
      if (!holder || linked) continue;
      credit.set(holder, (credit.get(holder) ?? 0) + len);
      continue;
    }
    if (n.nodeType !== 1) continue;
    const el = n as Element;
    if (el !== post && (postOf(el, sig, post) !== post || matches(el, QUOTE) || (author && el.contains(author.el)) || matches(el, NOT_WORDS))) {
      // The author's line and nested replies credit nothing; what holds the author may still hold the words.
      if (!(author && el.contains(author.el) && el !== author.el && !matches(el, NOT_WORDS))) continue;
    }
    // Sibling links, not childNodes (a NodeList stays cached on its element: lib/sites/dom.ts textOf).
    for (let kid = el.lastChild; kid; kid = kid.previousSibling) stack.push(kid);
  }
  let best: Element = post;
  let most = 0;
  for (const [el, c] of credit) {
    if (c > most) {
      best = el;
      most = c;
    }
  }
  return linesHolder(best, post);
}

/**
 * Words written one paragraph per block, as some editors store them (a div per line, each of the same
 * kind): the lines are one body, held by their parent, when the parent holds nothing but such lines.
 */
function linesHolder(best: Element, post: Element): Element {
  const parent = best.parentElement;
  if (best === post || !parent || parent === post || !post.contains(parent)) return best;
  const kids = parent.children;
  if (kids.length < 2 || kids.length > 200) return best;
  const kind = best.getAttribute('class');
  for (let i = 0; i < kids.length; i++) {
    const k = kids[i]!;
    if (k.tagName !== best.tagName || k.getAttribute('class') !== kind) return best;
    for (let j = 0; j < k.children.length; j++) if (!INLINE.has(k.children[j]!.tagName)) return best;
  }
  return parent;
}

export const EDIT_NOTE = /^(last )?(edited|modified|updated)\b/i;

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

const SAID = /^.{1,60}\s(wrote|said|says|writes|schrieb|a écrit|escribió|ha scritto)\s*:$/i;

/**
 * Quotes an engine marks with nothing but a "Name wrote:" line: the smallest block around that line
 * that also holds the quoted words (a nested table, a div), inside the body and not the body itself.
 */
export function saidQuotes(body: Element): Element[] {
  const out: Element[] = [];
  for (const line of $$(body, 'b, strong, cite, span, em').slice(0, 200)) {
    const raw = line.textContent ?? '';
    // The line ends in a colon: without one anywhere, no need to fold its text.
    if (!raw.includes(':')) continue;
    const said = foldWhitespace(raw);
    if (!SAID.test(said)) continue;
    let a = line.parentElement;
    for (let i = 0; a && a !== body && i < 6; i++, a = a.parentElement) {
      if (foldWhitespace(a.textContent ?? '').length > said.length + 10) {
        if (!out.some((q) => q.contains(a!))) out.push(a);
        break;
      }
    }
  }
  return out;
}

const SIG_RULE = /^(--|—|_{5,}|-{5,})$/;

/**
 * Where a signature starts in the words: a line of its own that is "--" or a rule of underscores
 * or dashes, after a line break, as mail and old forums write it. Returns the words before it.
 */
function withoutSignature(body: Element, text: string): string {
  for (const t of $$(body, 'br').slice(0, 50)) {
    const rule = t.nextSibling;
    if (!rule || rule.nodeType !== 3 || !SIG_RULE.test((rule.nodeValue ?? '').trim())) continue;
    if (!(rule.nextSibling as Element | null)?.matches?.('br')) continue;
    const at = text.lastIndexOf(` ${(rule.nodeValue ?? '').trim()} `);
    if (at > 0) return text.slice(0, at).trim();
  }
  return text;
}

/** Children of a body that holds the author's line that are not words: that line, and short non-paragraph rows (actions, counts). */
function chromeOf(body: Element, author: Author | null): Element[] {
  const out: Element[] = [];
  for (let c = body.firstElementChild; c; c = c.nextElementSibling) {
    if (author && c.contains(author.el)) out.push(c);
    else if (!PARAGRAPHS.has(c.tagName) && c.tagName !== 'BLOCKQUOTE' && foldWhitespace(c.textContent ?? '').length < 25) out.push(c);
  }
  return out;
}

/**
 * Words of the post: body minus quotes, signatures, chrome and nested replies. `post` and `author`,
 * when the body is the post itself, leave the author's line and action rows out; quotes beside the
 * body in the post are the post's quotes too.
 */
/**
 * Quotes in a custom element named for them (<content-quote>, <x-quote>): CSS cannot match part of a
 * tag name, so the body's first elements are looked at (custom element names always hold a hyphen).
 */
function customQuotes(body: Element): Element[] {
  const out: Element[] = [];
  const all = body.getElementsByTagName('*');
  for (let i = 0; i < all.length && i < 2_000; i++) {
    const el = all[i]!;
    if (el.localName.includes('-') && /quote/i.test(el.localName) && !out.some((q) => q.contains(el))) out.push(el);
  }
  return out;
}

/** Text that is a date and nothing else ("3 weeks ago", "2024-02-19 18:02:00 +01:00", "14 May 2024 10:40"). */
const DATE_WORDS_ALL = new RegExp(DATE_WORDS.source, 'gi');

function dateOnly(text: string): boolean {
  if (!DATE_WORDS.test(text)) return false;
  const rest = text.replace(DATE_WORDS_ALL, ' ').replace(/\b\d{1,2}:\d\d(:\d\d)?\s*([ap]\.?m\.?)?/gi, ' ').replace(/\b(utc|gmt|[+-]\d\d:?\d\d|\d{4}|at|on)\b/gi, ' ');
  return !/[\p{L}\p{N}]/u.test(rest);
}

/** A date, or a post number, and nothing else. */
function stampText(text: string): boolean {
  return POST_NUMBER.test(text) || dateOnly(text);
}

/** Links that act on a post, never words of it. */
const CONTROL_LINK = /^(reply|quote|report|report post|edit|delete|like|unlike|share|permalink|flag|multi-?quote)$/i;

/** A post's number as its engine links it ("#8815", "#12"). */
const POST_NUMBER = /^#\d+$/;

/**
 * The post's own stamp written into its words' wrapper: its date (a <time>, a [datetime], a short
 * date-classed element) or its "#N" link, outside any paragraph (a date inside a sentence stays);
 * and its controls written as links.
 */
function stampsOf(body: Element): Element[] {
  const out: Element[] = [];
  // The post's controls written as links among its words ("reply", "Quote", "Report"): never words.
  for (const a of queryAll(body, 'a[href]').slice(0, 60)) {
    if (CONTROL_LINK.test(foldWhitespace(a.textContent ?? ''))) out.push(a);
  }
  // The wrapper itself may be the stamp: an event row's only text outside its by-line is its date.
  for (const el of [body, ...queryAll(body, 'time, [datetime], [class*="date" i], [class*="time" i], a[href*="#"]').slice(0, 20)]) {
    if (el.closest('p, li, blockquote') && body.contains(el.closest('p, li, blockquote'))) continue;
    const text = foldWhitespace(el.textContent ?? '');
    if (text.length > 40) continue;
    const stamp = el.tagName === 'A' ? POST_NUMBER.test(text) : el.matches('time, [datetime]') || (text.length > 0 && dateOnly(text));
    if (stamp && !out.some((o) => o.contains(el))) out.push(el);
  }
  return out;
}

export function wordsOf(body: Element, sig: string, nestedSelector: string | null, post?: Element, author?: Author | null): { text: string; quoted: string } {
  const skip = [QUOTE, NOT_WORDS, nestedSelector].filter(Boolean).join(', ');
  const skipped = new Set(queryAll(body, skip));
  for (const note of editNotes(body)) skipped.add(note);
  for (const stamp of stampsOf(body)) skipped.add(stamp);
  for (const head of headsOfQuotes(body)) skipped.add(head);
  const said = [...saidQuotes(body), ...customQuotes(body)];
  for (const q of said) skipped.add(q);
  if (post && (body === post || (author && body.contains(author.el)))) for (const c of chromeOf(body, author ?? null)) skipped.add(c);
  const text = skipped.has(body) ? '' : withoutSignature(body, visibleText(body, { skipElements: skipped, maxNodes: 20_000 }));
  const where = post && post !== body && !queryAll(body, QUOTE).length ? post : body;
  const quotes = [...queryAll(where, QUOTE).filter((q) => !closest(q.parentElement, QUOTE) && postOf(q, sig, where) === (where === post ? where : null)), ...said];
  const outer = quotes.filter((q) => !quotes.some((o) => o !== q && o.contains(q)));
  const quoted = outer.slice(0, 10).map((q) => visibleText(q, { maxNodes: 5_000 })).join(' ');
  return { text: withoutReplyHead(text, quoted), quoted };
}

export const TIMEISH = 'time[datetime], [datetime], [data-time], [data-timestamp], [itemprop="dateCreated"], [itemprop="datePublished"], [itemprop="publishDate"]';

/** Machine-readable time only: a date in an unknown time zone is not a time. */
export function timeOf(post: Element, sig: string): string | null {
  // The first own time-like element usually carries the time: one first-match query before the list.
  const first = ownFirst(post, TIMEISH, sig);
  const quick = first ? machineTime(first) : null;
  if (quick) return quick;
  const head = headOf(post);
  for (const el of [...ownParts(post, TIMEISH, sig, 4), ...(head ? $$(head, TIMEISH).slice(0, 4) : [])]) {
    const t = machineTime(el);
    if (t) return t;
  }
  return null;
}

const ZONED = /\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)$/;

function machineTime(el: Element): string | null {
  for (const a of ['datetime', 'data-time', 'data-timestamp', 'content']) {
    const v = el.getAttribute(a)?.trim();
    if (v && (/^\d{9,14}$/.test(v) || ZONED.test(v))) {
      const t = isoTime(v);
      if (t) return t;
    }
  }
  return null;
}

/** The post's own link: an anchor to its id, a permalink-like link, or the page with its id as fragment. */
export function permalinkOf(post: Element, sig: string): string | null {
  // An anchor names the post by its number ("p4412", "comment-5"); a component's fixed id ("author-text",
  // repeated in every post where a framework reuses ids) names no post.
  const anchor = (v: string | null | undefined) => (v && /\d/.test(v) ? v : '');
  const id = post.id || anchor(post.querySelector('a[id], a[name]')?.getAttribute('id')) || anchor(post.querySelector('a[name]')?.getAttribute('name'));
  if (id) {
    for (const a of ownParts(post, 'a[href*="#"]', sig, 20)) {
      const href = a.getAttribute('href')!;
      if (href.endsWith(`#${id}`)) return href;
    }
  }
  // A permalink-classed link to another place on this page is a reference ("In reply to <parent>"), not this post's.
  const explicit = ownParts(post, 'a[rel="bookmark"], a.u-url, a[class*="permalink" i], a[title*="permalink" i], [itemprop="url"]', sig, 4).find(
    (a) => !pointsElsewhereOnPage(a.getAttribute('href'), post),
  );
  const href = explicit?.getAttribute('href') ?? explicit?.getAttribute('content');
  if (href) return href;
  return id ? `#${id}` : null;
}

/** A link to a fragment of this page that names an element outside the post (another post). */
function pointsElsewhereOnPage(href: string | null, post: Element): boolean {
  if (!href) return false;
  const doc = post.ownerDocument;
  let frag: string;
  try {
    const u = new URL(href, doc.baseURI);
    const here = new URL(doc.baseURI);
    if (u.origin + u.pathname !== here.origin + here.pathname || u.hash.length <= 1) return false;
    frag = decodeURIComponent(u.hash.slice(1));
  } catch {
    return false;
  }
  if (frag === post.id) return false;
  const target = doc.getElementById(frag) ?? doc.getElementsByName(frag)[0] ?? null;
  return target !== null && !post.contains(target);
}

/**
 * Whether the words found are only a tracker's record of field changes: a list whose every item opens
 * with the field's name in bold ("<b>Status</b> changed from New to Feedback"). Such an entry with no
 * note is an edit, not something its writer said.
 */
export function onlyFieldChanges(body: Element, post: Element): boolean {
  const list = body.tagName === 'UL' || body.tagName === 'OL' ? body : body.tagName === 'LI' ? body.parentElement : null;
  if (!list || !post.contains(list) || list.firstElementChild === null) return false;
  for (let li: Element | null = list.firstElementChild, i = 0; li && i < 30; li = li.nextElementSibling, i++) {
    const first = li.firstChild?.nodeType === 3 && !(li.firstChild.nodeValue ?? '').trim() ? li.firstChild.nextSibling : li.firstChild;
    if (li.tagName !== 'LI' || !first || first.nodeType !== 1 || !['STRONG', 'B'].includes((first as Element).tagName)) return false;
  }
  return true;
}


/** "status: New → Confirmed": a field going from one value to another. */
const CHANGE = /\S\s*(→|->|⇒|»)\s*\S/;

/**
 * A tracker's activity log drawn as a table (when, who, field, old → new): every row records a field
 * going from one value to another. Its rows say nothing of their writers'; it is no post.
 */
export function onlyChangeRows(body: Element, post: Element): boolean {
  const table = body.closest('table');
  if (!table || !post.contains(table)) return false;
  const rows = $$(table, 'tr');
  if (rows.length === 0 || rows.length > 30) return false;
  return rows.every((tr) => CHANGE.test(tr.textContent ?? ''));
}

/** Elements that keep a line going: the name's line is the nearest ancestor that is none of them. */
const LINE_INLINE = new Set([...INLINE, 'LABEL']);

/**
 * A timeline's event ("X assigned this task to Y.", "X mentioned this in D12.") has no words apart from
 * the line that names its actor: what is read is that line's own sentence, starting with a lower-case
 * verb after the name. A post's words stand apart from the line that names its writer.
 */
export function onlyActorLine(text: string, author: Author, post: Element): boolean {
  // Most posts fail the first cheap tests: long, or not starting with a lower-case word.
  if (text.length > 400 || !/^\s*\p{Ll}+\s/u.test(text)) return false;
  const t = foldWhitespace(text);
  // A verb first ("assigned this …"): a bare link or a name is the words of a short post.
  if (t.length === 0 || t.length > 200 || !/^\p{Ll}+\s/u.test(t) || t.includes('://')) return false;
  let line = author.el.parentElement;
  while (line && line !== post && LINE_INLINE.has(line.tagName)) line = line.parentElement;
  if (!line) return false;
  return foldWhitespace(line.textContent ?? '').includes(t.slice(0, 15));
}
