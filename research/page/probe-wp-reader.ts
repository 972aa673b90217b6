/**
 * The WordPress reader's own cost per comment in real Chromium (no extension, no scanner): the light
 * read of every comment of bench:page's 2,000-comment blog, and the full read of each, as the
 * session runs them (issue 18: the per-post cost). `--lib <checkout>` measures another checkout's
 * reader (e.g. main's) in the same run, for an A/B on the same machine at the same moment.
 *   npx tsx research/page/probe-wp-reader.ts [--lib /work/main] [--runs 15] [--page flood]
 * `--page flood`: 2,000 comments of the flood pages' markup (bench/page/flood-pages.ts) instead.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { blogHtml } from '../../bench/page/blog-page';
import { floodStaticHtml } from '../../bench/page/flood-pages';

const HERE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function bundle(root: string): Promise<string> {
  const out = await build({
    stdin: {
      contents: `import { wordpressAdapter } from './lib/sites/wordpress'; globalThis.__wp = wordpressAdapter;`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
  });
  return out.outputFiles[0]!.text;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { lib: { type: 'string', multiple: true }, runs: { type: 'string' }, page: { type: 'string', default: 'blog' } } });
  const roots = [HERE, ...(values.lib ?? [])];
  const runs = Number(values.runs ?? 15);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true });
  const page = await browser.newPage();
  const html = values.page === 'flood' ? floodStaticHtml().replace(/addComments\(1, \d+\)/, 'addComments(1, 2000)') : blogHtml();
  const scripts = await Promise.all(roots.map(bundle));
  const results: Record<string, unknown>[] = [];
  // Alternate the checkouts run by run, so a change in the machine's load hits all of them.
  const times = roots.map(() => ({ light: [] as number[], full: [] as number[], complete: [] as number[] }));
  for (let r = 0; r < runs; r++) {
    for (const [i, script] of scripts.entries()) {
      await page.route('**/*', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }));
      await page.goto('https://blog.example.org/2026/11/post/', { waitUntil: 'domcontentloaded' });
      await page.unroute('**/*');
      await page.evaluate(script);
      const t = await page.evaluate(() => {
        const wp = (globalThis as any).__wp;
        const url = new URL(location.href);
        const els: Element[] = wp.findPosts(document);
        let t0 = performance.now();
        let n = 0;
        for (const el of els) if (wp.readLight(el, url)) n++;
        const light = (performance.now() - t0) * 1000 / els.length;
        t0 = performance.now();
        for (const el of els) if (wp.readPost(el, url)) n++;
        const full = (performance.now() - t0) * 1000 / els.length;
        // The session's full read of a flagged comment: its light read completed (readPost without completeRead).
        const lights = els.map((el) => wp.readLight(el, url)?.post);
        t0 = performance.now();
        for (const [i, el] of els.entries()) if (wp.completeRead ? wp.completeRead(el, url, lights[i]) : wp.readPost(el, url)) n++;
        const complete = (performance.now() - t0) * 1000 / els.length;
        return { light, full, complete, n };
      });
      times[i]!.light.push(t.light);
      times[i]!.full.push(t.full);
      times[i]!.complete.push(t.complete);
    }
  }
  const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
  for (const [i, root] of roots.entries()) {
    results.push({ checkout: root, runs, 'light µs/comment': median(times[i]!.light).toFixed(2), 'full µs/comment': median(times[i]!.full).toFixed(2), 'completed µs/flagged': median(times[i]!.complete).toFixed(2) });
  }
  console.table(results);
  await browser.close();
}

void main();
