/**
 * "Read posts like this one": from the one element the agent right-clicked inside a post, the
 * selectors of the post block, its author and its words — the way an element picker does it:
 * walk up to the block that repeats among the page's posts, name it by what the markup says it is
 * (schema.org type, an engine's component or role attribute, a stable class, an id pattern), never
 * by position (nth-child) or by a build's hashed class names, then check that the selectors read
 * the other posts too. Pure DOM reads, budgeted; never throws.
 */
import { $, $$, foldWhitespace } from '../dom';
import { learnedAdapter, type LearnedReader } from './learned';
import { authorOf, bodyOf, type Author } from '../reader/parts';
import { signature, STATE } from '../reader/signature';

/** Attributes whose values name a kind of element in engines' markup (not one element). */
const KIND_ATTRS = ['itemtype', 'itemprop', 'component', 'data-role', 'data-type', 'data-testid', 'data-component', 'role'];
/** Ancestors looked at above the clicked element. */
const MAX_UP = 16;
/** Matches counted per candidate selector: a selector matching more is not a post type. */
const MAX_MATCHES = 2_000;
/** Members sampled when checking that the selectors read the other posts. */
const SAMPLE = 20;

/** Build tools' generated class names (css-1x2y3z, sc-bdVaJa, jsx-123): they change with every release. */
function hashed(token: string): boolean {
  if (/\d/.test(token)) return true;
  if (/^(css|sc|jsx|svelte|emotion|styled|tw)-/i.test(token)) return true;
  if (/^_/.test(token)) return true;
  // Short mixed-case runs without separators (bdVaJa, kFzWBt) are hashes, not names.
  return token.length <= 8 && !/[-_]/.test(token) && (token.match(/[A-Z]/g)?.length ?? 0) >= 2;
}

function stableClasses(el: Element): string[] {
  const cls = el.getAttribute('class');
  if (!cls) return [];
  return cls.split(/\s+/).filter((t) => t.length >= 2 && !hashed(t) && !STATE.test(t) && /^[A-Za-z][\w-]*$/.test(t));
}

