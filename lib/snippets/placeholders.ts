import type { TabStop } from './expand';
import { signatureStart } from './signature';

/**
 * Required fields in a draft, Text Blaze style. A template never states a fact about the
 * customer's case: where a fact belongs it holds a visible placeholder in square brackets,
 * "[what went wrong, in their words]". Until the agent fills each one, or deletes it on
 * purpose, the reply cannot be inserted or copied. Brackets are rare in a reply written by a
 * person, and an agent who wants one can still type it: only a bracketed phrase blocks.
 */
const PLACEHOLDER = /\[[^[\]\n]{2,120}\]/g;

export interface Placeholder {
  /** UTF-16 offsets in the draft. */
  start: number;
  end: number;
  /** The words inside the brackets, as shown to the agent: "what went wrong". */
  label: string;
}

export function findPlaceholders(draft: string): Placeholder[] {
  const found: Placeholder[] = [];
  for (const m of draft.matchAll(PLACEHOLDER)) {
    // A Markdown link "[text](url)" is the agent's own markup, not a field.
    if (draft[m.index + m[0].length] === '(') continue;
    found.push({ start: m.index, end: m.index + m[0].length, label: m[0].slice(1, -1).trim() });
  }
  return found;
}

/**
 * Tab stops for a draft that comes back without its template's stops (a kept draft, a restored
 * one): each [field] still open becomes a stop, in text order, then the end. The caret starts
 * in the first field, as it did when the template was fresh; with none left, at the end of the
 * words, before the signature (never after it).
 */
export function stopsFromPlaceholders(draft: string): TabStop[] {
  const stops: TabStop[] = findPlaceholders(draft).map((p, i) => ({ index: i + 1, ranges: [[p.start, p.end]] }));
  const end = draft.slice(0, signatureStart(draft)).replace(/\s+$/, '').length;
  return [...stops, { index: 0, ranges: [[end, end]] }];
}

/** "Fill in before sending: what went wrong; the day you promised." or null when none is left. */
export function describeUnfilled(draft: string): string | null {
  const open = findPlaceholders(draft);
  if (open.length === 0) return null;
  const names = [...new Set(open.map((p) => p.label))];
  return `Fill in or delete before sending: ${names.join('; ')}.`;
}
