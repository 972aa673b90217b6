/**
 * An issue tracker's description: the words the reporter wrote when opening the issue, drawn unlike
 * the comments under them (Jira, Launchpad, Phabricator and other trackers): in a box headed
 * "Description" before the first comment, with the writer named elsewhere on the page, in a line
 * ("reported by X", "Authored by X", "opened by X") or a labelled field ("Reporter: X"). The
 * repeated-block reader finds the comments; opening.ts finds an opening post built like them; this
 * finds the description when neither does. Both halves are needed: a "Description" heading alone is
 * a product page's, a "reported by" line alone names no words.
 */
import { $$, foldWhitespace } from '../dom';

/** The heading trackers put over the issue's own words: "Description", "Bug Description", "Issue description". */
const HEADING = /^((bug|issue|task|ticket|problem)\s+)?description:?$/i;
/** "reported by", "Authored by", "opened by", "filed by", "created by": the line naming the writer. */
const BY_LINE = /\b(reported|authored|opened|filed|created|raised)\s+by:?\s*$/i;
/** A labelled field holding the writer: "Reporter:", "Reported by:", "Author:". */
const LABEL = /^(reporter|reported by|author|authored by|opened by|created by):?$/i;

/** Label cells: a details table's row header, a definition list's term. */
const LABEL_CELLS = new Set(['TH', 'DT']);

export interface Description {
  el: Element;
  author: string;
  authorEl: Element;
  href: string | null;
}

function plausible(name: string): boolean {
  return name.length >= 1 && name.length <= 60 && name.split(' ').length <= 5 && /\p{L}/u.test(name) && !/[.!?]$/.test(name);
}

function precedes(a: Node, b: Node): boolean {
  return (a.compareDocumentPosition(b) & 4) !== 0; /* b follows a */
}

/**
 * The box of words right after the heading: the next element beside the heading or one of its first few
 * wrappers. A label cell's box is the cell beside it (a details table's "Description" row), never a later row.
 */
function boxAfter(heading: Element, first: Element): Element | null {
  const levels = LABEL_CELLS.has(heading.tagName) ? 1 : 4;
  for (let at: Element | null = heading, i = 0; at && i < levels; at = at.parentElement, i++) {
    const next = at.nextElementSibling;
    if (!next) continue;
    if (next.contains(first) || !precedes(next, first)) return null;
    const words = foldWhitespace(next.textContent ?? '');
    return words.length >= 40 ? next : null;
  }
  return null;
}

/** The writer named in a by-line or a labelled field, the first on the page. */
function writerOf(doc: Document): { name: string; el: Element; href: string | null } | null {
  const body = doc.body;
  if (!body) return null;
  // Labelled fields: a dt/th/label/strong whose whole text is the label, its value in the next element.
  for (const label of $$(body, 'dt, th, label, strong, b, span').slice(0, 3000)) {
    if (label.children.length > 0 || !LABEL.test(foldWhitespace(label.textContent ?? ''))) continue;
    const value = label.nextElementSibling;
    const name = foldWhitespace(value?.textContent ?? '');
    if (value && plausible(name)) return { name, el: value, href: value.querySelector('a[href]')?.getAttribute('href') ?? value.getAttribute('href') };
  }
  // By-lines: a text ending "reported by" and the element naming the person right after it.
  const walker = doc.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(), k = 0; n && k < 5000; n = walker.nextNode(), k++) {
    if (!BY_LINE.test(n.nodeValue ?? '')) continue;
    let next = n.nextSibling;
    while (next && next.nodeType === 3 && !(next.nodeValue ?? '').trim()) next = next.nextSibling;
    if (!next || next.nodeType !== 1) continue;
    const el = next as Element;
    const link = el.matches('a[href]') ? el : el.querySelector('a[href]');
    const name = foldWhitespace((link ?? el).textContent ?? '');
    if (plausible(name)) return { name, el: link ?? el, href: link?.getAttribute('href') ?? null };
  }
  return null;
}

/** The tracker's description before the first reply, with its writer, or null. */
export function trackerDescription(first: Element): Description | null {
  const doc = first.ownerDocument;
  if (!doc?.body) return null;
  // Headings, and the label cells of a details table or list ("Description" in a th or dt, the words beside it).
  for (const h of $$(doc.body, 'h1, h2, h3, h4, h5, h6, th, dt').slice(0, 120)) {
    if (!precedes(h, first) || !HEADING.test(foldWhitespace(h.textContent ?? ''))) continue;
    const box = boxAfter(h, first);
    if (!box) continue;
    const writer = writerOf(doc);
    return writer ? { el: box, author: writer.name, authorEl: writer.el, href: writer.href } : null;
  }
  return null;
}
