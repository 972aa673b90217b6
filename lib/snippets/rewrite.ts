import { findPlaceholders } from './placeholders';
import { signatureStart } from './signature';
import type { ToneWarning } from './tone';

/**
 * Inline writing help, Grammarly style: the findings of the tone and honesty check placed on
 * the words of the draft, and the one-click rewrites they offer. Pure text in, text out; the
 * helper draws the underlines and owns the caret.
 */

export interface DraftSegment {
  text: string;
  /** UTF-16 offset of this run in the draft. */
  start: number;
  /** Index of the finding that names these words in the list given, or -1 for plain text. */
  warning: number;
}

/**
 * The draft cut into plain runs and runs that a finding names, in order, covering every
 * character once. Whole-draft findings ("no next step") underline nothing; where two findings
 * overlap the earlier one keeps the words.
 */
export function markSegments(draft: string, warnings: readonly ToneWarning[]): DraftSegment[] {
  const named = warnings
    .map((w, index) => ({ w, index }))
    .filter(({ w }) => w.words !== '' && w.end > w.start && w.end <= draft.length)
    .sort((a, b) => a.w.start - b.w.start || b.w.end - a.w.end);
  const segments: DraftSegment[] = [];
  let at = 0;
  for (const { w, index } of named) {
    if (w.start < at) continue;
    if (w.start > at) segments.push({ text: draft.slice(at, w.start), start: at, warning: -1 });
    segments.push({ text: draft.slice(w.start, w.end), start: w.start, warning: index });
    at = w.end;
  }
  if (at < draft.length || segments.length === 0) segments.push({ text: draft.slice(at), start: at, warning: -1 });
  return segments;
}

export interface Rewritten {
  text: string;
  /** What to select afterwards: a field the rewrite added, or an empty range where the words were. */
  select: [number, number];
}

const SENTENCE_END = /[.!?\n]\s*$/;

/**
 * Applies a finding's one-click rewrite to the draft, or returns null when it offers none or
 * the draft no longer holds its words there (the agent typed since the check ran). Case follows
 * the words replaced; a deletion takes its trailing comma and doubled space with it and leaves a
 * sentence that still starts with a capital.
 */
export function applyRewrite(draft: string, warning: ToneWarning): Rewritten | null {
  if (warning.rewrite === undefined) return null;
  if (warning.words === '') return addSentence(draft, warning.rewrite);
  if (draft.slice(warning.start, warning.end) !== warning.words) return null;
  const before = draft.slice(0, warning.start);
  let after = draft.slice(warning.end);
  let replacement = warning.rewrite;
  const atSentenceStart = before.trim() === '' || SENTENCE_END.test(before);
  if (replacement !== '') {
    if (/^\p{Lu}/u.test(warning.words)) replacement = capitalise(replacement);
    const text = before + replacement + after;
    return { text, select: [warning.start + replacement.length, warning.start + replacement.length] };
  }
  after = after.replace(/^,\s*/, '');
  let head = before;
  // "thanks , and" or "thanks  and": one space between the words left on either side.
  if (/ $/.test(head) && /^[\s.,;:!?]/.test(after)) head = head.slice(0, -1);
  if (atSentenceStart) after = capitalise(after.replace(/^ +/, ''));
  const text = head + after;
  return { text, select: [head.length, head.length] };
}

/** Adds a sentence at the end of the words, above the signature, and selects its first field. */
function addSentence(draft: string, sentence: string): Rewritten {
  const signatureAt = signatureStart(draft);
  const words = draft.slice(0, signatureAt).replace(/\s+$/, '');
  const rest = draft.slice(words.length);
  const glue = words === '' ? '' : ' ';
  const text = words + glue + sentence + rest;
  const added = words.length + glue.length;
  const field = findPlaceholders(sentence)[0];
  return { text, select: field ? [added + field.start, added + field.end] : [added + sentence.length, added + sentence.length] };
}


function capitalise(text: string): string {
  return text.replace(/^\p{Ll}/u, (c) => c.toUpperCase());
}
