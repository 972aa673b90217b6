import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, startSiteServer, type ExtensionBrowser, type SiteServer } from './harness';
import { saveProfile, waitForMarked } from './helpers';
import { X_CONVERSATION, X_CONVERSATION_PATH } from './pages';

// Issue 16, least data: scripts in web pages never read the settings, which hold the agent's
// profile. The gate reads a page-safe copy the background keeps; the scanning script asks the
// background. Switching a site off in Options still reaches both.
type Chrome = { storage: { local: { get(key: string | null): Promise<Record<string, unknown>> } } };

describe('settings as web pages get them', () => {
  let server: SiteServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    server = await startSiteServer({ 'x.com': { [X_CONVERSATION_PATH]: X_CONVERSATION } });
    browser = await launchWithExtension({ server });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the copy pages read holds no profile, and switching a site off in Options reaches the gate', async () => {
    const options = await saveProfile(browser);
    const stored = () =>
      browser.serviceWorker.evaluate(async () => (await (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.get('pageSettings')).pageSettings);
    await expect.poll(async () => JSON.stringify(await stored())).toContain('Acme');
    const copy = JSON.stringify(await stored());
    for (const secret of ['Jane Doe', '555 0100', 'jane@acme.example', 'Customer Support Lead', 'profile', 'signatureFields']) expect(copy).not.toContain(secret);

    let page = await browser.openSite('x.com', X_CONVERSATION_PATH);
    await waitForMarked(page, 7);
    await page.close();

    await options.getByLabel('Switched off on').fill('x.com');
    await options.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(async () => JSON.stringify(await stored())).toContain('"disabledHosts":["x.com"]');
    page = await browser.openSite('x.com', X_CONVERSATION_PATH);
    await page.waitForTimeout(2_000);
    expect(await page.locator('[data-frontline-post]').count()).toBe(0);
    await page.close();

    await options.getByLabel('Switched off on').fill('');
    await options.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(async () => JSON.stringify(await stored())).toContain('"disabledHosts":[]');
    page = await browser.openSite('x.com', X_CONVERSATION_PATH);
    await waitForMarked(page, 7);
    await page.close();
    await options.close();
  });
});
