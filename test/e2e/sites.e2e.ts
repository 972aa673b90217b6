import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detect } from '../../lib/detect';
import type { ExtensionBrowser, SiteServer } from './harness';
import { openSavedSites, routesOf, extractPosts } from './saved-sites';
import { waitForMarked } from './helpers';

// Issue 4: real saved pages of each site served under their real host names. In Chromium the
// extension must mark exactly the posts the adapter reads in Node (`npm run extract`), and flag
// exactly those the detector calls complaints — one pipeline, two runtimes, same answer.
const F = (rel: string) => path.resolve('test/fixtures/sites', rel);
const PAGES = [
  { name: 'X status (real capture)', host: 'x.com', path: '/TestUser123/status/1', file: F('twitter/tweetyoink--x-tweet-sample.html') },
  { name: 'WordPress (real capture)', host: 'hacks.mozilla.org', path: '/2015/01/this-api-is-so-fetching/', file: F('wordpress/readability--hacks.mozilla.org-this-api-is-so-fetching.html') },
  { name: 'Discourse (app view)', host: 'forum.example.com', path: '/t/sync-keeps-failing/4242', file: F('discourse/ember--forum.example.com-t-sync-keeps-failing-4242.html') },
  { name: 'new Reddit (real capture)', host: 'www.reddit.com', path: '/r/Showerthoughts/comments/vanilla/', file: F('reddit/postlight--www.reddit.com-showerthoughts-vanilla.html') },
  { name: 'Reddit shreddit', host: 'www.reddit.com', path: '/r/example/comments/1abc234/', file: F('reddit/shreddit--www.reddit.com-r-example-comments-1abc234.html') },
  { name: 'Hacker News', host: 'news.ycombinator.com', path: '/item?id=41230000', file: F('hackernews/real-markup--news.ycombinator.com-item-id=41230000.html') },
];


describe('every target site, read in a real browser', () => {
  let server: SiteServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    ({ server, browser } = await openSavedSites(routesOf(PAGES)));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const p of PAGES) {
    it(`${p.name}: marks the posts the adapter reads and flags the complaints`, async () => {
      const url = `https://${p.host}${p.path}`;
      const posts = extractPosts(url, p.file);
      expect(posts.length).toBeGreaterThan(0);
      const complaints = posts.filter((post) => detect(post.text).complaint).length;

      const page = await browser.openSite(p.host, p.path);
      await waitForMarked(page, posts.length);
      await page.waitForTimeout(300);
      expect(await page.locator('[data-frontline-post]').count()).toBe(posts.length);
      expect(await page.locator('[data-frontline-severity]').count()).toBe(complaints);
      await browser.screenshot(page, `site-${p.host}-${PAGES.indexOf(p)}`);
      await page.close();
    });
  }
});
