import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser, SiteServer } from './harness';
import { extractPosts, openSavedSites, routesOf } from './saved-sites';
import { waitForMarked } from './helpers';

/**
 * Engines no id or class probe names, in real Chromium under their own hosts (the eighth set, eleventh
 * pass): a WoltLab Suite thread, a Talkyard topic and an IP.Board 3 topic. On `main` the gate stayed shut
 * on all three, so nothing was marked; it now wakes on pages linking three or more people's pages
 * (lib/content/gate.ts), and the marks are extract's posts.
 */
const SET = 'test/fixtures/sites/shapes8';
const CASES = [
  { file: 'woltlab-wsc-thread.html', url: 'https://community.hearthside.example.de/forum/thread/6622-pellet-stove-shuts-down-with-error-e7-after-the-winter-update/' },
  { file: 'talkyard-topic.html', url: 'https://talk.brisa-owners.example.org/-318/heat-pump-app-lost-my-schedule-after-the-41-update' },
  { file: 'ipb3-topic.html', url: 'http://www.fieldcraft-forums.example.net/topic/48812-scope-mount-loosens-after-every-range-day-since-the-new-rings/' },
].map((c) => {
  const u = new URL(c.url);
  return { ...c, host: u.hostname, path: u.pathname, abs: path.resolve(SET, c.file) };
});

describe('engines no probe names wake the reader in the browser', () => {
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
    it(`${c.file}: every post extract reads is marked`, async () => {
      const posts = extractPosts(c.url, c.abs);
      expect(posts.length).toBeGreaterThanOrEqual(3);
      const page = await browser.openSite(c.host, c.path);
      await waitForMarked(page, posts.length).catch(() => undefined);
      expect(await page.locator('[data-frontline-post]').count()).toBe(posts.length);
      await page.close();
    }, 90_000);
  }
});
