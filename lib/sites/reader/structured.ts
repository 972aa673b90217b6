/**
 * Posts the page declares as structured data, tied to the elements that show them:
 * - microdata (itemscope/itemtype/itemprop) and RDFa (typeof/property) items of the schema.org post
 *   types are elements already: their parts are read from their properties;
 * - JSON-LD has no element: each declared post is found by its text (the page's words, indexed once)
 *   or its address (#fragment → element id). One that no element shows is reported, never guessed.
 */
import { $$, foldWhitespace, visibleText } from '../dom';
import { comparableWords, MAX_DECLARED, POST_TYPES, postsInJsonLd, type DeclaredPost } from './jsonld';
import { QUOTE } from './parts';

const SCHEMA = ['https://schema.org/', 'http://schema.org/'];

/** Elements typed as a post in microdata or RDFa (whole-token matches: "CommentAction" is not a Comment). */
export const ITEM_CSS = POST_TYPES.flatMap((t) => [
  ...SCHEMA.map((s) => `[itemtype~="${s}${t}"]`),
  `[typeof~="${t}"]`,
  `[typeof~="schema:${t}"]`,
]).join(', ');

const TYPE_TOKENS = new RegExp(`(^|\\s)(https?://schema\\.org/|schema:)?(${POST_TYPES.join('|')})(\\s|$)`);

/**
 * The items typed as posts under root, in document order: one scan for any typed element (one simple
 * attribute selector is far cheaper than the whole list on a 100,000-element page), then a token test.
 */
export function typedItems(root: ParentNode, limit: number): Element[] {
  const out: Element[] = [];
  for (const el of $$(root, '[itemtype], [typeof]')) {
    const itemtype = el.getAttribute('itemtype');
    // Microdata types are full URLs; RDFa types are bare under vocab= or schema:-prefixed.
    const ok = itemtype !== null ? /^https?:\/\/schema\.org\//.test(itemtype.trim()) && itemtype.split(/\s+/).some((t) => TYPE_TOKENS.test(t)) : TYPE_TOKENS.test(el.getAttribute('typeof') ?? '');
    if (ok && out.push(el) >= limit) break;
  }
  return out;
}

/** A property in microdata or RDFa (bare under vocab="https://schema.org/", or prefixed schema:). */
export function prop(...names: string[]): string {
  return names.flatMap((n) => [`[itemprop~="${n}"]`, `[property~="${n}"]`, `[property~="schema:${n}"]`]).join(', ');
}

export const ITEM_PARTS = {
  author: prop('author', 'creator'),
  name: prop('name'),
  text: prop('text', 'commentText', 'articleBody', 'reviewBody'),
  time: prop('dateCreated', 'datePublished'),
  url: prop('url'),
};

// ---- JSON-LD ------------------------------------------------------------------------------------

export interface ShownPost {
  item: DeclaredPost;
  /** The element holding the post's words. */
  body: Element;
  /** Where the declared words start on the page (null when found by address): what comes before it in the body is a by-line. */
  start: Text | null;
  /** The post's block: the widest ancestor of body that holds no other declared post's words. */
  el: Element;
}

export interface DeclaredReading {
  declared: number;
  shown: ShownPost[];
  /** Declared in JSON-LD, but no element on the page shows them: not read, not marked. */
  unshown: DeclaredPost[];
}

const NO_TEXT = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'TEXTAREA']);
const MAX_TEXT_NODES = 200_000;
/** Words of the declared text looked for on the page: enough to be unique, few enough to survive markup. */
const PROBE_WORDS = 12;
const MIN_PROBE_WORDS = 3;

/** The page's words as one comparable string (" w1 w2 … "), and where each text node starts in it. */
interface WordIndex {
  words: string;
  starts: number[];
  nodes: Text[];
}

function indexWords(root: Element): WordIndex {
  const parts: string[] = [' '];
  let length = 1;
  const starts: number[] = [];
  const nodes: Text[] = [];
  const stack: Node[] = [root];
  let budget = MAX_TEXT_NODES;
  while (stack.length > 0 && budget-- > 0) {
    const n = stack.pop()!;
    if (n.nodeType === 3) {
      const w = (n.nodeValue ?? '').toLowerCase().match(/[\p{L}\p{N}]+/gu);
      if (!w) continue;
      starts.push(length);
      nodes.push(n as Text);
      const s = `${w.join(' ')} `;
      parts.push(s);
      length += s.length;
    } else if (n.nodeType === 1 && !NO_TEXT.has((n as Element).tagName)) {
      // Sibling links, not childNodes (a NodeList stays cached on its element: lib/sites/dom.ts textOf).
      for (let kid = n.lastChild; kid; kid = kid.previousSibling) stack.push(kid);
    }
  }
  return { words: parts.join(''), starts, nodes };
}

