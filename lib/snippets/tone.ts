import { NEXT_STEP_PATTERN, TONE_RULES, type WarningKind } from './tone-rules';

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
}
/** Name used in the brief and by the UI. */
export type Warning = ToneWarning;

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
export function checkTone(draft: string): ToneWarning[] {
  if (draft.trim() === '') return [];
  const text = straighten(draft);
  const nextStep = NEXT_STEP_PATTERN.test(text);
  const hits: ToneWarning[] = [];
  for (const { rule, re } of COMPILED) {
    if (rule.onlyWithoutNextStep && nextStep) continue;
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      hits.push({ kind: rule.kind, start, end, words: draft.slice(start, end), message: rule.message, suggestion: rule.suggestion });
    }
  }
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const warnings: ToneWarning[] = [];
  for (const hit of hits) {
    const prev = warnings[warnings.length - 1];
    if (prev && hit.start < prev.end) continue;
    warnings.push(hit);
  }
  if (!nextStep) {
    warnings.push({
      kind: 'no-next-step',
      start: 0,
      end: draft.length,
      words: '',
      message: 'No concrete next step or time: the customer cannot tell what happens now.',
      suggestion: "Say what you will do and by when, or how to reach you: \"I'll find out and get back to you by Tuesday.\"",
    });
  }
  return warnings;
}
