/**
 * Collects items and flushes them in one call after a short quiet period (or when the
 * batch is full), so the background gets one message per burst of posts, never one per post.
 */
export interface Batcher<T> {
  push(item: T): void;
  flush(): void;
  stop(): void;
}

export function createBatcher<T>(opts: {
  send: (items: T[]) => void;
  delayMs?: number;
  maxItems?: number;
  setTimer?: (cb: () => void, ms: number) => unknown;
  clearTimer?: (id: unknown) => void;
}): Batcher<T> {
  const delay = opts.delayMs ?? 400;
  const max = opts.maxItems ?? 100;
  const setTimer = opts.setTimer ?? ((cb, ms) => setTimeout(cb, ms));
  const clearTimer = opts.clearTimer ?? ((id) => clearTimeout(id as ReturnType<typeof setTimeout>));
  let pending: T[] = [];
  let timer: unknown = null;
  let stopped = false;

  const flush = () => {
    if (timer !== null) clearTimer(timer);
    timer = null;
    if (pending.length === 0 || stopped) return;
    const items = pending;
    pending = [];
    opts.send(items);
  };

  return {
    push(item) {
      if (stopped) return;
      pending.push(item);
      if (pending.length >= max) flush();
      else if (timer === null) timer = setTimer(flush, delay);
    },
    flush,
    stop() {
      stopped = true;
      if (timer !== null) clearTimer(timer);
      pending = [];
    },
  };
}
