import { describe, expect, it } from 'vitest';
import { createRateBudget, createSliceRunner } from '../../../lib/scan';
import { fixedClock } from '../../../lib/time/clock';
import { manualSchedule } from './scan-fixture';

/** A timer queue on the same fake clock: `runDue` fires what is due after moving time on. */
function manualTimers(clock: ReturnType<typeof fixedClock>) {
  let timers: Array<{ at: number; cb: () => void }> = [];
  return {
    delay: (cb: () => void, ms: number) => void (timers = [...timers, { at: clock.now() + ms, cb }]),
    get pending() {
      return timers.length;
    },
    /** Moves the clock to the next timer and fires it; false when none is waiting. */
    next(): boolean {
      const first = [...timers].sort((a, b) => a.at - b.at)[0];
      if (!first) return false;
      timers = timers.filter((t) => t !== first);
      if (first.at > clock.now()) clock.set(first.at);
      first.cb();
      return true;
    },
  };
}

describe('the per-second budget (token bucket)', () => {
  it('allows the burst at once, then refills at the rate, never above the burst', () => {
    const clock = fixedClock(0);
    const budget = createRateBudget({ perSecondMs: 30, burstMs: 250, now: clock.now });
    expect(budget.available()).toBe(250);
    budget.spend(250);
    expect(budget.available()).toBe(0);
    clock.advance(1000);
    expect(budget.available()).toBeCloseTo(30);
    clock.advance(60_000);
    expect(budget.available()).toBe(250);
  });

  it('says how long to wait for a slice, and a slice that overdrew waits for its debt', () => {
    const clock = fixedClock(0);
    const budget = createRateBudget({ perSecondMs: 20, burstMs: 100, now: clock.now });
    expect(budget.waitFor(2)).toBe(0);
    budget.spend(110); // one step always runs, so a slice can overdraw
    expect(budget.waitFor(2)).toBe(600); // 10 ms of debt + 2 ms at 20 ms/s
    clock.advance(600);
    expect(budget.waitFor(2)).toBe(0);
  });
});

describe('a slice runner under a per-second budget', () => {
  /** 1 ms per task on the fake clock; slices after paint (manual), waits on timers (manual). */
  function floodedRunner(tasks: number) {
    const clock = fixedClock(0);
    const sched = manualSchedule();
    const timers = manualTimers(clock);
    let done = 0;
    const runner = createSliceRunner({
      budgetMs: 8,
      now: clock.now,
      schedule: sched.schedule,
      delay: timers.delay,
      rate: { perSecondMs: 30, burstMs: 250 },
    });
    for (let i = 0; i < tasks; i++) runner.push(() => void (clock.advance(1), (done += 1)));
    return { clock, sched, timers, runner, done: () => done };
  }

  it('runs a first scan within its burst without waiting', () => {
    const t = floodedRunner(200);
    t.sched.runAll();
    expect(t.done()).toBe(200);
    expect(t.timers.pending).toBe(0);
    expect(t.runner.stats().budgetWaits).toBe(0);
  });

  it('under a flood, does no more work in any stretch of time than the burst plus the rate allows', () => {
    const t = floodedRunner(5_000);
    const doneAt: Array<{ at: number; done: number }> = [];
    // Run slices when scheduled, wait on timers when the budget is spent: 20 s of page time.
    while (t.clock.now() < 20_000) {
      t.sched.runAll();
      doneAt.push({ at: t.clock.now(), done: t.done() });
      if (!t.timers.next()) break;
    }
    const elapsedS = t.clock.now() / 1000;
    // Each task is 1 ms: tasks done = ms of work. 250 ms at once, then 30 ms a second (a slice may
    // overdraw by one task).
    expect(t.done()).toBeLessThanOrEqual(250 + 30 * elapsedS + 8);
    expect(t.done()).toBeGreaterThanOrEqual(250 + 30 * (elapsedS - 1));
    // It keeps going (falls behind, never stops), and no slice was longer than its frame budget.
    expect(t.runner.pending).toBeGreaterThan(0);
    expect(t.runner.stats().maxSliceMs).toBeLessThanOrEqual(8);
    expect(t.runner.stats().budgetWaits).toBeGreaterThan(10);
    // Over any later second, ~30 tasks, not hundreds.
    const late = doneAt.filter((d) => d.at >= 10_000);
    const perSecond = (late.at(-1)!.done - late[0]!.done) / ((late.at(-1)!.at - late[0]!.at) / 1000);
    expect(perSecond).toBeLessThanOrEqual(31);
  });

  it('without a budget, the same flood is done as fast as slices come (the old behaviour)', () => {
    const clock = fixedClock(0);
    const sched = manualSchedule();
    let done = 0;
    const runner = createSliceRunner({ budgetMs: 8, now: clock.now, schedule: sched.schedule });
    for (let i = 0; i < 5_000; i++) runner.push(() => void (clock.advance(1), (done += 1)));
    sched.runAll();
    expect(done).toBe(5_000);
  });

  it('clear() cancels a slice that is waiting for its budget', () => {
    const t = floodedRunner(1_000);
    t.sched.runAll();
    expect(t.timers.pending).toBe(1);
    const before = t.done();
    t.runner.clear();
    t.timers.next();
    t.sched.runAll();
    expect(t.done()).toBe(before);
  });
});
