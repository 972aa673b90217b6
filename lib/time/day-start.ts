import { startOfDay as startOfDayFns, startOfWeek as startOfWeekFns } from 'date-fns';

/**
 * Where a local day and week start: all the popup's counts need of the calendar. Apart from
 * lib/time/calendar.ts (which re-exports these) so the popup does not load date-fns's parser
 * and formatter with its first screen (issue 22).
 */

/** Weeks start on Monday for the popup's "this week" and the charts' weekly buckets. */
const WEEK = { weekStartsOn: 1 } as const;

/** Local midnight of the day containing `t`. */
export function startOfDay(t: number): number {
  return startOfDayFns(t).getTime();
}

/** Local midnight of the Monday of the week containing `t`. */
export function startOfWeek(t: number): number {
  return startOfWeekFns(t, WEEK).getTime();
}
