import { statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, startSiteServer, type ExtensionBrowser, type SiteServer } from './harness';
import { uiHostCount } from './helpers';

// Issue 2: the content script runs on every site behind a cheap gate. On a long article with
// no comments it must stay small, cost little and do nothing else. The exact cost (0.5–0.8 ms
// here) is a benchmark figure (`npm run bench:gate`, README's performance log); this test keeps
// bounds that a real regression (the gate bundling React or the model, or reading the page)
// crosses by a wide margin, so a loaded 2-core machine cannot fail it.
const ARTICLE = path.resolve('test/fixtures/sites/generic/no-comments-long-article.html');
const COMMENTS = path.resolve('test/fixtures/sites/generic/plain-blog-comments.html');

describe('the gate on pages without posts', () => {
  let server: SiteServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    server = await startSiteServer({ 'news.example.org': { '/long-read': ARTICLE, '/with-comments': COMMENTS } });
    browser = await launchWithExtension({ server });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('ships as a small script without React or the model', () => {
    const gate = statSync(path.resolve('.output/chrome-mv3/content-scripts/gate.js')).size;
    // 41 kB today; React alone is over 130 kB minified and the model's weights are larger still.
    expect(gate).toBeLessThan(100_000);
  });

  it('costs a few milliseconds at most on a long article and injects nothing', async () => {
    const costs: number[] = [];
    // Fifteen loads, judged by the median: one page load is one cold run, performance.now() is
    // coarsened to 0.1 ms, and a 2-core CI machine is noisy (a median of nine read 1.1 ms once
    // while the same build read 0.6–0.7 ms in three runs alone).
    const LOADS = 15;
    for (let i = 0; i < LOADS; i++) {
      const page = await browser.context.newPage();
      const gate = page.waitForEvent('console', { predicate: (m) => m.text().startsWith('[frontline] gate') });
      await page.goto(server.url('news.example.org', '/long-read'));
      const text = (await gate).text();
      expect(text).toMatch(/posts possible: false/);
      costs.push(Number(/gate ([\d.]+) ms/.exec(text)![1]));
      await page.waitForTimeout(300);
      expect(await page.locator('[data-frontline-post], #frontline-marks').count()).toBe(0);
      expect(await uiHostCount(page)).toBe(0);
      await page.close();
    }
    costs.sort((a, b) => a - b);
    const median = costs[Math.floor(LOADS / 2)]!;
    console.log(`gate cost on a 58 kB article without comments: median ${median} ms, max ${costs[LOADS - 1]} ms`);
    expect(median).toBeLessThan(10);
  });

  it('wakes the full script on an unknown blog that has comments', async () => {
    const page = await browser.openSite('news.example.org', '/with-comments');
    await expect.poll(() => page.locator('[data-frontline-post]').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await page.close();
  });
});
