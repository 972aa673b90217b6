import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser, SiteServer } from './harness';
import { extractPosts, openSavedSites, routesOf } from './saved-sites';
import { waitForMarked } from './helpers';

/**
 * A post the page draws twice is marked once, in real Chromium (lib/content/copies.ts), as
 * `npm run extract` reads it once (lib/sites/repeated.ts): a community topic whose accepted
 * solution is repeated in full in a box above the replies (the seventh held-out set's Khoros-style
 * page, read by the generic reader). Before this, the box and the copy inside it were marked beside
 * the reply: three marks for one post.
 */
const FILE = path.resolve('test/fixtures/sites/shapes7/khoros-topic.html');
const URL_ = 'https://community.printellix.example.com/t5/Scanners/Scanner-stops-after-40-pages-since-driver-5-2/td-p/98213';
const u = new URL(URL_);

describe('a post drawn twice is marked once', () => {
  let server: SiteServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    ({ server, browser } = await openSavedSites(routesOf([{ host: u.hostname, path: u.pathname, file: FILE }])));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the accepted solution is marked in the thread, its box above the replies holds no mark', async () => {
    const posts = extractPosts(URL_, FILE);
    expect(posts.map((p) => p.author)).toEqual(['mhalvorsen', 'DaanV', 'Printellix_Rhea', 'mhalvorsen']);
    const page = await browser.openSite(u.hostname, u.pathname);
    await waitForMarked(page, posts.length).catch(() => undefined);
    await page.waitForTimeout(1_000);
    const inBox = await page.locator('.lia-component-topic-message-accepted-solutions').evaluate(
      (box) => [...document.querySelectorAll('[data-frontline-post]')].filter((el) => box.contains(el) || el.contains(box)).length,
    );
    expect(inBox).toBe(0);
    const inThread = await page.evaluate(() =>
      [...document.querySelectorAll('div.lia-message-view-wrapper[data-lia-message-uid="98251"][data-frontline-post]')].filter(
        (el) => !el.closest('.lia-component-topic-message-accepted-solutions'),
      ).length,
    );
    expect(inThread).toBe(1);
    expect(await page.locator('[data-frontline-post]').count()).toBe(posts.length);
    await page.close();
  }, 90_000);
});
