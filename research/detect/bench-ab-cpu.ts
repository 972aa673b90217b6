/**
 * One side of a CPU-time A/B of detect() (round 13): DETECT_ROOT=/path/to/checkout npx tsx
 * research/detect/bench-ab-cpu.ts prints the best and median posts/s of 8 rounds over bench:detect's
 * posts, counted in this process's CPU time (on a loaded shared machine wall-clock best-of-5 swung
 * 3x between runs of the same code). Run checkouts in separate processes, ABBA: two checkouts in one
 * process favour whichever was imported first (0.72x one order, 1.44x the other, same code pair).
 */
import { createRequire } from 'node:module';
import { benchPosts } from '../../bench/detect-posts';

const require = createRequire(import.meta.url);
const { detect } = require(`${process.env.DETECT_ROOT ?? process.cwd()}/lib/detect/index.ts`) as typeof import('../../lib/detect/index');

// The same posts as bench/detect.bench.ts.
const posts = benchPosts(20_000);

function round(): number {
  const t0 = process.cpuUsage();
  let sink = 0;
  for (const p of posts) if (detect(p).complaint) sink++;
  const d = process.cpuUsage(t0);
  return sink >= 0 ? posts.length / ((d.user + d.system) / 1e6) : 0;
}
round(); round();
const all = Array.from({ length: 8 }, round).sort((a, b) => a - b);
console.log(JSON.stringify({ best: Math.round(all[7]!), median: Math.round(all[4]!) }));
