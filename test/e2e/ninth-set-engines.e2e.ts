import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser, SiteServer } from './harness';
import { extractPosts, openSavedSites, routesOf } from './saved-sites';
import { waitForMarked } from './helpers';

/**
 * The ninth set's pages in real Chromium under their own hosts (twelfth pass): a Redmine issue (its
 * description and notes, not the entry that only changes fields), a video page's comments drawn as
 * custom elements, a wpForo Q&A topic (a comment drawn beside its answer) and a Tildes topic (the topic's
 * writer after "by"). Every post extract reads is marked, exactly that many: on `main` extract read the
 * Redmine page as one post, the video page as none, and missed the wpForo comment and the Tildes topic.
 */
const SET = 'test/fixtures/sites/shapes9';
const CASES = [
  { file: 'redmine-issue.html', url: 'https://tracker.lumo-routers.example.net/issues/4412', posts: 4 },
  { file: 'youtube-watch-comments.html', url: 'https://www.youtube.com/watch?v=Qm3dKx7LpTw', posts: 4 },
  { file: 'wpforo-qa-topic.html', url: 'https://owners.tidybot.example.co.uk/community/help-questions/robot-vacuum-maps-reset-after-every-charge-since-app-7-0/', posts: 4 },
  { file: 'tildes-topic.html', url: 'https://quill.example-commons.net/~books/6dq2/my_e_readers_cloud_backup', posts: 5 },
].map((c) => {
  const u = new URL(c.url);
  return { ...c, host: u.hostname, path: u.pathname + u.search, abs: path.resolve(SET, c.file) };
});

describe('the ninth set read in the browser', () => {
  let server: SiteServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    ({ server, browser } = await openSavedSites(routesOf(CASES.map((c) => ({ host: c.host, path: c.path, file: c.abs })))));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const c of CASES) {
    it(`${c.file}: its ${c.posts} posts read and each marked`, async () => {
      const posts = extractPosts(c.url, c.abs);
      expect(posts.length).toBe(c.posts);
      const page = await browser.openSite(c.host, c.path);
      await waitForMarked(page, posts.length).catch(() => undefined);
      expect(await page.locator('[data-frontline-post]').count()).toBe(posts.length);
      await page.close();
    }, 90_000);
  }
});
