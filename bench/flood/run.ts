import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_PATH, chromiumArgs, launchWithExtension, startSiteServer } from '../../test/e2e/harness';
import { openWatched, timeSearch } from '../db/page-timing';
import { percentile } from '../db/stats';
import { closeOnboardingTab } from '../page/launch';
import { snapshotExtension } from '../page/snapshot';
import { floodHtml } from './page';

const p95 = (xs: number[]) => percentile(xs, 95);

/**
 * npm run bench:flood — a hostile page that never stops adding complaints (50 new comments by new
 * names every 250 ms, issue 16), for FLOOD_SECONDS. Measured: long tasks on the page with and
 * without the extension (the difference is ours), and, while the flood goes on, the popup's first
 * render and contact searches; then, the page closed, the popup (5 opens) and the searches again on
 * the profile the flood left. Goals: popup < 200 ms, search < 50 ms, 0 long tasks from us.
 */
const FLOOD_SECONDS = Number(process.env.FLOOD_SECONDS ?? 60);
const HOST = 'flood.example';

// Long tasks, and when each began; long animation frames name the scripts that ran in them (which
// long task was ours: an extension's script shows with its chrome-extension:// source).
const LONG_TASKS = `(() => {
  window.__long = [];
  window.__longAt = [];
  window.__loaf = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) { window.__long.push(Math.round(e.duration)); window.__longAt.push(e.startTime); } }).observe({ type: 'longtask', buffered: true });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.duration <= 50) continue;
        const scripts = (e.scripts || []).filter((s) => s.duration >= 5).map((s) => (s.sourceURL || '?').split('/').pop() + ' ' + (s.invoker || '') + ' ' + Math.round(s.duration) + ' ms');
        window.__loaf.push('+' + (e.startTime / 1000).toFixed(1) + ' s ' + Math.round(e.duration) + ' ms [' + scripts.join('; ') + ']');
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {}
})()`;

async function flood(context: BrowserContext, url: string): Promise<{ page: Page; long: number[]; longAt: number[]; loaf: string[]; marked: number }> {
  const page = await context.newPage();
  await page.addInitScript(LONG_TASKS);
  await page.goto(url);
  await page.waitForTimeout(FLOOD_SECONDS * 1_000);
  const long = (await page.evaluate('window.__long')) as number[];
  const longAt = (await page.evaluate('window.__longAt')) as number[];
  const loaf = (await page.evaluate('window.__loaf')) as string[];
  const marked = (await page.evaluate("document.querySelectorAll('[data-frontline-post]').length")) as number;
  return { page, long, longAt, loaf, marked };
}

const QUERIES = ['flood person 1', 'person 42', 'flood', 'nobody here', 'person 7'];

/** The popup opened and the queries typed one after another from its first row on. */
async function searchSession(context: BrowserContext, popupUrl: string): Promise<number[]> {
  const { page: popup } = await openWatched(context, popupUrl, { contacts: 'li.contact-item' });
  try {
    const out: number[] = [];
    for (const q of QUERIES) out.push((await timeSearch(popup, q)).ms);
    return out;
  } finally {
    await popup.close();
  }
}

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'frontline-flood-'));
  const file = path.join(dir, 'index.html');
  await writeFile(file, floodHtml());
  const server = await startSiteServer({ [HOST]: { '/post/': file } });
  const url = server.url(HOST, '/post/');
  try {
    // Without the extension: the page's own long tasks.
    const plainDir = await mkdtemp(path.join(os.tmpdir(), 'frontline-flood-plain-'));
    const plain = await chromium.launchPersistentContext(plainDir, { executablePath: CHROMIUM_PATH, headless: true, args: chromiumArgs(null, server), viewport: { width: 1280, height: 900 } });
    const without = await flood(plain, url);
    await plain.close();

    const b = await launchWithExtension({ extensionPath: await snapshotExtension(), server });
    try {
      // The first-run tab, left open, opens over the flood page: headless Chromium then drew the page once
      // a second (though it says it is visible) instead of after each append: each frame four appends' style, layout and
      // pre-paint (243 ms against 134 traced), long tasks "with us" that the run without never had.
      await closeOnboardingTab(b.context, b.extensionId);
      const withExt = await flood(b.context, url);
      // The flood goes on while the agent opens the popup and searches.
      const popupUrl = `chrome-extension://${b.extensionId}/popup.html`;
      const popups: number[] = [];
      for (let i = 0; i < 3; i++) {
        const { page, first } = await openWatched(b.context, popupUrl, { contacts: 'li.contact-item', empty: '.empty h2' });
        popups.push(first.ms);
        await page.close();
      }
      const searches = await searchSession(b.context, popupUrl);
      // Then the page is closed and the agent comes back to the profile the flood left behind.
      await withExt.page.close();
      const popupsAfter: number[] = [];
      for (let i = 0; i < 5; i++) {
        const { page, first } = await openWatched(b.context, popupUrl, { contacts: 'li.contact-item', empty: '.empty h2' });
        popupsAfter.push(first.ms);
        await page.close();
      }
      const searchesAfter = await searchSession(b.context, popupUrl);
      const db = await b.readExtensionDb();
      const median = (xs: number[]) => [...xs].sort((a, c) => a - c)[Math.floor(xs.length / 2)]!;
      const ours = Math.max(0, withExt.long.length - without.long.length);
      const lines = [
        `flood: ${FLOOD_SECONDS} s, 50 posts / 250 ms; posts marked ${withExt.marked}; contacts logged ${(db.contacts ?? []).length}`,
        `long tasks: without the extension ${without.long.length} (${without.long.join(', ') || '-'} ms), with it ${withExt.long.length} (${withExt.long.join(', ') || '-'} ms)`,
        `long tasks began at: without ${without.longAt.map((t) => `+${(t / 1000).toFixed(1)} s`).join(', ') || '-'}; with ${withExt.longAt.map((t) => `+${(t / 1000).toFixed(1)} s`).join(', ') || '-'}`,
        `long animation frames with the extension: ${withExt.loaf.join(' | ') || '-'}`,
        `popup first render during the flood: ${popups.map((x) => x.toFixed(0)).join(', ')} ms (median ${median(popups).toFixed(0)})`,
        `search during the flood: ${searches.map((x) => x.toFixed(1)).join(', ')} ms (median ${median(searches).toFixed(1)})`,
        `after the flood (page closed): popup ${popupsAfter.map((x) => x.toFixed(0)).join(', ')} ms (p95 ${p95(popupsAfter).toFixed(0)}); search ${searchesAfter.map((x) => x.toFixed(1)).join(', ')} ms`,
        `${median(popups) < 200 ? 'ok' : 'OVER GOAL'}  popup < 200 ms`,
        `${Math.max(...searches) < 50 ? 'ok' : 'OVER GOAL'}  search < 50 ms (worst)`,
        `${p95(popupsAfter) < 200 ? 'ok' : 'OVER GOAL'}  after the flood: popup < 200 ms (p95 of 5)`,
        `${Math.max(...searchesAfter) < 50 ? 'ok' : 'OVER GOAL'}  after the flood: search < 50 ms (worst)`,
        `${ours === 0 ? 'ok' : 'OVER GOAL'}  0 long tasks from us (with − without = ${withExt.long.length - without.long.length})`,
      ];
      console.log(lines.join('\n'));
    } finally {
      await b.close();
    }
  } finally {
    await server.close();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
