/**
 * Browser globals captured once, when this module loads, before page code can replace them.
 *
 * A content script runs in Chrome's isolated world, where page scripts cannot reach our globals;
 * Firefox's Xray wrappers and the main-world fallback of some test harnesses are less strict, and a
 * page that swaps `window.MutationObserver` for a wrapper (analytics and A/B tools do) must not
 * change what the scanner observes with. Constructors are kept, not just looked up on use.
 */

type Schedule = (cb: () => void) => void;

const g = globalThis as typeof globalThis & Partial<Window>;

export const NativeMutationObserver: typeof MutationObserver | undefined = g.MutationObserver;
export const NativeIntersectionObserver: typeof IntersectionObserver | undefined = g.IntersectionObserver;
export const NativeMessageChannel: typeof MessageChannel | undefined = g.MessageChannel;
export const NativeWeakMap = WeakMap;
export const NativeWeakSet = WeakSet;
export const NativeSet = Set;
export const NativeMap = Map;

const rawRaf = typeof g.requestAnimationFrame === 'function' ? g.requestAnimationFrame : undefined;
const rawSetTimeout = g.setTimeout;
const rawWarn = typeof console !== 'undefined' ? console.warn : undefined;
const rawPerfNow =
  typeof performance !== 'undefined' && typeof performance.now === 'function' ? performance.now : undefined;
const perf = typeof performance !== 'undefined' ? performance : undefined;

export const nativeRequestAnimationFrame: Schedule | undefined = rawRaf
  ? (cb) => void rawRaf.call(g, () => cb())
  : undefined;

export const nativeSetTimeout0: Schedule = (cb) => void rawSetTimeout.call(g, cb, 0);

export const nativeSetTimeout = (cb: () => void, ms: number): void => void rawSetTimeout.call(g, cb, ms);

export const nativeNow: () => number = rawPerfNow && perf ? () => rawPerfNow.call(perf) : () => Date.now();

export const nativeWarn: (...args: unknown[]) => void = rawWarn
  ? (...args) => void rawWarn.apply(console, args)
  : () => undefined;
