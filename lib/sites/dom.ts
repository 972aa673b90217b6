import { PLAIN_WEB_ORIGIN } from '../web-url';

/**
 * DOM reading helpers shared by the adapters. Page text is hostile and pages are huge, so every
 * walk is iterative, budgeted, reads only textContent-level data (no layout: no innerText, no
 * getComputedStyle) and never throws on odd markup.
 */

/** Elements whose text a person never sees as part of a post. */
const SKIP_TAGS = new Set([
  'SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'SVG', 'svg', 'BUTTON', 'SELECT', 'TEXTAREA', 'INPUT', 'IFRAME', 'OBJECT',
]);

/** Tags that break words apart when rendered, so their text must not run into the next word. */
const BLOCK_TAGS = new Set([
  'BR', 'P', 'DIV', 'LI', 'UL', 'OL', 'DL', 'DT', 'DD', 'BLOCKQUOTE', 'PRE', 'TABLE', 'TR', 'TD', 'TH',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HR', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'ASIDE', 'FIGURE', 'FIGCAPTION',
]);

export interface TextOptions {
  /** Selector of descendants to leave out (quoted posts, nested replies, UI links). */
  skip?: string;
  /**
   * The same, already matched: one native querySelectorAll instead of a selector match per element,
   * which is what a long skip list costs on a long post.
   */
  skipElements?: ReadonlySet<Element>;
  /** The same as a test (a compiled selector list): no selector match per element. */
  skipWhere?: (el: Element) => boolean;
  /** Stop collecting after this many characters; a 1 MB post is read as its first part. */
  maxChars?: number;
  /** Stop walking after this many nodes, whatever the markup looks like. */
  maxNodes?: number;
}

const ELEMENT = 1;
const TEXT = 3;

/**
 * Anything `foldWhitespace` would change: whitespace at either end, two whitespace characters in a
 * row, or one that is not a plain space. Text is folded once by `visibleText` and again by
 * `buildPost` (and a post's author, handle and quote too): ~10 folds a post, most of them of text
 * already folded, each a new string (issue 18). `\s` and `trim` use the same whitespace set.
 */
const UNFOLDED = /^\s|\s$|\s\s|[^\S ]/;

export function foldWhitespace(s: string): string {
  if (!UNFOLDED.test(s)) return s;
  return s.replace(/\s+/g, ' ').trim();
}

function isHiddenElement(el: Element): boolean {
  return el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true';
}

function safeMatches(el: Element, css: string): boolean {
  try {
    return el.matches(css);
  } catch {
    return false;
  }
}

/**
 * The words a reader sees in `root`, whitespace folded. Emoji drawn as images (X, Discourse) keep
 * their alt text when it holds no letters, so "Image"/"avatar" labels don't leak into the text.
 */
export function visibleText(root: Element | null | undefined, opts: TextOptions = {}): string {
  if (!root) return '';
  const maxChars = opts.maxChars ?? 20_000;
  let budget = opts.maxNodes ?? 100_000;
  const parts: string[] = [];
  let length = 0;
  const stack: Node[] = [root];
  while (stack.length > 0 && budget-- > 0 && length < maxChars) {
    const node = stack.pop()!;
    if (node.nodeType === TEXT) {
      const t = node.nodeValue ?? '';
      parts.push(t);
      length += t.length;
      continue;
    }
    if (node.nodeType !== ELEMENT) continue;
    const el = node as Element;
    // Read once: each `tagName` is a call into the DOM that makes a string (three a node before).
    const tag = el.tagName;
    if (el !== root) {
      // An element without attributes is not hidden by one (one call instead of two).
      if (SKIP_TAGS.has(tag) || (el.hasAttributes() && isHiddenElement(el))) continue;
      if (opts.skipElements?.has(el)) continue;
      if (opts.skipWhere?.(el)) continue;
      if (opts.skip && safeMatches(el, opts.skip)) continue;
    }
    if (tag === 'IMG') {
      const alt = el.getAttribute('alt') ?? '';
      if (alt && !/\p{L}/u.test(alt)) parts.push(alt);
      continue;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) {
      parts.push(' ');
      stack.push(spaceMarker);
    }
    // Sibling links, not childNodes: a NodeList once asked for stays cached on its element (with
    // Blink's per-node list data, ~0.2 KB), which on a 50,000-comment page was most of our heap growth.
    for (let kid = el.lastChild; kid; kid = kid.previousSibling) stack.push(kid);
  }
  return foldWhitespace(parts.join('')).slice(0, maxChars);
}

/** A stand-in text node that emits one space after a block's children. */
const spaceMarker = { nodeType: TEXT, nodeValue: ' ' } as unknown as Node;

export function $(root: ParentNode | null | undefined, css: string): Element | null {
  if (!root) return null;
  try {
    return root.querySelector(css);
  } catch {
    return null;
  }
}

