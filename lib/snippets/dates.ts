/**
 * Calendar helpers for the date variables. English names, local time: the agent reads the
 * reply before it goes out, and VS Code's CURRENT_* variables are local time too.
 */

export const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
export const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

const pad2 = (n: number) => String(n).padStart(2, '0');

export function isWeekend(date: Date): boolean {
  const day = date.getDay();
  return day === 0 || day === 6;
}

/** The date `days` business days after `from` (weekends skipped; public holidays are not known here). */
export { addBusinessDays } from '../time/calendar';

/** "Tuesday 1 December": unambiguous on both sides of the Atlantic, unlike 12/01. */
export function humanDate(date: Date): string {
  return `${DAY_NAMES[date.getDay()]} ${date.getDate()} ${MONTH_NAMES[date.getMonth()]}`;
}

/** VS Code's date and time variables for one moment. */
export function dateTimeVariables(now: Date): Record<string, string> {
  const day = DAY_NAMES[now.getDay()]!;
  const month = MONTH_NAMES[now.getMonth()]!;
  return {
    CURRENT_YEAR: String(now.getFullYear()),
    CURRENT_YEAR_SHORT: String(now.getFullYear()).slice(-2),
    CURRENT_MONTH: pad2(now.getMonth() + 1),
    CURRENT_MONTH_NAME: month,
    CURRENT_MONTH_NAME_SHORT: month.slice(0, 3),
    CURRENT_DATE: pad2(now.getDate()),
    CURRENT_DAY_NAME: day,
    CURRENT_DAY_NAME_SHORT: day.slice(0, 3),
    CURRENT_HOUR: pad2(now.getHours()),
    CURRENT_MINUTE: pad2(now.getMinutes()),
    CURRENT_SECOND: pad2(now.getSeconds()),
    CURRENT_SECONDS_UNIX: String(Math.floor(now.getTime() / 1000)),
  };
}

/**
 * The follow-up date is one variable with two faces: the reminder and the day the reply
 * promises. When the agent moves the reminder, the promised day in the text moves with it:
 * every "Tuesday 8 December" written for the old date becomes the new one. Returns the text
 * unchanged (and `moved: false`) when the old date is not in it, e.g. the agent rewrote it.
 */
export function moveFollowUpDate(text: string, from: Date, to: Date): { text: string; moved: boolean } {
  const old = humanDate(from);
  const next = humanDate(to);
  if (old === next || !text.includes(old)) return { text, moved: false };
  return { text: text.split(old).join(next), moved: true };
}
