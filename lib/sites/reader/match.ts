/**
 * The generic reader's long selector lists (AUTHORISH, NOT_WORDS, QUOTE, BODYISH in parts.ts), matched
 * cheaply. Chromium matches a list of 40 attribute-substring selectors against every element of every
 * post one selector at a time; that was most of the reader's cost on a long thread (about 36 µs a post
 * for AUTHORISH alone, measured in bench/sites/profile.ts). Here each list gets a prefilter built
 * from its own selectors: what every match must carry (a value in one of a few attributes, an
 * attribute, a tag), tested with one combined pattern per attribute. Only elements that pass it are
 * matched by the browser (Element.matches), so the answer is the browser's own, in document order.
 *
 * The prefilter reads the small part of CSS these lists use (tags, classes, ids, attribute tests,
 * :not, descendant combinators); a selector it cannot read lets every element through, so a list
 * written later with other syntax stays correct, only slower. test/unit/sites/match.test.ts proves
 * queryAll gives what querySelectorAll gives on every saved page.
 */

/** What every element matching one selector must carry: a value in an attribute, an attribute, or a tag. */
type Key = { attr: string; value: string } | { present: string } | { tag: string } | null;

function unquote(v: string): string {
  const t = v.trim();
  return (t.startsWith('"') && t.endsWith('"')) || (t.startsWith("'") && t.endsWith("'")) ? t.slice(1, -1) : t;
}

/** Split at commas outside brackets, parentheses and quotes. */
function splitList(css: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < css.length; i++) {
    const c = css[i]!;
    if (quote) {
      if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      out.push(css.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(css.slice(start).trim());
  return out.filter(Boolean);
}

/**
 * The strongest thing a selector's last compound requires (an attribute's value, then a class or
 * id, then an attribute, then the tag); null when it requires nothing this can read. What :not()
 * excludes is left to the browser.
 */
function keyOf(selector: string): Key {
  // The last compound: after the last descendant combinator outside brackets and parentheses.
  let depth = 0;
  let start = 0;
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i]!;
    if (c === '[' || c === '(') depth++;
    else if (c === ']' || c === ')') depth--;
    else if (depth === 0 && (c === ' ' || c === '>' || c === '+' || c === '~')) start = i + 1;
  }
  const last = selector.slice(start).replace(/:not\((?:[^()]|\([^()]*\))*\)/g, '');
  let present: string | null = null;
  for (const m of last.matchAll(/\[\s*([\w-]+)\s*(?:[*^$|~]?=\s*("[^"]*"|'[^']*'|[\w-]+)\s*[is]?)?\s*\]/g)) {
    const value = m[2] === undefined ? '' : unquote(m[2]);
    if (value) return { attr: m[1]!.toLowerCase(), value };
    present ??= m[1]!.toLowerCase();
  }
  const cls = last.match(/\.([\w-]+)/);
  if (cls) return { attr: 'class', value: cls[1]! };
  const id = last.match(/#([\w-]+)/);
  if (id) return { attr: 'id', value: id[1]! };
  if (present) return { present };
  const tag = last.match(/^([a-zA-Z][\w-]*)/);
  return tag ? { tag: tag[1]!.toLowerCase() } : null;
}

interface Prefilter {
  tags: Set<string>;
  present: string[];
  /** One pattern per attribute: any of the values the list's selectors need in it, case ignored (a superset). */
  values: Array<[string, RegExp]>;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function prefilterOf(css: string): Prefilter | null {
  const tags = new Set<string>();
  const present = new Set<string>();
  const values = new Map<string, string[]>();
  for (const sel of splitList(css)) {
    const key = keyOf(sel);
    if (!key) return null;
    if ('tag' in key) tags.add(key.tag);
    else if ('present' in key) present.add(key.present);
    else {
      let list = values.get(key.attr);
      if (!list) values.set(key.attr, (list = []));
      list.push(escape(key.value));
    }
  }
  return { tags, present: [...present], values: [...values].map(([a, vs]) => [a, new RegExp(vs.join('|'), 'i')]) };
}

function passes(el: Element, p: Prefilter): boolean {
  if (p.tags.has(el.localName)) return true;
  for (const a of p.present) if (el.hasAttribute(a)) return true;
  for (const [a, re] of p.values) {
    const v = el.getAttribute(a);
    if (v && re.test(v)) return true;
  }
  return false;
}

type Test = (el: Element) => boolean;

const compiled = new Map<string, Test>();

/** A test for a selector list: the prefilter, then the browser's own match. */
export function matcher(css: string): Test {
  let t = compiled.get(css);
  if (t) return t;
  const p = prefilterOf(css);
  const native = (el: Element) => {
    try {
      return el.matches(css);
    } catch {
      return false;
    }
  };
  t = p ? (el) => passes(el, p) && native(el) : native;
  compiled.set(css, t);
  return t;
}

/** Whether el matches css (as Element.matches). */
export function matches(el: Element, css: string): boolean {
  return matcher(css)(el);
}

/** Descendants of root matching css, in document order (as querySelectorAll), at most `limit` looked at. */
export function queryAll(root: ParentNode | null | undefined, css: string, limit = 20_000): Element[] {
  if (!root) return [];
  const all = (root as Element).getElementsByTagName?.('*');
  if (!all) return [];
  const test = matcher(css);
  const out: Element[] = [];
  const n = Math.min(all.length, limit);
  for (let i = 0; i < n; i++) {
    const el = all[i]!;
    if (test(el)) out.push(el);
  }
  return out;
}

/** The nearest ancestor-or-self matching css (as Element.closest). */
export function closest(el: Element | null, css: string): Element | null {
  const test = matcher(css);
  for (let a = el; a; a = a.parentElement) if (test(a)) return a;
  return null;
}
