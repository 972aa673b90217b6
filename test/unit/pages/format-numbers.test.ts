import { describe, expect, it } from 'vitest';
import { count, duration } from '../../../components/pages/format';

// The dashboard's counts and waits read as numbers do where the agent works, not as raw digits.
describe('numbers in the agent’s locale', () => {
  it('groups thousands', () => {
    expect(count(12480, 'en-US')).toBe('12,480');
    expect(count(12480, 'de-DE')).toBe('12.480');
    expect(count(7, 'en-US')).toBe('7');
  });

  it('writes waits with the locale’s decimal sign and one decimal', () => {
    const HOUR = 3_600_000;
    expect(duration(1.5 * HOUR, 'en-US')).toBe('1.5 h');
    expect(duration(1.5 * HOUR, 'de-DE')).toBe('1,5 h');
    expect(duration(2 * HOUR, 'en-US')).toBe('2.0 h');
    expect(duration(3 * 24 * HOUR, 'de-DE')).toBe('3,0 d');
    expect(duration(42 * 60_000, 'en-US')).toBe('42 min');
    expect(duration(null)).toBe('—');
  });
});
