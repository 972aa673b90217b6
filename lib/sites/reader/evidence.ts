/**
 * What a post shows that a card, a leaderboard row or a teaser does not. A name and a line of prose
 * are on every member card, writer box and related-story tile; a post also says when it was written
 * (a time, a date, "2h ago") or where it lives (its own link). A date labelled as the day someone
 * joined is a profile's, not a post's. Pure DOM reads, budgeted.
 */
import { foldWhitespace } from '../dom';
import { PROFILE_HREF } from './gate';
import { DATE_WORDS } from './parts';

/** A date that belongs to a person, not to words they wrote. */
const PROFILE_DATE_LABEL = /(joined|join date|member since|registered|birthday|born|last seen|last active|last visit)\s*:?\s*$/i;
const TIMEISH = 'time, [datetime], [data-time], [data-timestamp], [data-stamp], [data-utime], [itemprop="dateCreated"], [itemprop="datePublished"]';
/** A link to the post itself: its anchor, or one named a permalink. */
const OWN_LINK = 'a[rel="bookmark"], a[class*="permalink" i], a[title*="permalink" i], a.u-url';

/** The words just before `at` in `text`, where a label such as "Joined" would sit. */
function labelBefore(text: string, at: number): string {
  return text.slice(Math.max(0, at - 30), at);
}

/** A time element whose label says it is a profile's date. */
function profileTime(t: Element): boolean {
  for (let a = t.parentElement, i = 0; a && i < 2; a = a.parentElement, i++) {
    const text = foldWhitespace(a.textContent ?? '');
    const own = foldWhitespace(t.textContent ?? '');
    const at = own ? text.indexOf(own) : -1;
    if (at > 0) return PROFILE_DATE_LABEL.test(labelBefore(text, at).trim());
  }
  return false;
}

/** Where a date may start in run-together text: after a non-word character, or a digit right after a letter. */
const RUN_TOGETHER_START = '(?:^|(?<=[^\\p{L}\\p{N}_])|(?<=\\p{L})(?=\\p{N}))';

/** Compiled once: Unicode property classes are costly to compile on every block judged. */
const RUN_TOGETHER_DATE = new RegExp(DATE_WORDS.source.replace(/\\b$/, '').replace(/^\\b/, RUN_TOGETHER_START), 'giu');

/** When the block says it was written: a machine time or a written date, not a joined-on date. */
export function hasPostTime(el: Element): boolean {
  const times = el.querySelectorAll(TIMEISH);
  for (let i = 0; i < times.length && i < 6; i++) if (!profileTime(times[i]!)) return true;
  const head = foldWhitespace((el.textContent ?? '').slice(0, 1_500));
  // textContent runs blocks together ("1h agoThird time…", "Marcus Webb4 days ago" where a script drew
  // the elements without spaces): the date's end needs no word boundary, and a date starting with a
  // digit may follow a letter.
  const re = RUN_TOGETHER_DATE;
  re.lastIndex = 0;
  for (let m = re.exec(head), k = 0; m && k < 6; m = re.exec(head), k++) {
    if (!PROFILE_DATE_LABEL.test(labelBefore(head, m.index).trim())) return true;
  }
  return false;
}

/** The post's number: the digits of its id, or of the first id inside it ("tree_65870295", "comment-12"). */
function postNumber(el: Element): string | null {
  const id = el.id || el.querySelector('[id]')?.id || '';
  return id.match(/\d{3,}/)?.[0] ?? null;
}

/**
 * A link to the block's own place: its id as a fragment, a link named a permalink, or a link that
 * carries the post's number (engines write a post's own page as ?cid=N, /m-p/N, /comment/N).
 */
export function hasOwnLink(el: Element): boolean {
  if (el.querySelector(OWN_LINK)) return true;
  const id = el.id;
  const n = postNumber(el);
  if (!id && !n) return false;
  const links = el.getElementsByTagName('a');
  for (let i = 0; i < links.length && i < 30; i++) {
    const href = links[i]!.getAttribute('href') ?? '';
    if ((id && href.endsWith(`#${id}`)) || (n && ownNumberIn(href, n))) return true;
  }
  return false;
}

function ownNumberIn(href: string, n: string): boolean {
  return new RegExp(`(^|\\D)${n}(\\D|$)`).test(href) && !PROFILE_HREF.test(href);
}

const CONTROL = /^(reply|quote|like|\d+ likes?|report|permalink|respond|answer)$/i;

/** The controls people use on a post and not on a card: Reply, Quote, Like, Report. */
export function hasPostControls(el: Element): boolean {
  const all = el.querySelectorAll('a, button, [role="button"], span');
  for (let i = 0; i < all.length && i < 80; i++) {
    const c = all[i]!;
    if (c.children.length > 1) continue;
    const t = foldWhitespace(c.textContent ?? '');
    if (t.length <= 12 && CONTROL.test(t)) return true;
  }
  return false;
}