function quoteAttr(v: string): string {
  return v.replace(/["\\]/g, (c) => `\\${c}`);
}

/** Ways to name an element, most telling first; none uses its position. */
export function namesOf(el: Element): string[] {
  const tag = el.tagName.toLowerCase();
  const out: string[] = [];
  for (const a of KIND_ATTRS) {
    const v = el.getAttribute(a);
    if (v && v.length <= 80 && !/\d{3,}/.test(v.replace(/^https?:\/\/(www\.)?schema\.org/, ''))) out.push(`${tag}[${a}="${quoteAttr(v)}"]`);
  }
  const classes = stableClasses(el);
  for (const c of classes) out.push(`${tag}.${c}`);
  if (classes.length >= 2) out.push(`${tag}.${classes[0]}.${classes[1]}`);
  const idHead = el.id.match(/^([A-Za-z][A-Za-z_-]{1,30}?)[-_]?\d+$/)?.[1];
  if (idHead) out.push(`${tag}[id^="${quoteAttr(idHead)}"]`);
  return out;
}

/** The selector, relative to the post, that finds `part` first: its own name, or an ancestor's name plus its tag. */
function relativeSelector(post: Element, part: Element): string | null {
  const works = (css: string) => $(post, css) === part;
  for (const n of namesOf(part)) if (works(n)) return n;
  const tag = part.tagName.toLowerCase();
  for (let a = part.parentElement; a && a !== post; a = a.parentElement) {
    for (const n of namesOf(a)) {
      if (works(`${n} ${tag}`)) return `${n} ${tag}`;
      if (a === part.parentElement && works(`${n} > ${tag}`)) return `${n} > ${tag}`;
    }
  }
  // An author link by where it points (profile paths), when nothing else names it.
  const href = part.getAttribute('href');
  const path = href?.match(/^(?:https?:\/\/[^/]+)?(\/[A-Za-z_-]+\/)/)?.[1];
  if (path && works(`a[href*="${quoteAttr(path)}"]`)) return `a[href*="${quoteAttr(path)}"]`;
  return null;
}

export interface Derived {
  reader: LearnedReader;
  /** Posts the learned reader reads on the page (the clicked one included). */
  found: number;
}

interface Candidate {
  post: Element;
  reader: LearnedReader;
  found: number;
}

const PROBE_URL = new URL('https://learned.invalid/');

/** How many of the selector's blocks the reader reads as posts (sampled), and whether the clicked one is among them. */
function tryReader(doc: ParentNode, el: Element, css: string, authorCss: string, textCss: string): Candidate | null {
  const members = $$(doc, css);
  if (members.length < 2 || members.length > MAX_MATCHES || !members.includes(el)) return null;
  const nested = members.some((m) => m.parentElement?.closest(css));
  const reader: LearnedReader = { post: css, author: authorCss, text: textCss, nested };
  const adapter = learnedAdapter(reader);
  // The clicked post must read as a post: an author, some words.
  if (!adapter.readPost(el, PROBE_URL)) return null;
  const step = Math.max(1, Math.floor(members.length / SAMPLE));
  let good = 0;
  let seen = 0;
  for (let i = 0; i < members.length; i += step, seen++) if (adapter.readPost(members[i]!, PROBE_URL)) good++;
  // Most of the blocks the selector finds must read as posts: else it names something broader.
  if (good / seen < 0.6) return null;
  return { post: el, reader, found: Math.round(members.length * (good / seen)) };
}

/** The words' element: the body-like part the agent clicked in, else the one holding the most words. */
function wordsElement(post: Element, sig: string, author: Element, clicked: Element, guess: Element): Element {
  if (guess !== post && (guess.contains(clicked) || author.contains(clicked))) return guess;
  let best: Element | null = null;
  for (let a: Element | null = clicked; a && a !== post; a = a.parentElement) {
    if (a.contains(author)) break;
    if (namesOf(a).length > 0) best = a;
  }
  return best ?? guess;
}

const NAME_TAGS = new Set(['A', 'STRONG', 'B', 'SPAN', 'CITE', 'H3', 'H4', 'H5', 'H6', 'DIV', 'P', 'DT']);
const NOT_A_NAME = /^(reply|quote|share|report|edit|delete|like|permalink|link|posted|by|says|wrote|#?\d[\d\s:./-]*)$/i;

/**
 * Where the markup names no author (no author class, profile link or schema.org Person), the
 * agent's pointing is the evidence: the first short name-like line of the block above the words
 * they clicked. Checked on the other blocks like any other reading (tryReader).
 */
function pointedAuthor(block: Element, clicked: Element): Author | null {
  const all = block.getElementsByTagName('*');
  for (let i = 0; i < all.length && i < 80; i++) {
    const el = all[i]!;
    if (el.contains(clicked) || !NAME_TAGS.has(el.tagName) || el.children.length > 1) continue;
    // Only what comes before the clicked words: a header line, not a link inside the text.
    if (clicked.compareDocumentPosition(el) & 4) break;
    const name = foldWhitespace(el.textContent ?? '');
    if (name.length < 2 || name.length > 40 || name.split(' ').length > 4 || NOT_A_NAME.test(name) || !/\p{L}/u.test(name)) continue;
    return { el, name, href: null };
  }
  return null;
}

/** The element whose text is exactly the name ("Post by X » date" holds the link "X"). */
function nameElement(authorEl: Element, name: string): Element {
  if (foldWhitespace(authorEl.textContent ?? '') === name) return authorEl;
  for (const inner of $$(authorEl, '[itemprop="name"], .fn, .p-name, a[href], strong, b, span').slice(0, 20)) {
    if (foldWhitespace(inner.textContent ?? '') === name) return inner;
  }
  return authorEl;
}

/** The reader for posts like the one holding `clicked`, or null when no repeated post block holds it. */
export function deriveReader(clicked: Element, doc: ParentNode = clicked.ownerDocument ?? clicked): Derived | null {
  try {
    return deriveUnsafe(clicked, doc);
  } catch {
    return null;
  }
}

function deriveUnsafe(clicked: Element, doc: ParentNode): Derived | null {
  let lowest: Candidate | null = null;
  let el: Element | null = clicked;
  for (let up = 0; el && up < MAX_UP && el.tagName !== 'BODY' && el.tagName !== 'HTML'; up++, el = el.parentElement) {
    const sig = signature(el);
    if (!sig) continue;
    const author = authorOf(el, sig) ?? pointedAuthor(el, clicked);
    if (!author) continue;
    const body = wordsElement(el, sig, author.el, clicked, bodyOf(el, sig, author, { proseFallback: false }));
    if (body === el || body.contains(author.el)) continue;
    const authorCss = relativeSelector(el, nameElement(author.el, author.name));
    const textCss = relativeSelector(el, body);
    if (!authorCss || !textCss) continue;
    let best: Candidate | null = null;
    for (const css of namesOf(el)) {
      const c = tryReader(doc, el, css, authorCss, textCss);
      if (c && (!best || c.found > best.found)) best = c;
    }
    if (!best) continue;
    // The same posts in a bigger block (the block that also holds the post's time and links): keep climbing.
    if (lowest && best.found !== lowest.found) break;
    lowest = best;
  }
  if (!lowest) return null;
  // What the agent is told: the posts this reader now reads on the page, each once.
  const adapter = learnedAdapter(lowest.reader);
  const ids = new Set<string>();
  for (const m of $$(doc, lowest.reader.post).slice(0, MAX_MATCHES)) {
    const post = adapter.readPost(m, PROBE_URL);
    if (post) ids.add(post.id);
  }
  return { reader: lowest.reader, found: ids.size };
}
