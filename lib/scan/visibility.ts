import { Fifo } from './fifo';
import { NativeWeakSet } from './page-globals';

/**
 * Which candidate posts are near the viewport, learned from an IntersectionObserver so that we
 * never read layout ourselves (getBoundingClientRect in a loop forces synchronous layout).
 * The margin of one screen above and below means posts the agent is about to scroll to are
 * read first, too.
 */
export interface Visibility {
  watch(el: Element): void;
  unwatch(el: Element): void;
  /** Next candidate reported near the viewport, if any. */
  takeNear(): Element | undefined;
  /** Has the observer reported on this element yet (near or not)? */
  reported(el: Element): boolean;
  reset(): void;
  disconnect(): void;
}

export function createVisibility(
  IO: typeof IntersectionObserver,
  errors: { guard<T>(kind: string, fn: () => T): T | undefined },
  onNear: () => void,
): Visibility | null {
  const near = new Fifo<Element>();
  let seen = new NativeWeakSet<Element>();
  const observer = errors.guard('visibility', () =>
    new IO(
      (entries) =>
        errors.guard('visibility', () => {
          let any = false;
          for (let i = 0; i < entries.length; i += 1) {
            const entry = entries[i] as IntersectionObserverEntry;
            seen.add(entry.target);
            if (entry.isIntersecting) {
              near.add(entry.target);
              any = true;
            }
          }
          if (any) onNear();
        }),
      { rootMargin: '100% 0px 100% 0px' },
    ),
  );
  if (!observer) return null;
  return {
    watch: (el) => errors.guard('visibility', () => observer.observe(el)),
    unwatch: (el) => errors.guard('visibility', () => observer.unobserve(el)),
    takeNear: () => near.take(),
    reported: (el) => seen.has(el),
    reset() {
      observer.disconnect();
      near.clear();
      seen = new NativeWeakSet();
    },
    disconnect() {
      observer.disconnect();
      near.clear();
    },
  };
}