/**
 * Blocks their engine names for what people write ("fyre-comment-article", "reply", "message"):
 * a saved page may have lost the times and controls scripts drew. "post" and "entry" are left out:
 * blogs name their story teasers so.
 */
const WRITTEN_NAME = /comment|repl(y|ies)|message|answer|review|response/i;

/**
 * Post-like evidence beyond a name and words: when it was written, its own address, the controls of
 * a post, or a name that says it is one (`sig`, the block's signature).
 */
export function looksWritten(el: Element, sig = ''): boolean {
  return WRITTEN_NAME.test(sig) || hasPostTime(el) || hasOwnLink(el) || hasPostControls(el);
}

const HEADLINE_WORDS = 4;

/**
 * A teaser: the block opens with (or is titled by) a link of several words to another page — a
 * related story, a suggested topic, a product — not with the name of someone writing. Links to a
 * place on this page (#comment-5) are a post's own title or permalink, not a teaser's headline.
 */
export function isTeaser(el: Element, authorEl: Element | null): boolean {
  if (authorEl && leadPicture(el, authorEl)) return true;
  if (coveredByLink(el)) return true;
  const text = foldWhitespace((el.textContent ?? '').slice(0, 400));
  const links = el.getElementsByTagName('a');
  for (let i = 0; i < links.length && i < 8; i++) {
    const a = links[i]!;
    if (authorEl && (authorEl.contains(a) || a.contains(authorEl))) continue;
    const href = a.getAttribute('href') ?? '';
    // A link to a place on this page, or to the post's own page, is the post's title, not a headline.
    const n = postNumber(el);
    if (!href || href.includes('#') || (n && ownNumberIn(href, n))) continue;
    const words = foldWhitespace(a.textContent ?? '');
    if (words.split(' ').length < HEADLINE_WORDS) continue;
    const titled = a.closest('h1, h2, h3, h4, h5, h6') !== null && el.contains(a.closest('h1, h2, h3, h4, h5, h6'));
    // Only the block's own head: a nested reply's title further down is not this block's headline.
    const at = text.indexOf(words);
    if (at === 0 || (titled && at >= 0 && at < 80)) return true;
  }
  return false;
}

/**
 * A story tile: a picture linking to another page before the name (a post's picture before its
 * name is the writer's avatar, linking to their profile or nowhere).
 */
function leadPicture(el: Element, authorEl: Element): boolean {
  const first = el.getElementsByTagName('a')[0];
  if (!first || authorEl.contains(first) || first.contains(authorEl)) return false;
  if (!(first.compareDocumentPosition(authorEl) & 4 /* authorEl follows */)) return false;
  if (!first.querySelector('img, picture')) return false;
  const href = first.getAttribute('href') ?? '';
  if (!href || href.includes('#') || href.startsWith('javascript:') || PROFILE_HREF.test(href)) return false;
  // A picture acting on the post itself (a vote arrow to "vote?for=<its number>") is a control, not a story's picture.
  const n = postNumber(el);
  if (n && ownNumberIn(href, n)) return false;
  // An avatar links where the name links, written relative or absolute: compared resolved.
  const names = [authorEl.closest('a[href]'), ...authorEl.querySelectorAll('a[href]')].filter((a): a is Element => a !== null);
  const target = resolved(href, el);
  return !names.some((a) => resolved(a.getAttribute('href') ?? '', el) === target);
}

function resolved(href: string, el: Element): string {
  try {
    return new URL(href, el.ownerDocument.baseURI).href;
  } catch {
    return href;
  }
}

/**
 * A block made clickable as a whole: an empty link of its own (no text, no picture) to another page,
 * laid over the block. Cards and rows of a list of topics are drawn so; a post is read where it is.
 */
function coveredByLink(el: Element): boolean {
  for (let c = el.firstElementChild, k = 0; c && k < 4; c = c.nextElementSibling, k++) {
    if (c.tagName !== 'A' || c.firstElementChild !== null || (c.textContent ?? '').trim() !== '') continue;
    const href = c.getAttribute('href');
    if (!href || href.startsWith('#') || href.startsWith('javascript:')) continue;
    if (resolvedPath(href, el) !== resolvedPath(el.ownerDocument.baseURI, el)) return true;
  }
  return false;
}

function resolvedPath(href: string, el: Element): string {
  try {
    const u = new URL(href, el.ownerDocument.baseURI);
    return u.origin + u.pathname;
  } catch {
    return href;
  }
}

