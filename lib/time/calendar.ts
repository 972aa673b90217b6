import {
  addBusinessDays as addBusinessDaysFns,
  addDays,
  addWeeks,
  differenceInCalendarDays,
  format,
  isValid,
  parse,
  startOfDay as startOfDayFns,
} from 'date-fns';
import { startOfDay, startOfWeek } from './day-start';

export { startOfDay, startOfWeek };

/**
 * Calendar dates in the agent's local time zone, through date-fns (see README, "Libraries").
 *
 * Why one module: a calendar date ("today", "this week", "follow up on Tuesday") is a local
 * notion. `toISOString()` is UTC and shifts the day east of UTC around midnight, and adding
 * 24 h shifts it across a DST change; date-fns does calendar arithmetic in local time.
 * Nothing here reads the clock: callers pass `now` from lib/time/clock.ts.
 */

/** The value of an `<input type="date">` for a local date: "2026-12-06". */
export function toDateInput(d: Date | number): string {
  return format(d, 'yyyy-MM-dd');
}

/** The value of an `<input type="time">`: "09:00". */
export function toTimeInput(d: Date | number): string {
  return format(d, 'HH:mm');
}

/** Local midnight of a "2026-12-06" date input value, or null if it is not a real date. */
export function parseDateInput(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const d = parse(value, 'yyyy-MM-dd', new Date(0));
  return isValid(d) ? d : null;
}

/** Minutes after midnight of a "09:30" time input value, or null. */
export function parseTimeInput(value: string): number | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** The next day or week start by calendar arithmetic (23 or 25 h across a DST change). */
export function nextBucketStart(start: number, bucket: 'day' | 'week'): number {
  return (bucket === 'day' ? addDays(start, 1) : addWeeks(start, 1)).getTime();
}

/** Local midnight, `days` business days (Monday to Friday) after the day of `from`. */
export function addBusinessDays(from: Date, days: number): Date {
  return addBusinessDaysFns(startOfDayFns(from), Math.max(0, Math.floor(days)));
}

/**
 * When a follow-up set for `day` at `time` (the agent's reminder hour by default) is due.
 *
 * What "follow up today" means for an agent: the reminder comes at the chosen time of that
 * day in the agent's own time zone; a time that has already passed (today at 09:00, picked at
 * 14:00) means "remind me now", never "tomorrow" and never a reminder lost in the past.
 */
export function followUpDueAt(day: string, time: string, now: number): number | null {
  const date = parseDateInput(day);
  const minutes = parseTimeInput(time);
  if (!date || minutes === null) return null;
  const at = new Date(date.getFullYear(), date.getMonth(), date.getDate(), Math.floor(minutes / 60), minutes % 60).getTime();
  return Math.max(at, now);
}

/**
 * What the helper tells the agent about a reminder: "now", "today at 09:00",
 * "tomorrow at 09:00", or "Tuesday 8 December at 09:00".
 */
export function describeReminder(dueAt: number, now: number): string {
  if (dueAt <= now) return 'now';
  const days = differenceInCalendarDays(dueAt, now);
  const time = format(dueAt, 'HH:mm');
  if (days === 0) return `today at ${time}`;
  if (days === 1) return `tomorrow at ${time}`;
  return `${format(dueAt, 'EEEE d MMMM')} at ${time}`;
}

/** "2026-12-06" in local time, for file names and report headings. */
export function localDay(t: number): string {
  return format(t, 'yyyy-MM-dd');
}

/** Local midnight `days` calendar days before the day of `t` (a DST change makes one 23 or 25 h). */
export function daysBefore(t: number, days: number): number {
  return addDays(startOfDayFns(t), -days).getTime();
}
