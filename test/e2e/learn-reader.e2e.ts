import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, startSiteServer, type ExtensionBrowser, type SiteServer } from './harness';
import { overlayFrame, replyHelper, saveProfile, waitForMarked } from './helpers';

/**
 * "Read posts like this one" in real Chromium: a review page of no known engine, where nothing is
 * read, until the agent right-clicks one review and chooses the menu item. Chrome cannot click a
 * native context menu headless; the real right-click still happens (the page sees its contextmenu
 * event) and the menu's click is dispatched to the background's real listener, as
 * menu-palette.e2e.ts does for "Respond as support".
 */
const PAGE = path.resolve('test/e2e/pages/reviews-no-engine.html');
const HOST = 'shop.example.net';

describe('"Read posts like this one"', () => {
  let server: SiteServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    server = await startSiteServer({ [HOST]: { '/kettle-3000': PAGE }, 'other.example.net': { '/kettle-3000': PAGE } });
    browser = await launchWithExtension({ server });
    await (await saveProfile(browser)).close();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('is in the context menu', async () => {
    await expect
      .poll(() =>
        browser.serviceWorker.evaluate(() => (globalThis as any).chrome.contextMenus.update('frontline-learn-reader', {}).then(() => true, () => false)),
      )
      .toBe(true);
  });

  it('teaches a reader from one right-clicked review: says how many it finds, marks them, flags the complaint, keeps it for this host only', async () => {
    const page = await browser.openSite(HOST, '/kettle-3000');
    await page.waitForTimeout(800);
    expect(await page.locator('[data-frontline-post]').count()).toBe(0);

    await page.locator('.review-body').nth(2).click({ button: 'right' });
    await page.keyboard.press('Escape');
    await browser.serviceWorker.evaluate(async (pattern) => {
      const c = (globalThis as any).chrome;
      const [tab] = await c.tabs.query({ url: pattern });
      c.contextMenus.onClicked.dispatch({ menuItemId: 'frontline-learn-reader', frameId: 0, pageUrl: tab.url }, tab);
    }, `https://${HOST}/*`);

    // The toast and the helper render in our extension-origin overlay frame, not the page's DOM.
    await (await overlayFrame(page)).getByRole('status').filter({ hasText: `Frontline now reads 4 posts like this one on ${HOST}.` }).waitFor({ timeout: 15_000 });
    await waitForMarked(page, 4);
    // The one complaint (refund, nobody answers, Acme named) is flagged; the helper opens for its author.
    await expect.poll(() => page.locator('[data-frontline-severity]').count()).toBe(1);
    await page.getByRole('button', { name: 'Reply as support' }).first().click();
    await replyHelper(page, /Reply to Lee Wong/);
    await browser.screenshot(page, 'learned-reader');

    // Kept per host in the settings, shown and removable in the options.
    const stored = await browser.serviceWorker.evaluate(async () => (await (globalThis as any).chrome.storage.local.get('settings')).settings.learnedReaders);
    expect(Object.keys(stored)).toEqual([HOST]);
    expect(stored[HOST]).toMatchObject({ post: 'div.review', text: 'p.review-body' });

    // The same page on another host is not read: the reader belongs to the host it was taught on.
    const other = await browser.openSite('other.example.net', '/kettle-3000');
    await other.waitForTimeout(800);
    expect(await other.locator('[data-frontline-post]').count()).toBe(0);
    await other.close();

    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const group = options.getByRole('group', { name: `Reader for ${HOST}` });
    await expect.poll(() => group.getByLabel('Post selector').inputValue()).toBe('div.review');
    await group.getByRole('button', { name: `Remove reader for ${HOST}` }).click();
    await options.getByText(`Removed the reader for ${HOST}.`).waitFor();
    const after = await browser.serviceWorker.evaluate(async () => (await (globalThis as any).chrome.storage.local.get('settings')).settings.learnedReaders);
    expect(after).toEqual({});
    await options.close();
    await page.close();
  });
});
