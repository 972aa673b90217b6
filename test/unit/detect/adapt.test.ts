/**
 * The agent teaches the detector (lib/detect/adapt.ts) on top of the shipped model: a correction
 * moves the corrected post and posts like it the way the agent said, and leaves the rest alone.
 * Sentences are this test's own, not from the training data.
 */
import { describe, expect, it } from 'vitest';
import { detect } from '../../../lib/detect';
import {
  adapterFromState, AdapterStateSchema, adapterToState, adaptVerdict, baseOf, fitAdapter, type Correction,
} from '../../../lib/detect/adapt';
import { model } from '../../../lib/detect/model';

const threshold = model().complaint.threshold;
const base = baseOf((text) => detect(text));
const adapted = (text: string, corrections: Correction[]) => adaptVerdict(detect(text), text, fitAdapter(corrections, base), threshold);

/** Flagged by the shipped model, though they are news and adverts; NEWS_LIKE are posts of the same kind. */
const NEWS = ['RBI cuts repo rate, loans to get cheaper for customers', 'Our bank is hiring! Apply now for customer service roles'];
const NEWS_LIKE = ['RBI hikes repo rate, home loans to get costlier for customers', 'The bank is hiring! Apply now for branch roles'];
const UNRELATED = [
  'My parcel never arrived and nobody at support answers my emails.',
  'The app crashed again and I lost all my notes, this is unacceptable.',
  'I was charged twice for my subscription and still no refund.',
];

describe('correction layer', () => {
  it('with no corrections there is no layer and every verdict is the shipped one', () => {
    expect(fitAdapter([], base)).toBeNull();
    const v = detect(UNRELATED[0]!);
    expect(adaptVerdict(v, UNRELATED[0]!, null, threshold)).toBe(v);
  });

  it('"Not a complaint" unflags the post, lowers posts like it, and barely moves unrelated complaints', () => {
    for (const t of NEWS) expect(detect(t).complaint).toBe(true);
    const corrections: Correction[] = NEWS.map((text) => ({ text, level: 0 }));
    for (const t of NEWS) expect(adapted(t, corrections)).toMatchObject({ complaint: false, severity: 0 });
    for (const t of NEWS_LIKE) expect(adapted(t, corrections).score).toBeLessThan(detect(t).score - 0.02);
    for (const t of UNRELATED) {
      const after = adapted(t, corrections);
      expect(after).toMatchObject({ complaint: true, severity: detect(t).severity });
      expect(Math.abs(after.score - detect(t).score)).toBeLessThan(0.1);
    }
  });

  it('"More severe" raises the level of posts like the corrected ones and of no unrelated post', () => {
    const charged = ['Charged twice again this month and still waiting for my refund.', 'Billed twice for the same order this month, refund still pending.'];
    const heldOut = 'Charged twice on my card this month, where is my refund?';
    // The agent finds these more severe than the shipped model does (it reads them as 2) and says 4.
    for (const t of [...charged, heldOut]) expect(detect(t).severity).toBeLessThan(4);
    const corrections: Correction[] = charged.map((text) => ({ text, level: 4 }));
    for (const t of charged) expect(adapted(t, corrections).severity).toBe(4);
    expect(adapted(heldOut, corrections).severity).toBeGreaterThan(detect(heldOut).severity);
    for (const t of UNRELATED.slice(0, 2)) expect(adapted(t, corrections).severity).toBe(detect(t).severity);
  });

  it('"Less severe" lowers the corrected post, and never raises posts like it', () => {
    const text = UNRELATED[0]!;
    const level = detect(text).severity;
    expect(level).toBeGreaterThan(1);
    const corrections: Correction[] = [{ text, level: (level - 1) as Correction['level'] }];
    expect(adapted(text, corrections).severity).toBe(level - 1);
    const like = 'My parcel never arrived and support never answers my emails.';
    expect(adapted(like, corrections).severity).toBeLessThanOrEqual(detect(like).severity);
  });

  it('the latest word on a post wins', () => {
    const [text] = NEWS;
    expect(adapted(text!, [{ text: text!, level: 0 }, { text: text!, level: 2 }])).toMatchObject({ complaint: true, severity: 2 });
  });

  it('survives the trip to a content script: same verdicts from the parsed int8 tables, and a malformed state is refused', () => {
    const a = fitAdapter([...NEWS.map((text) => ({ text, level: 0 as const })), { text: UNRELATED[2]!, level: 4 }], base)!;
    const state = AdapterStateSchema.parse(JSON.parse(JSON.stringify(adapterToState(a))));
    const b = adapterFromState(state);
    for (const t of [...NEWS_LIKE, ...UNRELATED]) {
      const [x, y] = [adaptVerdict(detect(t), t, a, threshold), adaptVerdict(detect(t), t, b, threshold)];
      expect(y.complaint).toBe(x.complaint);
      expect(y.severity).toBe(x.severity);
      expect(Math.abs(y.score - x.score)).toBeLessThan(0.01);
    }
    expect(AdapterStateSchema.safeParse({ ...state, memory: [['abc', 7]] }).success).toBe(false);
    expect(() => adapterFromState({ ...state, complaint: { ...state.complaint, q: 'AAAA' } })).toThrow();
  });

  it('keeps the cues lazy and the verdict shape valid', () => {
    const v = adapted(UNRELATED[0]!, NEWS.map((text) => ({ text, level: 0 })));
    expect(v.cues).toEqual(detect(UNRELATED[0]!).cues);
    expect(JSON.parse(JSON.stringify(v))).toMatchObject({ complaint: true, cues: v.cues });
  });
});
