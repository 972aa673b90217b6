import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, startSiteServer, type ExtensionBrowser, type SiteServer } from './harness';

// The harness itself: extension loaded, service worker alive, saved pages reachable under real host names.
const TIMELINE = path.resolve('demo/pages/x.com/nadia_ships/status/1993012657403187514.html');
const TIMELINE_PATH = '/nadia_ships/status/1993012657403187514';

describe('real Chromium with the built extension', () => {
  let server: SiteServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    server = await startSiteServer({ 'x.com': { [TIMELINE_PATH]: TIMELINE } });
    browser = await launchWithExtension({ server });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('runs the extension service worker', async () => {
    expect(browser.extensionId).toMatch(/^[a-p]{32}$/);
    // Evaluated inside the worker, where the extension API exists (no chrome types in Node code).
    const runtimeId = await browser.serviceWorker.evaluate(
      () => (globalThis as unknown as { chrome: { runtime: { id: string } } }).chrome.runtime.id,
    );
    expect(runtimeId).toBe(browser.extensionId);
  });

  it('serves a saved page as https://x.com/ byte for byte', async () => {
    const page = await browser.openSite('x.com', TIMELINE_PATH);
    expect(await page.evaluate(() => location.host)).toBe('x.com');
    const served = await page.evaluate(() => fetch(location.href).then((r) => r.text()));
    expect(served).toBe(await readFile(TIMELINE, 'utf8'));
    expect(await page.locator('article[data-testid="tweet"]').count()).toBeGreaterThan(3);
    await page.close();
  });
});
