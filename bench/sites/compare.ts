/**
 * The generic reader's cost in two or more checkouts, side by side in one Chromium page, runs
 * interleaved so machine load falls on all alike (timings here are noisy; ratios hold):
 *   npx tsx bench/sites/compare.ts <checkout> [<checkout> ...] [--posts=100] [--rounds=15] [--page]
 * --page reads as the content script does (every adapter's fingerprint tried first, then the generic
 * reader), so the cost of more engine fingerprints shows; without it, the generic reader alone.
 * The 10th percentile is compared: the runs least disturbed by the machine's other work.
 * Each checkout's bench/sites/entry.ts is bundled; the page is bench:sites' generated forum page.
 */
import path from 'node:path';
import { build } from 'esbuild';
import { openForumTab } from './forum-tab';

async function main(): Promise<void> {
  const roots = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const opt = (name: string, d: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? d);
  const posts = opt('posts', 100);
  const rounds = opt('rounds', 15);
  const wholePage = process.argv.includes('--page');
  const bundles: string[] = [];
  for (const [i, root] of roots.entries()) {
    const b = await build({ entryPoints: [path.resolve(root, 'bench/sites/entry.ts')], bundle: true, write: false, format: 'iife', platform: 'browser' });
    // Each checkout's readers under their own name.
    bundles.push(b.outputFiles[0]!.text.replace('globalThis.__frontlineSites', `globalThis.__frontlineSites${i}`));
  }
  const { browser, page } = await openForumTab(posts);
  for (const b of bundles) await page.evaluate(b);
  const result = await page.evaluate(
    ({ n, rounds, wholePage }) => {
      const url = new URL(location.href);
      const times: number[][] = Array.from({ length: n }, () => []);
      const read: number[] = [];
      for (let r = 0; r < rounds; r++) {
        for (let i = 0; i < n; i++) {
          const s = (globalThis as any)[`__frontlineSites${i}`];
          for (let k = 0; k < 10; k++) {
            const t0 = performance.now();
            read[i] = (wholePage ? s.readPostsOnPage(document, url) : s.readPostsWith(s.genericAdapter, document, url)).length;
            times[i]!.push(performance.now() - t0);
          }
        }
      }
      // The fastest run is the one least disturbed by the other work on the machine: it is compared.
      return times.map((t, i) => {
        t.sort((a, b) => a - b);
        return { min: t[0]!, q10: t[Math.floor(t.length / 10)]!, median: t[Math.floor(t.length / 2)]!, posts: read[i]! };
      });
    },
    { n: bundles.length, rounds, wholePage },
  );
  await browser.close();
  const base = result[0]!.q10;
  console.log(`${posts}-post page${wholePage ? ' (whole page: fingerprints, then the generic reader)' : ''}, ${rounds} rounds of 10 runs each, interleaved; ms per find + read (fastest, 10th percentile, median)`);
  result.forEach((r, i) =>
    console.log(`${roots[i]}: ${r.min.toFixed(2)} / ${r.q10.toFixed(2)} / ${r.median.toFixed(2)} ms (10th percentile ${(r.q10 / base).toFixed(2)}× the first's), ${r.posts} posts`),
  );
}

void main();
