/**
 * Issue 20, round 11: a post known to come from a short-form social site (DetectOptions.source
 * 'social') is read with the social severity head, so its floors apply. The domain gate reads a
 * tweet with a case number and hours of waiting as a banking post, where a lost amount is mostly
 * reported, not reproached, and the level stayed 1 beside an "Urgent — lost money" triage line.
 * Our own sentences (none from a fixture or the data sets).
 */
import { describe, expect, it } from 'vitest';
import { detect } from '../../../lib/detect/index';

const moneyLostWithCaseNumbers = [
  'Payments page failing for 3 hours, case no 7741, this is costing us real money.',
  'Third day our invoices fail to send, still waiting on reference 99812, we are losing money.',
];

describe("severity of a post known to be social (source: 'social')", () => {
  it('reads a social money-loss complaint as disapproval at least, where the gate alone reads it as a banking report', () => {
    for (const text of moneyLostWithCaseNumbers) {
      const hinted = detect(text, { source: 'social' });
      expect(hinted.complaint, text).toBe(true);
      expect(hinted.severity, text).toBeGreaterThanOrEqual(2);
      // Without the hint nothing changes: the gate still decides, as for a blog or forum comment.
      expect(detect(text).severity, text).toBe(1);
      expect(detect(text, {}).severity, text).toBe(1);
    }
  });

  it('changes only the severity: the complaint verdict, score, cues and signals stay the same', () => {
    for (const text of [
      ...moneyLostWithCaseNumbers,
      'Thanks, the refund arrived this morning.',
      'My card was charged twice for one order and the refund never came.',
      'Third outage this week, we are moving to another provider on Monday.',
    ]) {
      const plain = detect(text), hinted = detect(text, { source: 'social' });
      expect(hinted.complaint, text).toBe(plain.complaint);
      expect(hinted.score, text).toBe(plain.score);
      expect(hinted.cues, text).toEqual(plain.cues);
      expect(hinted.signals, text).toEqual(plain.signals);
    }
  });
});
