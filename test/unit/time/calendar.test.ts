import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  describeReminder,
  followUpDueAt,
  localDay,
  nextBucketStart,
  parseDateInput,
  startOfDay,
  startOfWeek,
  toDateInput,
} from '../../../lib/time/calendar';
import { inZone } from './in-zone';

// Zones far apart on both sides of UTC, one with DST: a calendar bug shows in at least one.
const ZONES = ['Pacific/Kiritimati', 'Europe/Berlin', 'UTC', 'America/Los_Angeles', 'Pacific/Pago_Pago'];

describe('calendar dates in the agent’s time zone', () => {
  for (const zone of ZONES) {
    it(`a date input shows the local day, not the UTC one, just after midnight (${zone})`, () => {
      inZone(zone, () => {
        // 00:30 local on Monday 7 December: east of UTC the UTC date is still the 6th.
        const justAfterMidnight = new Date(2026, 11, 7, 0, 30);
        expect(toDateInput(justAfterMidnight)).toBe('2026-12-07');
        // 23:30 local on the 6th: west of UTC the UTC date is already the 7th.
        expect(toDateInput(new Date(2026, 11, 6, 23, 30))).toBe('2026-12-06');
        expect(localDay(justAfterMidnight.getTime())).toBe('2026-12-07');
      });
    });

    it(`two business days from a late Friday evening is Tuesday (${zone})`, () => {
      inZone(zone, () => {
        const fridayNight = new Date(2026, 11, 4, 23, 45);
        expect(toDateInput(addBusinessDays(fridayNight, 2))).toBe('2026-12-08');
        const mondayEarly = new Date(2026, 11, 7, 0, 10);
        expect(toDateInput(addBusinessDays(mondayEarly, 2))).toBe('2026-12-09');
      });
    });

    it(`"today" and "this week" start at local midnight and on Monday (${zone})`, () => {
      inZone(zone, () => {
        const sundayNight = new Date(2026, 11, 6, 23, 59).getTime();
        expect(startOfDay(sundayNight)).toBe(new Date(2026, 11, 6).getTime());
        expect(startOfWeek(sundayNight)).toBe(new Date(2026, 10, 30).getTime());
        const mondayDawn = new Date(2026, 11, 7, 0, 1).getTime();
        expect(startOfWeek(mondayDawn)).toBe(new Date(2026, 11, 7).getTime());
      });
    });
  }

  it('day buckets stay on local midnight across a DST change (23 and 25 hour days)', () => {
    inZone('Europe/Berlin', () => {
      const beforeSpring = new Date(2026, 2, 28).getTime();
      const spring = nextBucketStart(beforeSpring, 'day');
      expect(spring).toBe(new Date(2026, 2, 29).getTime());
      expect(nextBucketStart(spring, 'day') - spring).toBe(23 * 3_600_000);
      const autumn = new Date(2026, 9, 25).getTime();
      expect(nextBucketStart(autumn, 'day') - autumn).toBe(25 * 3_600_000);
    });
  });

  it('reads only real dates from a date input', () => {
    expect(parseDateInput('2026-02-30')).toBeNull();
    expect(parseDateInput('')).toBeNull();
    expect(parseDateInput('2026-12-07T00:00')).toBeNull();
    expect(parseDateInput('2026-12-07')?.getDate()).toBe(7);
  });
});

describe('what "follow up today" means', () => {
  for (const zone of ZONES) {
    it(`a follow-up day reminds at the chosen local time, or at once when that time has passed (${zone})`, () => {
      inZone(zone, () => {
        const sixAm = new Date(2026, 11, 7, 6, 0).getTime();
        const nineAm = new Date(2026, 11, 7, 9, 0).getTime();
        const tenPm = new Date(2026, 11, 7, 22, 0).getTime();
        // Before the working day starts, "today" waits for 09:00 …
        expect(followUpDueAt('2026-12-07', '09:00', sixAm)).toBe(nineAm);
        expect(describeReminder(nineAm, sixAm)).toBe('today at 09:00');
        // … after it, "today" is due now: never tomorrow, never lost in the past.
        expect(followUpDueAt('2026-12-07', '09:00', tenPm)).toBe(tenPm);
        expect(describeReminder(tenPm, tenPm)).toBe('now');
        // Another day keeps its hour in local time.
        const tomorrowNine = followUpDueAt('2026-12-08', '09:00', tenPm)!;
        expect(new Date(tomorrowNine).getHours()).toBe(9);
        expect(describeReminder(tomorrowNine, tenPm)).toBe('tomorrow at 09:00');
        expect(describeReminder(followUpDueAt('2026-12-10', '14:30', tenPm)!, tenPm)).toBe('Thursday 10 December at 14:30');
      });
    });
  }

  it('refuses a time that is not a time', () => {
    expect(followUpDueAt('2026-12-07', '25:00', 0)).toBeNull();
    expect(followUpDueAt('2026-12-07', '9am', 0)).toBeNull();
  });
});
