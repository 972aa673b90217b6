import { describe, expect, it } from 'vitest';
import { createRateBudget, createSliceRunner } from '../../../lib/scan';
import { Fifo } from '../../../lib/scan/fifo';
import { manualSchedule } from './scan-fixture';

function fakeClock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

describe('createSliceRunner', () => {
  it('stops a slice before the budget is spent and resumes in the next', () => {
    const clock = fakeClock();
    const sched = manualSchedule();
    const perSlice: number[] = [];
    let inSlice = 0;
    const runner = createSliceRunner({
      budgetMs: 8,
      now: clock.now,
      schedule: sched.schedule,
      onSliceEnd: () => {
        perSlice[perSlice.length] = inSlice;
        inSlice = 0;
      },
    });
    for (let i = 0; i < 50; i += 1) {
      runner.push(() => {
        clock.advance(1);
        inSlice += 1;
      });
    }
    sched.runAll();
    expect(perSlice.reduce((a, b) => a + b, 0)).toBe(50);
    expect(Math.max(...perSlice)).toBeLessThanOrEqual(8);
    expect(runner.stats().maxSliceMs).toBeLessThanOrEqual(8);
    expect(runner.stats().slices).toBe(perSlice.length);
    expect(runner.pending).toBe(0);
  });

  it('reads the clock only every few tasks when tasks are cheap', () => {
    let clockReads = 0;
    const sched = manualSchedule();
    const runner = createSliceRunner({ now: () => (clockReads += 1, 0), schedule: sched.schedule });
    for (let i = 0; i < 1000; i += 1) runner.push(() => undefined);
    sched.runAll();
    expect(runner.stats().tasksRun).toBe(1000);
    // stride grows to 32 for free tasks: ~1000/32 reads plus start/end, not 1000
    expect(clockReads).toBeLessThan(60);
  });

  it('always runs at least one task per slice, even one longer than the budget', () => {
    const clock = fakeClock();
    const sched = manualSchedule();
    let ran = 0;
    const runner = createSliceRunner({ budgetMs: 8, now: clock.now, schedule: sched.schedule });
    for (let i = 0; i < 3; i += 1) runner.push(() => void (clock.advance(20), (ran += 1)));
    expect(sched.runAll()).toBe(3);
    expect(ran).toBe(3);
  });

  it('calls a task that returns true again until it is done', () => {
    const sched = manualSchedule();
    const runner = createSliceRunner({ now: () => 0, schedule: sched.schedule });
    let left = 5;
    const order: string[] = [];
    runner.push(() => {
      order[order.length] = `gen${left}`;
      left -= 1;
      return left > 0;
    });
    runner.push(() => void (order[order.length] = 'next'));
    sched.runAll();
    expect(order).toEqual(['gen5', 'gen4', 'gen3', 'gen2', 'gen1', 'next']);
  });

  it('isolates a throwing task and keeps going', () => {
    const sched = manualSchedule();
    const errors: unknown[] = [];
    const runner = createSliceRunner({ now: () => 0, schedule: sched.schedule, onError: (e) => void (errors[errors.length] = e) });
    let ran = 0;
    runner.push(() => {
      throw new Error('boom');
    });
    runner.push(() => void (ran += 1));
    expect(() => sched.runAll()).not.toThrow();
    expect(ran).toBe(1);
    expect(errors).toHaveLength(1);
  });

  it('clear() drops queued tasks and turns an already scheduled slice into a no-op', () => {
    const sched = manualSchedule();
    let ran = 0;
    let ends = 0;
    const runner = createSliceRunner({ now: () => 0, schedule: sched.schedule, onSliceEnd: () => void (ends += 1) });
    runner.push(() => void (ran += 1));
    expect(sched.waiting).toBe(1);
    runner.clear();
    sched.runAll();
    expect(ran).toBe(0);
    expect(ends).toBe(0);
    runner.push(() => void (ran += 1));
    sched.runAll();
    expect(ran).toBe(1);
  });

  it('a task that clears the runner ends the slice at once', () => {
    const sched = manualSchedule();
    let ran = 0;
    let ends = 0;
    const runner = createSliceRunner({ now: () => 0, schedule: sched.schedule, onSliceEnd: () => void (ends += 1) });
    runner.push(() => runner.clear());
    runner.push(() => void (ran += 1));
    sched.runAll();
    expect(ran).toBe(0);
    expect(ends).toBe(0);
  });

  it('keeps working when the page replaces Array.prototype.push', () => {
    const sched = manualSchedule();
    const runner = createSliceRunner({ now: () => 0, schedule: sched.schedule });
    const fifo = new Fifo<number>();
    const realPush = Array.prototype.push;
    let ran = 0;
    Array.prototype.push = () => {
      throw new Error('hostile push');
    };
    try {
      for (let i = 0; i < 3000; i += 1) runner.push(() => void (ran += 1));
      for (let i = 0; i < 3000; i += 1) fifo.add(i);
      for (let i = 0; i < 2000; i += 1) fifo.take(); // forces compaction
      sched.runAll();
    } finally {
      Array.prototype.push = realPush;
    }
    expect(ran).toBe(3000);
    expect(fifo.size).toBe(1000);
    expect(fifo.take()).toBe(2000);
  });

  it('a spend-only runner is charged to a shared budget without waiting for it; the runner sharing it waits', () => {
    const clock = fakeClock();
    const sched = manualSchedule();
    const budget = createRateBudget({ perSecondMs: 30, burstMs: 20, now: clock.now });
    const waits: number[] = [];
    const delay = (cb: () => void, ms: number) => void (waits.push(ms), cb());
    const marking = createSliceRunner({ budgetMs: 6, now: clock.now, schedule: sched.schedule, budget, spendOnly: true, delay });
    const reading = createSliceRunner({ budgetMs: 6, now: clock.now, schedule: sched.schedule, budget, delay });
    let marked = 0;
    // 40 ms of marking, far past the 20 ms share: it all runs, one 6 ms slice after another, never waiting.
    for (let i = 0; i < 40; i += 1) marking.push(() => void (clock.advance(1), (marked += 1)));
    while (sched.waiting > 0) sched.runOne();
    expect(marked).toBe(40);
    expect(waits).toEqual([]);
    expect(marking.stats().budgetWaits).toBe(0);
    // The share is overdrawn: the scanner's next slice waits for it to refill.
    reading.push(() => void clock.advance(1));
    expect(reading.stats().budgetWaits).toBe(1);
    expect(waits[0]).toBeGreaterThan(600); // 20 ms of debt and 2 ms of work at 30 ms a second
  });
});

