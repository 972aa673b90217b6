import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, startSiteServer, type ExtensionBrowser, type SiteServer } from './harness';
import { saveProfile, uiHostCount, waitForMarked } from './helpers';
import { X_CONVERSATION, X_CONVERSATION_PATH } from './pages';

// Issue 16: the page is the attacker, running its own JavaScript (page.evaluate runs in the
// page's main world, with no extension privileges). Only the cases for the parts landed so far.
describe('a hostile page', () => {
  let server: SiteServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    server = await startSiteServer({ 'x.com': { [X_CONVERSATION_PATH]: X_CONVERSATION } });
    browser = await launchWithExtension({ server });
    await (await saveProfile(browser)).close();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('cannot hide the chips by removing our host element', async () => {
    const page = await browser.openSite('x.com', X_CONVERSATION_PATH);
    await waitForMarked(page, 7);
    await page.getByRole('button', { name: /^Reply as support/ }).first().waitFor();
    await page.evaluate(() => {
      for (const el of [...document.documentElement.children]) if (el.localName.startsWith('frontline-ui')) el.remove();
    });
    await expect.poll(() => uiHostCount(page), { timeout: 5_000 }).toBe(1);
    await page.getByRole('button', { name: /^Reply as support/ }).first().click();
    await page.getByRole('dialog', { name: /^Reply to / }).waitFor();
    await page.close();
  });
});
