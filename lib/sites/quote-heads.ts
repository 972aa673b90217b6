import { foldWhitespace } from './dom';

/**
 * A mention that heads a quote: a line holding one link to this site whose text is a single name,
 * right before the quote ("@name" or "name" linking to the quoted post). It says whose words follow,
 * so it belongs to the quote, not to the reply's own words.
 */
export function mentionsHeadingQuotes(body: Element | null): Element[] {
  return headsOfQuotes(body, false);
}

/**
 * The lines heading the body's quotes: mentions (above), and with `attributions` also lines that say
 * who wrote the quote ("Jonas wrote in #note-1:", as trackers and mail archives write a quote's head).
 * One look at the body's blockquotes for both.
 */
export function headsOfQuotes(body: Element | null, attributions = true): Element[] {
  if (!body) return [];
  // A static list: a live one (getElementsByTagName, children) stays cached on every post's body read,
  // the heap growth issue 18 removed from the readers (test/unit/scan/no-live-lists.test.ts).
  const quotes = body.querySelectorAll('blockquote');
  if (quotes.length === 0) return [];
  const out: Element[] = [];
  for (let i = 0; i < quotes.length && i < 20; i++) {
    const line = quotes[i]!.previousElementSibling;
    if (!line || (line.tagName !== 'P' && line.tagName !== 'DIV')) continue;
    if (mentionLine(line, body) || (attributions && attributionLine(line))) out.push(line);
  }
  return out;
}

function mentionLine(line: Element, body: Element): boolean {
  if (line.childElementCount !== 1) return false;
  const link = line.firstElementChild!;
  if (link.tagName !== 'A' || link.childElementCount > 0) return false;
  const name = foldWhitespace(link.textContent ?? '');
  if (!name || name.length > 40 || /\s|\//.test(name) || foldWhitespace(line.textContent ?? '') !== name) return false;
  return sameSite(link.getAttribute('href'), body);
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

/** "Ann wrote:", "Ann wrote in #note-1:", "On May 3, Ann said:": who said what follows, ending in a colon. */
const ATTRIBUTION = /\b(wrote|said|says|writes)\b[^.!?]{0,60}:$/i;

/** A line of its own right before a quote that says who wrote it: the quote's, not the reply's words. */
function attributionLine(line: Element): boolean {
  const text = foldWhitespace(line.textContent ?? '');
  return text.length > 0 && text.length <= 120 && ATTRIBUTION.test(text);
}

/** "(In reply to Ann from comment #2)": a bug tracker's head for the quote below it, written as text. */
const REPLY_HEAD = /^\(?in reply to [^()]{1,100}\)?\s*/i;

/** The reply's words without the "(In reply to X …)" line that heads its quote, when it has one. */
export function withoutReplyHead(text: string, quoted: string): string {
  return quoted ? text.replace(REPLY_HEAD, '') : text;
}
