/**
 * One side of a CPU-time A/B of detect() (round 13): DETECT_ROOT=/path/to/checkout npx tsx
 * research/detect/bench-ab-cpu.ts prints the best and median posts/s of 8 rounds over bench:detect's
 * posts, counted in this process's CPU time (on a loaded shared machine wall-clock best-of-5 swung
 * 3x between runs of the same code). Run checkouts in separate processes, ABBA: two checkouts in one
 * process favour whichever was imported first (0.72x one order, 1.44x the other, same code pair).
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { detect } = require(`${process.env.DETECT_ROOT ?? process.cwd()}/lib/detect/index.ts`) as typeof import('../../lib/detect/index');

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
}
// The same posts as bench/detect.bench.ts (same generator and seed).
const openers = ['@AcmeSupport', '@acme_help hi,', 'Hey @AcmeBank', '', 'So', '@BrandCo'];
const bodies = [
  'my order still has not arrived after 9 days, this is unacceptable', 'thanks so much for the quick reply, love the new update!',
  'you charged me twice and nobody answers, I want a refund now', 'how do I change the delivery address on order 12345?',
  'worst customer service ever, I am cancelling my account', 'great job on the app redesign, works perfectly',
  'the website is down again and I cannot pay my bill', 'can you tell me when the store opens on Sunday?',
  'I have been on hold for 2 hours, absolutely ridiculous', 'just picked up my new phone, really happy with it',
  'my card was declined even though I have money in the account', 'your staff were so helpful today, thank you',
];
const tails = ['', ' #fail', ' 😡', ' https://t.co/abc123', ' Please help.', ' 🙂', '!!'];
const random = rng(42);
const pick = <T>(a: T[]) => a[Math.floor(random() * a.length)]!;
const posts = Array.from({ length: 20_000 }, (_, i) => `${pick(openers)} ${pick(bodies)}${pick(tails)} ${i % 97}`.trim());

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
