import { createAfterPaintSchedule } from './after-paint';
import { Fifo } from './fifo';
import { nativeNow, nativeSetTimeout, nativeSetTimeout0 } from './page-globals';
import { createRateBudget, type RateBudget } from './rate-budget';

/** A unit of work. Return `true` to say "I have more": the runner calls it again, in this slice if time allows. */
export type SliceTask = () => boolean | void;

export interface SliceRunnerOptions {
  /** A slice stops before this many milliseconds have passed (one task always runs, so progress is certain). */
  budgetMs?: number;
  now?: () => number;
  schedule?: (cb: () => void) => void;
  /** Runs at the end of every slice, inside its time; the scanner flushes its batch here. */
  onSliceEnd?: () => void;
  /** A task that throws is dropped and reported here; the runner carries on with the next. */
  onError?: (error: unknown) => void;
  /**
   * At most this much work per second, with a burst (rate-budget.ts). When it is spent, the next
   * slice waits (a timer, `delay`) until enough has refilled for a useful slice. Default: no limit.
   */
  rate?: { perSecondMs: number; burstMs: number };
  /**
   * A budget shared with other runners (takes the place of `rate`): the scanner's reading and the
   * session's marking spend one per-second share between them (issue 18), not one each.
   */
  budget?: RateBudget;
  /**
   * With `budget`: this runner's work is charged to it but never waits for it nor shortens its
   * slices; the other runners sharing it wait instead. The session's marking (downstream of the
   * scanner) runs as soon as answers come, and the scanner reads less while marking spent the
   * share: waiting marking slices cut into 1–2 ms pieces cost a churning page more than they saved.
   */
  spendOnly?: boolean;
  /** How the runner waits for its budget; default setTimeout (the browser may throttle it: fine). */
  delay?: (cb: () => void, ms: number) => void;
}

export interface SliceRunnerStats {
  slices: number;
  tasksRun: number;
  maxSliceMs: number;
  /** Times a slice waited because the per-second budget was spent. */
  budgetWaits: number;
}

export interface SliceRunner {
  push(task: SliceTask): void;
  /** Drops queued tasks; a slice already scheduled does nothing when it comes. */
  clear(): void;
  readonly pending: number;
  stats(): SliceRunnerStats;
}

const MAX_STRIDE = 32;
/** Below this much budget left a slice is not worth starting: wait for the refill instead. */
const MIN_SLICE_MS = 2;
/** How fast the remembered worst task cost fades, per clock check. */
const COST_DECAY = 0.8;

/**
 * Frame-budget work queue (Dark Reader's pattern): tasks run until the budget is nearly used,
 * then the rest waits for the next scheduled slice so the page keeps painting and responding.
 *
 * The clock is read every few tasks, not after each: cheap tasks do not pay for
 * `performance.now()`. To stop before, not after, the task that would overrun, the runner keeps
 * a fading maximum of the cost per task (capped at budget/4, starting at budget/8, so a fresh runner is
 * careful) and only lets as many tasks run unchecked as fit twice into the time left. A task far
 * slower than anything seen before can still overrun by itself; no scheduler can prevent that.
 */
export function createSliceRunner(options: SliceRunnerOptions = {}): SliceRunner {
  const frameBudget = options.budgetMs ?? 8;
  const now = options.now ?? nativeNow;
  const schedule = options.schedule ?? defaultSchedule();
  const queue = new Fifo<SliceTask>();
  const delay = options.delay ?? nativeSetTimeout;
  const shared: RateBudget | null = options.budget ?? (options.rate ? createRateBudget({ ...options.rate, now }) : null);
  // What limits this runner's slices (none for a spend-only runner), and what its work is charged to.
  const rate: RateBudget | null = options.budget && options.spendOnly ? null : shared;
  const stats: SliceRunnerStats = { slices: 0, tasksRun: 0, maxSliceMs: 0, budgetWaits: 0 };
  let generation = 0;
  let scheduled = false;
  let costEstimate = frameBudget / 8;

  function requestSlice(): void {
    if (scheduled) return;
    scheduled = true;
    const token = generation;
    const wait = rate ? rate.waitFor(Math.min(frameBudget, MIN_SLICE_MS)) : 0;
    const go = () =>
      schedule(() => {
        if (token !== generation) return;
        scheduled = false;
        runSlice(token);
      });
    if (wait <= 0) return go();
    stats.budgetWaits += 1;
    delay(() => {
      if (token === generation) go();
    }, wait);
  }

  function runSlice(token: number): void {
    const start = now();
    // The slice's own budget, never more than what the second has left.
    const budget = rate ? Math.max(1, Math.min(frameBudget, rate.available())) : frameBudget;
    let lastCheck = start;
    let sinceCheck = 0;
    let stride = 1;
    stats.slices += 1;
    while (queue.size > 0) {
      const task = queue.peek() as SliceTask;
      let more = false;
      try {
        more = task() === true;
      } catch (error) {
        options.onError?.(error);
      }
      if (token !== generation) return void shared?.spend(now() - start); // the task cleared us (stop/reset): nothing more may run
      if (!more) queue.take();
      stats.tasksRun += 1;
      sinceCheck += 1;
      if (sinceCheck < stride) continue;
      const t = now();
      const elapsed = t - start;
      const perTask = (t - lastCheck) / sinceCheck;
      lastCheck = t;
      sinceCheck = 0;
      // Capped: one task longer than the whole budget (a big findPosts) must not make the
      // following slices run a single cheap task each until the memory of it fades.
      costEstimate = Math.min(Math.max(perTask, costEstimate * COST_DECAY), frameBudget / 4);
      if (elapsed + costEstimate > budget) break; // the next task would probably overrun
      stride = costEstimate > 0 ? clamp(Math.floor((budget - elapsed) / (2 * costEstimate)), 1, MAX_STRIDE) : MAX_STRIDE;
    }
    try {
      options.onSliceEnd?.();
    } catch (error) {
      options.onError?.(error);
    }
    const took = now() - start;
    shared?.spend(took);
    if (token !== generation) return;
    if (took > stats.maxSliceMs) stats.maxSliceMs = took;
    if (queue.size > 0) requestSlice();
  }

  return {
    push(task) {
      queue.add(task);
      requestSlice();
    },
    clear() {
      generation += 1;
      scheduled = false;
      queue.clear();
    },
    get pending() {
      return queue.size;
    },
    stats: () => ({ ...stats }),
  };
}

function clamp(n: number, lo: number, hi: number): number {
  return n < lo ? lo : n > hi ? hi : n;
}

function defaultSchedule(): (cb: () => void) => void {
  return typeof document !== 'undefined' ? createAfterPaintSchedule(document) : nativeSetTimeout0;
}