export function $$(root: ParentNode | null | undefined, css: string): Element[] {
  if (!root) return [];
  try {
    return Array.from(root.querySelectorAll(css));
  } catch {
    return [];
  }
}

/** Matches under root, plus root itself when it matches (the scanner hands us added subtrees). */
export function postsUnder(root: ParentNode, css: string): Element[] {
  const found = $$(root, css);
  const self = root as Partial<Element>;
  if (self.nodeType === ELEMENT && typeof self.matches === 'function' && safeMatches(root as Element, css)) {
    found.unshift(root as Element);
  }
  return found;
}

/** Text of the first match, folded; '' when absent. */
export function textOf(root: ParentNode | null | undefined, css: string, opts?: TextOptions): string {
  return visibleText($(root, css), opts);
}

export function attrOf(root: ParentNode | null | undefined, css: string, name: string): string {
  return $(root, css)?.getAttribute(name)?.trim() ?? '';
}

const PLAIN_PATH = /^\/(?!\/)[\w\-/]*$/;
/** A fragment a URL parser would keep as written: letters, digits, - _ . : only. */
const FRAGMENT = /^#[\w\-.:]+$/;
/** A plain path with such a fragment ("/2026/11/post/#comment-12", a comment's date link). */
const PLAIN_PATH_FRAGMENT = /^\/(?!\/)[\w\-/]*#[\w\-.:]+$/;
/**
 * An absolute http(s) URL a URL parser would keep as written (a commenter's website,
 * "https://name.example.net/"): lower-case letters, digits and inner hyphens in every host label, the
 * last one starting with a letter (so never read as an IPv4 number), no punycode label (checked by
 * the parser), no port, user or query, and a plain path. Anything else goes to the parser: ~4 µs a
 * URL, two per flagged comment (issue 18).
 */
const PLAIN_ABSOLUTE = new RegExp(String.raw`${PLAIN_WEB_ORIGIN}\/[\w\-/]*$`);

/** The page address's parts the plain cases join, for the last address asked about. */
interface WebBase {
  href: string;
  /** An http(s) page: the plain cases apply. */
  web: boolean;
  origin: string;
  /** Origin, path and query: the page's address without its fragment. */
  page: string;
}
let lastBase: WebBase | null = null;

/**
 * Every flagged comment's links are made absolute against the same page address: its parts are read
 * once per address (`href`, one call), not five URL getters a link (~1.5–6 µs a flagged post on the
 * flood pages, issue 18). Keyed by the address, so a URL object changed since is read afresh.
 */
function webBase(base: URL): WebBase {
  const href = base.href;
  if (lastBase?.href === href) return lastBase;
  const web = base.protocol === 'https:' || base.protocol === 'http:';
  return (lastBase = { href, web, origin: base.origin, page: base.origin + base.pathname + base.search });
}

/** Absolute http(s) URL, or null for missing, relative-garbage, javascript: and other schemes. */
export function absoluteUrl(href: string | null | undefined, base: URL | string): string | null {
  if (!href) return null;
  const web = typeof base !== 'string' && (href[0] === '/' || href[0] === '#') ? webBase(base) : null;
  if (web?.web) {
    // Most permalinks are plain root-relative paths ("/user/status/123"): nothing for a URL parser
    // to normalise, and parsing cost ~4 µs a post on a timeline.
    if (PLAIN_PATH.test(href)) return web.origin + href;
    // A fragment of this page ("#post-12", every generic post's own link): the page's address with it.
    if (FRAGMENT.test(href)) return web.page + href;
    if (PLAIN_PATH_FRAGMENT.test(href)) return web.origin + href;
  }
  if (PLAIN_ABSOLUTE.test(href)) return href;
  try {
    const u = new URL(href.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** ISO 8601 from a machine-readable attribute (datetime, title, epoch seconds or ms); null otherwise. */
export function isoTime(value: string | null | undefined): string | null {
  const v = value?.trim();
  if (!v) return null;
  let ms: number;
  if (/^\d{9,11}$/.test(v)) ms = Number(v) * 1000;
  else if (/^\d{12,14}$/.test(v)) ms = Number(v);
  else ms = Date.parse(v);
  if (!Number.isFinite(ms)) return null;
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** First editable reply box under root: textarea, text input or contenteditable. */
export function editableIn(root: ParentNode | null | undefined, css?: string): HTMLElement | null {
  const sel = css ?? 'textarea, [contenteditable="true"], [contenteditable=""], input[type="text"]';
  return $(root, sel) as HTMLElement | null;
}

/** Click the first match; true when there was one to click. */
export function clickFirst(root: ParentNode, css: string): boolean {
  const el = $(root, css) as HTMLElement | null;
  if (!el || typeof el.click !== 'function') return false;
  el.click();
  return true;
}
