import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, startSiteServer, type ExtensionBrowser, type SiteServer } from './harness';
import { saveProfile, waitForMarked } from './helpers';
import { X_CONVERSATION, X_CONVERSATION_PATH } from './pages';

// Issue 20, round 11: a post on X is a social post. The background knows the sender frame's host
// and reads the post's severity as a social one's, so "we are losing real money" (with a ticket
// number and hours of waiting, which the domain gate alone took for a banking report) is marked at
// level 2 or more, not 1 ("no explicit reproach") beside the helper's "Urgent — lost money".
describe('severity of a post on X', () => {
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

  it('marks the "losing real money" post at disapproval or above', async () => {
    const page = await browser.openSite('x.com', X_CONVERSATION_PATH);
    await waitForMarked(page, 7);
    const severity = await page.evaluate(() =>
      [...document.querySelectorAll('[data-frontline-post]')]
        .find((el) => el.textContent?.includes('losing real money'))
        ?.getAttribute('data-frontline-severity') ?? null);
    expect(Number(severity)).toBeGreaterThanOrEqual(2);
  });
});
