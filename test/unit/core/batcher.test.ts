import { describe, expect, it } from 'vitest';
import { createBatcher } from '../../../lib/content/post-batcher';

function manualTimers() {
  const timers = new Map<number, () => void>();
  let next = 1;
  return {
    setTimer: (cb: () => void) => {
      timers.set(next, cb);
      return next++;
    },
    clearTimer: (id: unknown) => timers.delete(id as number),
    fire: () => {
      for (const [id, cb] of [...timers]) {
        timers.delete(id);
        cb();
      }
    },
  };
}

describe('post batcher', () => {
  it('sends a burst of posts as one message after the quiet period', () => {
    const sent: number[][] = [];
    const t = manualTimers();
    const b = createBatcher<number>({ send: (items) => sent.push(items), ...t });
    for (let i = 0; i < 30; i++) b.push(i);
    expect(sent).toEqual([]);
    t.fire();
    expect(sent).toEqual([Array.from({ length: 30 }, (_, i) => i)]);
  });

  it('flushes early when a batch is full, never exceeding the message limit', () => {
    const sent: number[][] = [];
    const t = manualTimers();
    const b = createBatcher<number>({ send: (items) => sent.push(items), maxItems: 100, ...t });
    for (let i = 0; i < 250; i++) b.push(i);
    t.fire();
    expect(sent.map((s) => s.length)).toEqual([100, 100, 50]);
  });

  it('sends nothing after stop (extension context invalidated)', () => {
    const sent: number[][] = [];
    const t = manualTimers();
    const b = createBatcher<number>({ send: (items) => sent.push(items), ...t });
    b.push(1);
    b.stop();
    b.push(2);
    t.fire();
    expect(sent).toEqual([]);
  });
});
