import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, startSiteServer, type ExtensionBrowser, type SiteServer } from './harness';
import { markedSeverities, replyHelper, saveProfile, waitForMarked } from './helpers';
import { X_CONVERSATION, X_CONVERSATION_PATH } from './pages';

// Issue 20, item 5 end to end: "Not a complaint" in the helper is stored by the background, which
// refits the correction layer; the page, read again, no longer flags that post, and the others stay.
describe('the agent corrects the detector', () => {
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

  it('"Not a complaint" unflags the post on the next read of the page, and only that post', async () => {
    const page = await browser.openSite('x.com', X_CONVERSATION_PATH);
    await waitForMarked(page, 7);
    const before = await markedSeverities(page);
    const flagged = Object.keys(before).filter((id) => before[id] !== null);
    expect(flagged.length).toBeGreaterThan(1);
    await page.getByRole('button', { name: 'Reply as support' }).first().click();
    // The helper lives in our extension-origin overlay frame; a click there is a real gesture,
    // which the frame requires before it relays the correction to the background.
    const helper = await replyHelper(page, /Reply to/);
    await helper.getByRole('button', { name: 'Not a complaint' }).click();
    await helper.getByText(/Noted: not a complaint/).waitFor({ timeout: 15_000 });

    await page.reload();
    await waitForMarked(page, 7);
    // Exactly one post changed: the one corrected, now read but not flagged.
    const changed = async () => {
      const after = await markedSeverities(page);
      return Object.keys(before).filter((id) => after[id] !== before[id]).map((id) => [before[id], after[id]]);
    };
    await expect.poll(changed, { timeout: 15_000 }).toHaveLength(1);
    const [[was, now]] = (await changed()) as [[string | null, string | null]];
    expect(was).not.toBeNull();
    expect(now).toBeNull();
  });
});
