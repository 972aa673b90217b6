import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detect } from '../../lib/detect';
import { wildPages } from '../../scripts/sites/score';
import type { ExtensionBrowser, SiteServer } from './harness';
import { openSavedSites, routesOf, extractPosts } from './saved-sites';
import { openHelperFor, waitForMarked } from './helpers';

/**
 * Issue 15: saved pages of engines read by fingerprint or by the generic reader, served under their
 * real host names. In Chromium the extension marks exactly the posts extract reads in Node, flags
 * the same complaints, and the helper opened from a flagged post's chip names that post's author.
 */
const ENGINES = ['xenforo1', 'phpbb', 'nodebb', 'wordpress-comments'];
const PAGES = wildPages()
  .filter((p) => ENGINES.includes(p.engine))
  .map((p) => {
    const u = new URL(p.url);
    return { engine: p.engine, url: p.url, host: u.hostname, path: u.pathname + u.search, file: path.resolve('test/fixtures/sites/wild', p.file) };
  });


describe('wild forum pages under their real host names', () => {
  let server: SiteServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    ({ server, browser } = await openSavedSites(routesOf(PAGES)));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('serves four engines', () => expect(PAGES.map((p) => p.engine).sort()).toEqual([...ENGINES].sort()));

  for (const engine of ENGINES) {
    it(`${engine}: marks every post, flags the complaints, opens the helper with the flagged post's author`, async () => {
      const p = PAGES.find((x) => x.engine === engine)!;
      const posts = extractPosts(p.url, p.file);
      const flagged = posts.filter((post) => detect(post.text).complaint);
      expect(flagged.length).toBeGreaterThan(0);

      const page = await browser.openSite(p.host, p.path);
      await waitForMarked(page, posts.length).catch(() => undefined);
      await page.waitForTimeout(300);
      expect(await page.locator('[data-frontline-post]').count()).toBe(posts.length);
      await expect.poll(() => page.locator('[data-frontline-severity]').count()).toBe(flagged.length);

      // Marks are in document order, as extract's posts are: the first flagged post's mark and author.
      const first = posts.findIndex((post) => detect(post.text).complaint);
      const ids = await page.locator('[data-frontline-post]').evaluateAll((els) => els.map((e) => e.getAttribute('data-frontline-post')!));
      const helper = await openHelperFor(page, ids[first]!);
      expect(await helper.getAttribute('aria-label')).toContain(posts[first]!.author);
      await browser.screenshot(page, `wild-${engine}`);
      await page.close();
    }, 90_000);
  }
});