function nodeAt(index: WordIndex, offset: number): Text | null {
  let lo = 0;
  let hi = index.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (index.starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return index.nodes[lo] ?? null;
}

const wordsOfElement = (el: Element) => ` ${(el.textContent ?? '').toLowerCase().match(/[\p{L}\p{N}]+/gu)?.join(' ') ?? ''} `;

/** The smallest element around the text node that holds every probe (a probe can span several nodes). */
function holder(node: Text, probes: string[]): Element | null {
  let el = node.parentElement;
  for (let i = 0; el && i < 20; i++, el = el.parentElement) {
    if (el.tagName === 'BODY') return null;
    const w = wordsOfElement(el);
    if (probes.every((p) => w.includes(p))) return el;
  }
  return null;
}

function byText(item: DeclaredPost, index: WordIndex, claimed: Set<Element>): { body: Element; start: Text } | null {
  const words = comparableWords(item.text);
  if (words.length < MIN_PROBE_WORDS) return null;
  const head = ` ${words.slice(0, PROBE_WORDS).join(' ')} `;
  // The end too, when the whole text is declared: the element must hold all of it, not its first line.
  const cut = /(…|\.\.\.|&hellip;)\s*$/.test(item.text);
  const probes = words.length > PROBE_WORDS && !cut ? [head, ` ${words.slice(-6).join(' ')} `] : [head];
  let from = 0;
  // The first showing not yet taken: a later one is usually someone quoting it.
  for (let k = 0; k < 5; k++) {
    const at = index.words.indexOf(head, from);
    if (at < 0) return null;
    from = at + 1;
    const node = nodeAt(index, at + 1);
    const el = node && (holder(node, probes) ?? (probes.length > 1 ? holder(node, [head]) : null));
    if (node && el && !claimed.has(el) && !el.closest(QUOTE)) return { body: el, start: node };
  }
  return null;
}

/** By the post's address: "#comment-12" names the element with that id (or the one right after an empty anchor). */
function byAddress(item: DeclaredPost, doc: Document, claimed: Set<Element>): { body: Element; start: null } | null {
  const hash = item.url?.match(/#(.+)$/)?.[1];
  if (!hash) return null;
  let id: string;
  try {
    id = decodeURIComponent(hash);
  } catch {
    return null;
  }
  let el: Element | null = doc.getElementById(id);
  if (el && foldWhitespace(el.textContent ?? '').length < 3) el = el.nextElementSibling;
  if (!el || claimed.has(el)) return null;
  // Confirmed by its author's name, else it may be any element that happens to have that id.
  const text = el.textContent ?? '';
  return item.author && text.includes(item.author) && foldWhitespace(text).length > item.author.length + 10 ? { body: el, start: null } : null;
}

/** From the body up to the widest block that holds no other post's words and not much besides its own. */
function blockOf(body: Element, holdsSeveral: Set<Element>): Element {
  const own = (body.textContent ?? '').length;
  let el = body;
  for (let i = 0; i < 8; i++) {
    const up = el.parentElement;
    if (!up || up.tagName === 'BODY' || up.tagName === 'MAIN' || holdsSeveral.has(up)) break;
    if ((up.textContent ?? '').length > own * 3 + 600) break;
    el = up;
  }
  return el;
}

const cache = new WeakMap<Document, DeclaredReading>();

/** Every post declared in the page's JSON-LD, with the element that shows it where there is one. Cached per document. */
export function declaredPosts(doc: Document): DeclaredReading {
  const hit = cache.get(doc);
  if (hit) return hit;
  const items: DeclaredPost[] = [];
  for (const s of $$(doc, 'script[type="application/ld+json" i]').slice(0, 40)) postsInJsonLd(s.textContent ?? '', items);
  const reading: DeclaredReading = { declared: items.length, shown: [], unshown: [] };
  if (items.length > 0 && doc.body) {
    const index = indexWords(doc.body);
    const claimed = new Set<Element>();
    const found: Array<{ item: DeclaredPost; body: Element; start: Text | null }> = [];
    for (const item of items.slice(0, MAX_DECLARED)) {
      const hit = byText(item, index, claimed) ?? byAddress(item, doc, claimed);
      if (!hit) {
        reading.unshown.push(item);
        continue;
      }
      claimed.add(hit.body);
      found.push({ item, ...hit });
    }
    // Ancestors of two bodies or more hold several posts: a post's block stops below them.
    const seen = new Set<Element>();
    const holdsSeveral = new Set<Element>();
    for (const { body } of found) {
      for (let a = body.parentElement; a; a = a.parentElement) {
        if (seen.has(a)) holdsSeveral.add(a);
        else seen.add(a);
      }
    }
    reading.shown = found
      .map(({ item, body, start }) => ({ item, body, start, el: blockOf(body, holdsSeveral) }))
      .sort((a, b) => (a.el.compareDocumentPosition(b.el) & 4 ? -1 : 1));
  }
  cache.set(doc, reading);
  return reading;
}

/** A shown post's own words and the quotes in its block, without the words of other posts shown inside it. */
export function shownWords(post: ShownPost, reading: DeclaredReading): { text: string; quoted: string } {
  const others = reading.shown.filter((o) => o !== post && post.el.contains(o.el)).map((o) => o.el);
  const inOther = (e: Element) => others.some((o) => o.contains(e));
  // Quotes of other posts, in the body or beside it in the post's block (a reply quoting its parent).
  const quotes = $$(post.el, QUOTE).filter((q) => !q.parentElement?.closest(QUOTE) && !inOther(q));
  const skip = new Set<Element>([...quotes, ...others]);
  // The body's children before the one where the declared words start: the author's name, the date.
  if (post.start) {
    for (let c = post.body.firstElementChild; c && !c.contains(post.start); c = c.nextElementSibling) skip.add(c);
  }
  return {
    text: visibleText(post.body, { skipElements: skip, maxNodes: 20_000 }),
    quoted: quotes.slice(0, 10).map((q) => visibleText(q, { maxNodes: 5_000 })).join(' '),
  };
}
