import { foldWhitespace } from './dom';

/**
 * A mention that heads a quote: a line holding one link to this site whose text is a single name,
 * right before the quote ("@name" or "name" linking to the quoted post). It says whose words follow,
 * so it belongs to the quote, not to the reply's own words.
 */
export function mentionsHeadingQuotes(body: Element | null): Element[] {
  if (!body) return [];
  // A static list: a live one (getElementsByTagName, children) stays cached on every post's body read,
  // the heap growth issue 18 removed from the readers (test/unit/scan/no-live-lists.test.ts).
  const quotes = body.querySelectorAll('blockquote');
  if (quotes.length === 0) return [];
  const out: Element[] = [];
  for (let i = 0; i < quotes.length && i < 20; i++) {
    const line = quotes[i]!.previousElementSibling;
    if (!line || (line.tagName !== 'P' && line.tagName !== 'DIV') || line.childElementCount !== 1) continue;
    const link = line.firstElementChild!;
    if (link.tagName !== 'A' || link.childElementCount > 0) continue;
    const name = foldWhitespace(link.textContent ?? '');
    if (!name || name.length > 40 || /\s|\//.test(name) || foldWhitespace(line.textContent ?? '') !== name) continue;
    if (!sameSite(link.getAttribute('href'), body)) continue;
    out.push(line);
  }
  return out;
}

/** Whether href leads to a page of the site the post is on (a mention names a member or a post there). */
function sameSite(href: string | null, el: Element): boolean {
  if (!href || href.startsWith('#')) return false;
  try {
    return new URL(href, el.ownerDocument.baseURI).origin === new URL(el.ownerDocument.baseURI).origin;
  } catch {
    return false;
  }
}
