import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, startSiteServer, type ExtensionBrowser, type SiteServer } from './harness';
import { saveProfile, uiHostCount, waitForMarked, overlayFrame, replyHelper } from './helpers';
import { X_CONVERSATION, X_CONVERSATION_PATH } from './pages';

const ARTICLE = path.resolve('test/e2e/pages/plain-article.html');

// Chrome has no API to click a native context menu or press a browser shortcut headless; its
// extension events expose dispatch(), which runs the background's real listeners with the
// same arguments the browser would pass.
async function clickMenuItem(browser: ExtensionBrowser, urlPattern: string, selectionText: string) {
  await browser.serviceWorker.evaluate(
    async ([pattern, text]) => {
      const c = (globalThis as any).chrome;
      const [tab] = await c.tabs.query({ url: pattern });
      c.contextMenus.onClicked.dispatch({ menuItemId: 'frontline-respond', frameId: 0, pageUrl: tab.url, selectionText: text }, tab);
    },
    [urlPattern, selectionText] as const,
  );
}

async function pressPaletteShortcut(browser: ExtensionBrowser, urlPattern: string) {
  await browser.serviceWorker.evaluate(async (pattern) => {
    const c = (globalThis as any).chrome;
    const [tab] = await c.tabs.query({ url: pattern });
    c.commands.onCommand.dispatch('open-palette', tab);
  }, urlPattern);
}

describe('context menu and command palette', () => {
  let server: SiteServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    server = await startSiteServer({
      'example.org': { '/blog/done-with-acme': ARTICLE },
      'x.com': { [X_CONVERSATION_PATH]: X_CONVERSATION },
    });
    browser = await launchWithExtension({ server });
    await (await saveProfile(browser)).close();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('registers "Respond as support" in the context menu', async () => {
    await expect
      .poll(() =>
        browser.serviceWorker.evaluate(() =>
          (globalThis as any).chrome.contextMenus.update('frontline-respond', {}).then(() => true, () => false),
        ),
      )
      .toBe(true);
  });

  it('opens the helper on a plain page with the selected words as the customer’s, and the page author', async () => {
    const page = await browser.openSite('example.org', '/blog/done-with-acme');
    // No comments here: the gate injected nothing, so no UI exists yet.
    expect(await uiHostCount(page)).toBe(0);
    const selection = await page.evaluate(() => {
      const p = document.getElementById('rant')!;
      const range = document.createRange();
      range.selectNodeContents(p);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return getSelection()!.toString();
    });
    await clickMenuItem(browser, 'https://example.org/*', selection);
    const helper = await replyHelper(page, /Reply to Morgan Lee/);
    await helper.waitFor();
    await helper.getByText('invoice doubled', { exact: false }).first().waitFor();
    await expect.poll(() => helper.getByLabel('Reply text').inputValue()).toContain('Jane Doe');
    await browser.screenshot(page, 'context-menu-helper');
    await page.close();
  });

  it('opens the palette by its command and runs a template with the keyboard alone', async () => {
    const page = await browser.openSite('x.com', X_CONVERSATION_PATH);
    await waitForMarked(page, 7);
    await pressPaletteShortcut(browser, 'https://x.com/*');
    const palette = (await overlayFrame(page)).getByRole('dialog', { name: 'Frontline command palette' });
    await palette.waitFor();
    const input = palette.getByRole('combobox', { name: 'Search templates, contacts and actions' });
    await expect.poll(() => input.evaluate((el) => el === (el.getRootNode() as Document).activeElement)).toBe(true);
    await browser.screenshot(page, 'palette');
    await page.keyboard.type('find out');
    const active = palette.getByRole('option', { selected: true });
    await expect.poll(() => active.textContent()).toMatch(/find out/i);
    await page.keyboard.press('Enter');
    const helper = await replyHelper(page, /Reply to/);
    await expect.poll(() => helper.getByLabel('Reply text').inputValue()).toMatch(/get back to you/i);
    // Escape closes the helper without touching the page.
    await helper.getByLabel('Reply text').press('Escape');
    await expect.poll(() => helper.count()).toBe(0);
    await page.close();
  });
});
