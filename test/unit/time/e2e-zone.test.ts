import { describe, expect, it } from 'vitest';
import { e2eTimeZone, zoneForLocalHour } from '../../e2e/harness/time-zone';
import { inZone } from './in-zone';

// The e2e harness puts Chromium at a chosen local hour; if the zone were wrong, the
// "before 09:00" and "after 21:00" runs would prove nothing.
describe('e2e time zone for a chosen local hour', () => {
  it('gives a zone in which the local hour is the one asked for, at every UTC hour', () => {
    for (let utc = 0; utc < 24; utc++) {
      const at = Date.UTC(2026, 11, 6, utc, 30);
      for (const hour of [6, 22, 0, 9]) {
        const zone = zoneForLocalHour(hour, at);
        inZone(zone, () => expect(new Date(at).getHours()).toBe(hour));
      }
    }
  });

  it('is off unless asked, and refuses an hour that does not exist', () => {
    expect(e2eTimeZone({}, 0)).toBeUndefined();
    expect(e2eTimeZone({ FRONTLINE_E2E_TZ: 'Asia/Tokyo' }, 0)).toBe('Asia/Tokyo');
    expect(() => zoneForLocalHour(24, 0)).toThrow(/0–23/);
  });
});
