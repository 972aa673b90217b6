/**
 * npm run bench:detect — detect() throughput on tweet-length posts, one core, against a
 * baseline measured in the same run: a plain case-insensitive keyword regex over the same
 * posts (bench/detect-posts.ts: synthetic, about a third flagged, as on real support feeds).
 */
import { detect } from '../lib/detect/index';
import { benchPosts } from './detect-posts';

const TARGET = 200_000;
const POSTS = 20_000;
const ROUNDS = 5;

const posts = benchPosts(POSTS);

const keyword = /\b(?:refund|cancel\w*|worst|unacceptable|ridiculous|charged|declined|down|still|never|terrible|awful)\b/i;

function measure(name: string, fn: (s: string) => unknown): number {
  let sink = 0;
  for (const p of posts) if (fn(p)) sink++; // warm-up: let the JIT settle
  let best = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = process.hrtime.bigint();
    for (const p of posts) if (fn(p)) sink++;
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    best = Math.max(best, POSTS / seconds);
  }
  console.log(`${name.padEnd(34)} ${Math.round(best).toLocaleString('en-US').padStart(12)} posts/s  (flagged ${sink / (ROUNDS + 1)})`);
  return best;
}

const avgLen = posts.reduce((a, p) => a + p.length, 0) / posts.length;
console.log(`${POSTS} synthetic posts, mean ${avgLen.toFixed(0)} chars; best of ${ROUNDS} rounds, one core`);
const baseline = measure('baseline: keyword regex', (p) => keyword.test(p));
const detector = measure('detect() full verdict', (p) => detect(p).complaint);
const brand = measure('detect() with brand terms', (p) => detect(p, { brandTerms: ['Acme', '@AcmeSupport'] }).complaint);
// Cues are computed when first read; this is the cost when every flagged post's cues are shown.
const withCues = measure('detect() reading cues', (p) => detect(p).cues.length > 0);
console.log(`ratio detect/baseline: ${(detector / baseline).toFixed(3)}  (with brand terms ${(brand / baseline).toFixed(3)}, reading cues ${(withCues / baseline).toFixed(3)})`);
console.log(`target ${TARGET.toLocaleString('en-US')} posts/s: ${detector >= TARGET ? 'met' : 'MISSED'}`);
