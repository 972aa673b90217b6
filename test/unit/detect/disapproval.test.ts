/**
 * Issue 20, round 10: disapproval said in so many words is Trosborg's level 2 at least on any
 * post, money lost on a social post. Our own sentences (none from a fixture or the data sets).
 */
import { describe, expect, it } from 'vitest';
import { detect } from '../../../lib/detect/index';
import { disapprovalFloor, moneyLostFloor } from '../../../lib/detect/disapproval';
import { normalise } from '../../../lib/detect/normalise';

const floorOf = (text: string) => disapprovalFloor(normalise(text));

describe('disapproval floor', () => {
  it('reads a judgement of the service or money lost, in general words', () => {
    expect(floorOf('Honestly this is unacceptable for a paid plan.')).toBe(2);
    expect(floorOf('Really disappointed with how the migration went.')).toBe(2);
    expect(floorOf('Worst onboarding I have sat through.')).toBe(2);
    expect(moneyLostFloor(normalise('Our shop is losing money every hour it stays broken.'))).toBe(2);
    expect(moneyLostFloor(normalise('I was double charged for one delivery.'))).toBe(2);
  });

  it('reads nothing into a plain report, a question or thanks', () => {
    expect(floorOf('The upload stops at 80 percent on large files.')).toBe(0);
    expect(floorOf('How do I move my notes to a new account?')).toBe(0);
    expect(floorOf('Thanks, the refund arrived this morning.')).toBe(0);
    expect(moneyLostFloor(normalise('Thanks, the refund arrived this morning.'))).toBe(0);
  });

  it('lifts a social complaint that says it is losing money above "no explicit reproach"', () => {
    // Each of these read level 1 before the floor (round 9's weights and decoder).
    for (const text of [
      'We lost money on every order this weekend because the payment page kept failing.',
      'Our team is losing money every hour the booking widget stays broken.',
    ]) {
      const v = detect(text);
      expect(v.complaint, text).toBe(true);
      expect(v.severity, text).toBeGreaterThanOrEqual(2);
    }
  });
});
