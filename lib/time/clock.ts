/**
 * The one place product code asks for "now" (see ARCHITECTURE.md, "Time").
 *
 * Why: follow-ups, "today", retention and the charts all depend on the current instant, and
 * tests must not depend on the hour, the weekday or the machine's time zone. Tests call
 * `setClock` with a fixed or stepping clock; product code only ever calls `now()`/`nowDate()`.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

let current: Clock = systemClock;

/** The current instant in epoch milliseconds. */
export function now(): number {
  return current.now();
}

/** The current instant as a Date (a fresh object every call). */
export function nowDate(): Date {
  return new Date(current.now());
}

/** Replace the clock (tests, or a page that pins time for a demo). `null` restores the system clock. */
export function setClock(clock: Clock | null): void {
  current = clock ?? systemClock;
}

/** A clock fixed at `at` that tests can move forward. */
export function fixedClock(at: number | Date | string): Clock & { advance(ms: number): void; set(at: number | Date | string): void } {
  let t = new Date(at).getTime();
  return {
    now: () => t,
    advance(ms: number) {
      t += ms;
    },
    set(next) {
      t = new Date(next).getTime();
    },
  };
}
