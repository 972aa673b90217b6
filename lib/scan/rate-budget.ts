/**
 * A per-second budget for our work on a page (issue 18): a token bucket in milliseconds of main-
 * thread time. It refills at `perSecondMs` each second up to `burstMs`, so a page's first scan runs
 * at once (the burst) while a page that never stops posting gets a steady, small share and no
 * more: past that we fall behind, visible posts first, rather than fill the main thread.
 * Pure: the clock is injected (the slice runner passes performance.now; tests a fake).
 */
export interface RateBudgetOptions {
  perSecondMs: number;
  burstMs: number;
  now: () => number;
}

export interface RateBudget {
  /** Milliseconds of work allowed now (never more than the burst; zero or less: wait). */
  available(): number;
  /** Work done, in milliseconds (a slice may overdraw; the debt is paid by waiting). */
  spend(ms: number): void;
  /** Milliseconds until `ms` of work is allowed. */
  waitFor(ms: number): number;
  /** Total time spent and total time the work was held back, for stats. */
  readonly spentMs: number;
}

export function createRateBudget(opts: RateBudgetOptions): RateBudget {
  const rate = opts.perSecondMs / 1000;
  let tokens = opts.burstMs;
  let last = opts.now();
  let spent = 0;
  const refill = () => {
    const t = opts.now();
    if (t > last) tokens = Math.min(opts.burstMs, tokens + (t - last) * rate);
    last = t;
  };
  return {
    available() {
      refill();
      return tokens;
    },
    spend(ms) {
      refill();
      // Debt is capped at one burst: a single huge step (finding 50,000 posts took 1.2 s) has
      // already been felt; silencing us for half a minute after it would help no one.
      tokens = Math.max(tokens - ms, -opts.burstMs);
      spent += ms;
    },
    waitFor(ms) {
      refill();
      const need = Math.min(ms, opts.burstMs) - tokens;
      return need <= 0 ? 0 : Math.ceil(need / rate);
    },
    get spentMs() {
      return spent;
    },
  };
}
