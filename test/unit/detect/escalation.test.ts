/**
 * Issue 20, round 6: an escalating sentence (churn, "third time", an accusation, a threat) never
 * lowers the severity of a complaint, wherever it stands in the post: the detector reads the post
 * again without it and keeps the higher level. Our own sentences, not the CheckList lists.
 */
import { describe, expect, it } from 'vitest';
import { detect } from '../../../lib/detect/index';

const BASES = [
  'The washing machine you delivered leaks all over the kitchen floor.',
  'My pension transfer has been stuck for six weeks.',
  'The replacement charger you sent does not fit the laptop.',
  'Nobody at the branch could tell me why my card was declined.',
  'The hotel cancelled our booking the night before we arrived.',
  'The parcel tracking has said out for delivery since Tuesday.',
  'Your agent promised a callback yesterday and it never came.',
  'The meter reading on my bill is double the real one.',
];

const ESCALATIONS = [
  'This has happened twice before.',
  'Once again nobody seems to care.',
  'We are closing our account and taking our business elsewhere.',
  'I am switching to another provider next week.',
  'You people are a bunch of crooks.',
  'You cheated me out of my money.',
  'I am taking this to the ombudsman.',
];

describe('escalation never lowers severity', () => {
  it('adding an escalating sentence before or after a complaint keeps its level or raises it', () => {
    const lowered: string[] = [];
    for (const base of BASES) {
      const v = detect(base);
      if (!v.complaint) continue;
      for (const e of ESCALATIONS) {
        for (const text of [`${base} ${e}`, `${e} ${base}`]) {
          const w = detect(text);
          if (w.complaint && w.severity < v.severity) lowered.push(`${v.severity} -> ${w.severity}: ${text}`);
        }
      }
    }
    expect(lowered).toEqual([]);
  });

  it('checks complaints, not an empty list', () => {
    expect(BASES.filter((b) => detect(b).complaint).length).toBeGreaterThanOrEqual(3);
  });
});
