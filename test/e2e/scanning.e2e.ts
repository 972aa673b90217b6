import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, startSiteServer, type ExtensionBrowser, type SiteServer } from './harness';
import { waitForMarked } from './helpers';
import { X_CONVERSATION, X_CONVERSATION_PATH } from './pages';

/** Sums the posts the content script reports reading (its console.debug line, at most one a second). */
function countReads(page: Page): () => number {
  let reads = 0;
  page.on('console', (m) => {
    const hit = /\[frontline\] read (\d+) post/.exec(m.text());
    if (hit) reads += Number(hit[1]);
  });
  return () => reads;
}

describe('scanning a live page', () => {
  let server: SiteServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    server = await startSiteServer({ 'x.com': { [X_CONVERSATION_PATH]: X_CONVERSATION } });
    browser = await launchWithExtension({ server });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('reads each post once, even when the page removes and re-adds it', async () => {
    const page = await browser.context.newPage();
    const reads = countReads(page);
    await page.goto(server.url('x.com', X_CONVERSATION_PATH));
    await waitForMarked(page, 7);
    await expect.poll(reads).toBe(7);
    await page.evaluate(() => {
      const articles = [...document.querySelectorAll('article[data-testid="tweet"]')];
      for (const a of articles.slice(2, 5)) {
        const parent = a.parentElement!;
        a.remove();
        parent.append(a);
      }
    });
    // Past the log's one-second window: a second read would have been reported by now.
    await page.waitForTimeout(1_500);
    expect(reads()).toBe(7);
    expect(await page.locator('[data-frontline-post]').count()).toBe(7);
    await page.close();
  });

  it('scans the new posts after an SPA navigation', async () => {
    const page = await browser.context.newPage();
    const reads = countReads(page);
    await page.goto(server.url('x.com', X_CONVERSATION_PATH));
    await waitForMarked(page, 7);
    // What X does on navigation: push a URL, drop the old timeline, render new cells.
    await page.evaluate(() => {
      const first = document.querySelector('article[data-testid="tweet"]')!;
      const feed = first.closest('[data-testid="cellInnerDiv"]')?.parentElement ?? first.parentElement!;
      const template = first.cloneNode(true) as Element;
      history.pushState({}, '', '/search?q=acme');
      for (const cell of [...feed.children]) cell.remove();
      ['1994000000000000001', '1994000000000000002'].forEach((id, i) => {
        const copy = template.cloneNode(true) as Element;
        copy.removeAttribute('data-frontline-post');
        copy.removeAttribute('data-frontline-severity');
        for (const a of copy.querySelectorAll('a[href*="/status/"]')) a.setAttribute('href', `/nadia_ships/status/${id}`);
        const text = copy.querySelector('[data-testid="tweetText"]')!;
        text.textContent = i === 0 ? '@AcmeSupport you charged me twice and nobody answers. I want a refund now.' : 'Lovely weather today.';
        const cell = document.createElement('div');
        cell.setAttribute('data-testid', 'cellInnerDiv');
        cell.append(copy);
        feed.append(cell);
      });
    });
    await expect.poll(() => page.locator('[data-frontline-post^="x:19940000000000000"]').count(), { timeout: 10_000 }).toBe(2);
    // The read mark comes first; the severity follows in the next frame's writes (frame-writes.ts).
    await expect
      .poll(() => page.locator('[data-frontline-post="x:1994000000000000001"]').getAttribute('data-frontline-severity'))
      .not.toBeNull();
    await expect.poll(reads).toBe(9);
    await page.waitForTimeout(1_500);
    expect(await page.locator('[data-frontline-post="x:1994000000000000002"]').getAttribute('data-frontline-severity')).toBeNull();
    expect(reads()).toBe(9);
    await page.close();
  });
});
