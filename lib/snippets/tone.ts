import { findPlaceholders } from './placeholders';
import { NEXT_STEP_PATTERN, SPECIFIC_PATTERN, TONE_RULES, type WarningKind } from './tone-rules';

export type { WarningKind } from './tone-rules';

export interface ToneWarning {
  kind: WarningKind;
  /** UTF-16 offsets of the words in the draft ([0, length) for a whole-draft warning). */
  start: number;
  end: number;
  /** The words as the agent typed them ('' for a whole-draft warning). */
  words: string;
  message: string;
  suggestion: string;
  /**
   * A one-click rewrite: the words to put in place of `words` ('' deletes them); for the
   * whole-draft "no next step", the sentence to add. Absent where only the agent can rewrite.
   */
  rewrite?: string;
}
/** Name used in the brief and by the UI. */
export type Warning = ToneWarning;

/** The sentence the "no next step" rewrite adds; its day is a required field. */
export const NEXT_STEP_FIELD = "I'll get back to you here by [a day you can keep].";

const COMPILED = TONE_RULES.map((rule) => ({ rule, re: new RegExp(rule.pattern, 'gi') }));

/**
 * Curly quotes and look-alike apostrophes become straight ones, one character for one,
 * so offsets in the normalised text are offsets in the draft.
 */
function straighten(text: string): string {
  return text.replace(/[\u2018\u2019\u02BC\u2032\u0060\u00B4]/g, "'").replace(/[\u201C\u201D\u2033]/g, '"').replace(/\u00A0/g, ' ');
}

/** True when the draft says what happens next and when, or how to reach a person. */
export function hasNextStep(draft: string): boolean {
  return NEXT_STEP_PATTERN.test(straighten(draft));
}

/**
 * Honesty and tone check, run on every keystroke: names the words that over-promise,
 * sound defensive, blame the customer or read as a form letter, and warns once when the
 * draft gives no concrete next step or time. Sorted by position; overlapping hits keep
 * the earliest, longest one.
 */
export function checkTone(draft: string, options: { fromTemplate?: string } = {}): ToneWarning[] {
  if (draft.trim() === '') return [];
  const text = straighten(draft);
  // Required fields come first: nothing else about a draft matters while it has holes.
  const holes: ToneWarning[] = findPlaceholders(draft).map((p) => ({
    kind: 'placeholder',
    start: p.start,
    end: p.end,
    words: draft.slice(p.start, p.end),
    message: 'A field for you to fill in: the template does not know this about the customer.',
    suggestion: `Replace "${p.label}" with what is true for this customer, or delete it.`,
  }));
  const nextStep = NEXT_STEP_PATTERN.test(text);
  const hits: ToneWarning[] = [];
  for (const { rule, re } of COMPILED) {
    if (rule.onlyWithoutNextStep && nextStep) continue;
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      const words = draft.slice(start, end);
      const rewrite = rule.rewrite?.(words) ?? null;
      hits.push({ kind: rule.kind, start, end, words, message: rule.message, suggestion: rule.suggestion, ...(rewrite === null ? {} : { rewrite }) });
    }
  }
  if (options.fromTemplate) hits.push(...unconfirmedSpecifics(draft, text, straighten(options.fromTemplate)));
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const warnings: ToneWarning[] = [];
  for (const hit of hits) {
    const prev = warnings[warnings.length - 1];
    if (prev && hit.start < prev.end) continue;
    warnings.push(hit);
  }
  warnings.unshift(...holes);
  if (!nextStep) {
    warnings.push({
      kind: 'no-next-step',
      start: 0,
      end: draft.length,
      words: '',
      message: 'No concrete next step or time: the customer cannot tell what happens now.',
      suggestion: "Say what you will do and by when, or how to reach you: \"I'll find out and get back to you by Tuesday.\"",
      // A field, not a date: the agent names a day they can keep, and Insert waits until they do.
      rewrite: NEXT_STEP_FIELD,
    });
  }
  return warnings;
}

/**
 * Specifics (amounts, fees, refunds, times) that came with the template rather than from the
 * agent: the same words are in the template's own text. They stay flagged until the agent
 * rewrites them; typing a different amount or time clears the flag.
 */
function unconfirmedSpecifics(draft: string, text: string, template: string): ToneWarning[] {
  const fromTemplate = new Set([...template.matchAll(SPECIFIC_PATTERN)].map((m) => m[0].toLowerCase()));
  if (fromTemplate.size === 0) return [];
  const found: ToneWarning[] = [];
  for (const m of text.matchAll(SPECIFIC_PATTERN)) {
    if (!fromTemplate.has(m[0].toLowerCase())) continue;
    const start = m.index;
    const end = start + m[0].length;
    found.push({
      kind: 'unconfirmed',
      start,
      end,
      words: draft.slice(start, end),
      message: 'This came with the template, not from you: is it true for this customer?',
      suggestion: 'Check it for this case and retype it, or take it out.',
    });
  }
  return found;
}
