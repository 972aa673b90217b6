import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detect } from '../../lib/detect';
import type { ExtensionBrowser, SiteServer } from './harness';
import { openSavedSites, routesOf, extractPosts } from './saved-sites';
import { openHelperFor, waitForMarked } from './helpers';

/**
 * Families of pages only the generic reader reads (issue 15, eighth pass), in real Chromium under
 * their own host names: an Arc-style forum of nested layout tables, a self-hosted issue tracker's
 * timeline, a blog whose guests are named in plain text after their words, and a link aggregator's
 * text story above its comments. The extension marks exactly the posts `npm run extract` reads, flags
 * the same complaints, and the helper opened on a chosen flagged post names its author (a guest
 * without a profile link; the story's writer, whose post is drawn unlike the comments).
 */
const SET = 'test/fixtures/sites/shapes5';
const CASES = [
  { family: 'nested-table forum', file: 'arc-forum-thread.html', url: 'https://tinkerers.example.org/forum/item?id=20871', helperAuthor: 'okko' },
  { family: 'issue timeline', file: 'forgejo-issue.html', url: 'https://forge.example-coop.org/ledgerly/ledgerly/issues/214', helperAuthor: 'noemie.b' },
  { family: 'guest named in plain text', file: 'typepad-comments.html', url: 'https://cornergrocer.example.org/notes/2024/04/loyalty-card.html', helperAuthor: 'Hugh' },
  { family: 'story above its comments', file: 'lobsters-story.html', url: 'https://pebble.example.dev/s/k3pxqa/our_sync_client_keeps_re_uploading', helperAuthor: 'mkessler' },
].map((c) => {
  const u = new URL(c.url);
  return { ...c, host: u.hostname, path: u.pathname + u.search, abs: path.resolve(SET, c.file) };
});


describe('pages only the generic reader reads, under their own host names', () => {
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
    it(`${c.family}: marks every post, flags the complaints, opens the helper with ${c.helperAuthor} as the author`, async () => {
      const posts = extractPosts(c.url, c.abs);
      // Read by the generic reader alone, and the post the helper opens on is a flagged complaint.
      expect(posts.every((p) => p.platform === 'generic')).toBe(true);
      const at = posts.findIndex((p) => p.author === c.helperAuthor && detect(p.text).complaint);
      expect(at).toBeGreaterThanOrEqual(0);
      const flagged = posts.filter((p) => detect(p.text).complaint);

      const page = await browser.openSite(c.host, c.path);
      await waitForMarked(page, posts.length).catch(() => undefined);
      await page.waitForTimeout(300);
      expect(await page.locator('[data-frontline-post]').count()).toBe(posts.length);
      await expect.poll(() => page.locator('[data-frontline-severity]').count()).toBe(flagged.length);

      // Marks are in document order, as extract's posts are.
      const ids = await page.locator('[data-frontline-post]').evaluateAll((els) => els.map((e) => e.getAttribute('data-frontline-post')!));
      const helper = await openHelperFor(page, ids[at]!);
      expect(await helper.getAttribute('aria-label')).toContain(c.helperAuthor);
      await browser.screenshot(page, `generic-${c.file.replace('.html', '')}`);
      await page.close();
    }, 90_000);
  }
});
