import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyRewrite, checkTone, findPlaceholders, markSegments, NEXT_STEP_FIELD, stopsFromPlaceholders } from '../../../lib/snippets';

const STEP = " I'll get back to you by Tuesday.";

/** Applies the first finding of `kind` that offers a rewrite, as the one-click button does. */
function rewriteFirst(draft: string, kind: string) {
  const w = checkTone(draft).find((x) => x.kind === kind && x.rewrite !== undefined);
  if (!w) throw new Error(`no ${kind} rewrite offered for ${JSON.stringify(draft)}`);
  return applyRewrite(draft, w)!;
}

describe('markSegments: findings placed on the words of the draft', () => {
  it('cuts the draft into plain and flagged runs that rebuild it exactly', () => {
    const draft = `Hi Sam, we apologize for any inconvenience. [what went wrong]. Rest assured it is looked at.${STEP}`;
    const warnings = checkTone(draft);
    const segments = markSegments(draft, warnings);
    expect(segments.map((s) => s.text).join('')).toBe(draft);
    const flagged = segments.filter((s) => s.warning >= 0).map((s) => [warnings[s.warning]!.kind, s.text]);
    expect(flagged).toEqual([
      ['canned', 'we apologize for any inconvenience'],
      ['placeholder', '[what went wrong]'],
      ['overpromise', 'Rest assured'],
    ]);
  });

  it('underlines nothing for a whole-draft finding, and keeps the draft whole', () => {
    const draft = 'Thanks for writing.';
    const segments = markSegments(draft, checkTone(draft));
    expect(segments).toEqual([{ text: draft, start: 0, warning: -1 }]);
  });

  it('always rebuilds any draft exactly (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.constantFrom('', ' rest assured', ' [a field]', ' per our policy', ' valued customer'), (a, b) => {
        const draft = a + b + a;
        expect(markSegments(draft, checkTone(draft)).map((s) => s.text).join('')).toBe(draft);
      }),
    );
  });
});

describe('applyRewrite: the one-click fix', () => {
  it('replaces a form-letter apology with plain words, keeping the capital', () => {
    expect(rewriteFirst(`We apologize for any inconvenience.${STEP}`, 'canned').text).toBe(`I'm sorry for the trouble.${STEP}`);
    expect(rewriteFirst(`So sorry for the inconvenience this caused.${STEP}`, 'canned').text).toBe(`So sorry for the trouble this caused.${STEP}`);
  });

  it('deletes "Rest assured," and starts the sentence with a capital again', () => {
    expect(rewriteFirst(`Rest assured, we are on it.${STEP}`, 'overpromise').text).toBe(`We are on it.${STEP}`);
    expect(rewriteFirst(`Thanks. As I said, the file is safe.${STEP}`, 'defensive').text).toBe(`Thanks. The file is safe.${STEP}`);
  });

  it('deletes mid-sentence words without leaving a doubled space', () => {
    expect(rewriteFirst(`Thanks, and rest assured we are on it.${STEP}`, 'overpromise').text).toBe(`Thanks, and we are on it.${STEP}`);
    expect(rewriteFirst(`As a valued customer you get the new plan first.${STEP}`, 'canned').text).toBe(`As a customer you get the new plan first.${STEP}`);
  });

  it('offers no rewrite where only the agent can say it truthfully', () => {
    const draft = `I guarantee this will never happen again.${STEP}`;
    expect(checkTone(draft).every((w) => w.rewrite === undefined)).toBe(true);
  });

  it('adds a next step as a field before the signature and selects it, so Insert waits for a real day', () => {
    const draft = 'Hi Sam, thanks for the details.\n\n—\nJane Doe\nSupport Lead, Acme';
    const w = checkTone(draft).find((x) => x.kind === 'no-next-step')!;
    expect(w.rewrite).toBe(NEXT_STEP_FIELD);
    const out = applyRewrite(draft, w)!;
    expect(out.text).toBe(`Hi Sam, thanks for the details. ${NEXT_STEP_FIELD}\n\n—\nJane Doe\nSupport Lead, Acme`);
    expect(out.text.slice(...out.select)).toBe('[a day you can keep]');
    expect(findPlaceholders(out.text)).toHaveLength(1);
    expect(checkTone(out.text).some((x) => x.kind === 'no-next-step')).toBe(false);
  });

  it('puts the next step before an X-style "^JD" signature too', () => {
    const draft = 'Thanks for flagging this. ^JD';
    const w = checkTone(draft).find((x) => x.kind === 'no-next-step')!;
    expect(applyRewrite(draft, w)!.text).toBe(`Thanks for flagging this. ${NEXT_STEP_FIELD} ^JD`);
  });

  it('refuses a stale finding once the agent has typed over its words', () => {
    const draft = `Rest assured, we are on it.${STEP}`;
    const w = checkTone(draft).find((x) => x.kind === 'overpromise')!;
    expect(applyRewrite(`Honestly, we are on it.${STEP}`, w)).toBeNull();
  });
});

describe('stopsFromPlaceholders: a kept draft still starts in its first field', () => {
  it('makes each open [field] a stop in text order, then the end of the words before the signature', () => {
    const draft = 'Hi Sam, [what went wrong]. I will reply by [a day].\n— Jane Doe, Acme';
    const stops = stopsFromPlaceholders(draft);
    expect(stops.map((s) => draft.slice(...s.ranges[0]!))).toEqual(['[what went wrong]', '[a day]', '']);
    expect(stops.at(-1)!.ranges[0]![0]).toBe(draft.indexOf('\n—'));
  });
});
