// @vitest-environment happy-dom
import { expect, it } from 'vitest';
import { createScanner } from '../../../lib/scan';
import { article, articleAdapter, collector, manualSchedule, settle } from './scan-fixture';

/**
 * Benchmark-ish: an infinite timeline grows by 100 posts 50 times, as X does while the agent
 * scrolls. Each post must be read once, and the scanner's own time (slices, not happy-dom's
 * DOM building) must stay far below the time the posts took to arrive.
 */
it('reads 5,000 posts added in 50 batches once each, in bounded time', async () => {
  const sched = manualSchedule();
  const reader = articleAdapter();
  const out = collector();
  const sliceMs: number[] = [];
  const feed = document.createElement('main');
  document.body.append(feed);
  const scanner = createScanner({
    doc: document,
    adapter: reader.adapter,
    onPosts: out.onPosts,
    schedule: (cb) =>
      sched.schedule(() => {
        const t = performance.now();
        cb();
        sliceMs[sliceMs.length] = performance.now() - t;
      }),
    IntersectionObserver: null,
    // The scanner's own speed, unthrottled: the per-second budget is tested in rate-budget.test.ts.
    rate: null,
  });
  scanner.start();
  sched.runAll();
  let scanMs = 0;
  for (let b = 0; b < 50; b += 1) {
    const cells = [];
    for (let i = 0; i < 100; i += 1) {
      const cell = document.createElement('div'); // X wraps each post in a cell
      cell.append(article(document, `${b}-${i}`));
      cells[cells.length] = cell;
    }
    feed.append(...cells);
    await settle();
    const t0 = performance.now();
    sched.runAll();
    scanMs += performance.now() - t0;
  }
  scanner.stop();
  const stats = scanner.stats();
  const sorted = [...sliceMs].sort((a, b) => a - b);
  console.info(
    `[scan bench] 5000 posts/50 batches: scanner ${scanMs.toFixed(0)} ms in ${stats.slices} slices, ` +
      `median slice ${(sorted[sorted.length >> 1] ?? 0).toFixed(2)} ms, max ${stats.maxSliceMs.toFixed(1)} ms, ` +
      `${((scanMs / 5000) * 1000).toFixed(1)} µs/post`,
  );
  expect(reader.reads).toBe(5000);
  expect(new Set(out.ids()).size).toBe(5000);
  expect(scanMs).toBeLessThan(5000);
  document.body.replaceChildren();
});
