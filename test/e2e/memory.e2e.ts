import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, startSiteServer, type ExtensionBrowser, type SiteServer } from './harness';
import { fillTemplateFields, saveProfile, waitForDb, waitForMarked, replyHelper } from './helpers';
import { X_CONVERSATION, X_CONVERSATION_PATH } from './pages';

// Issue 6 end to end: flagged → reply inserted with a follow-up → contact and events in the
// popup → badge counts the due follow-up → the same customer on another page is recognised →
// export, delete all, import restores the same data.
const NADIA = 'x:1993012657403187514';
const LATER_ID = '1993999999999999999';
const LATER_PATH = `/nadia_ships/status/${LATER_ID}`;

/** The same customer, a day later, angrier: her tweet re-served under a new status id and text. */
async function laterPage(): Promise<string> {
  const html = await readFile(X_CONVERSATION, 'utf8');
  return html
    .replaceAll('1993012657403187514', LATER_ID)
    .replace(/our production deploys have been stuck[^<]*/g, 'you lied to us. You charged my card twice, ignored three tickets and your staff are useless. I will report you.');
}

type Row = Record<string, unknown>;
const rows = (db: Record<string, unknown[]>, table: string) => (db[table] ?? []) as Row[];

describe('customer memory: log, follow-up, returning customer, export and import', () => {
  let server: SiteServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    const laterFile = path.join(await mkdtemp(path.join(os.tmpdir(), 'frontline-later-')), 'later.html');
    await writeFile(laterFile, await laterPage());
    server = await startSiteServer({ 'x.com': { [X_CONVERSATION_PATH]: X_CONVERSATION, [LATER_PATH]: laterFile } });
    browser = await launchWithExtension({ server });
    await (await saveProfile(browser)).close();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('logs a reply with a follow-up, and the badge counts it once due', async () => {
    const page = await browser.openSite('x.com', X_CONVERSATION_PATH);
    await waitForMarked(page, 7);
    await page.getByRole('button', { name: 'Reply as support' }).first().click();
    const helper = await replyHelper(page, /Reply to Nadia/);
    await helper.waitFor();
    await helper.getByRole('button', { name: /All templates/ }).click();
    await helper.getByRole('button', { name: /find out/ }).click();
    await expect.poll(() => helper.getByLabel('Reply text').inputValue()).toMatch(/get back to you/i);
    // Follow up today at 00:00: a time already passed at any hour, so due at once, and the helper says so.
    const today = await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    await helper.getByLabel('Follow-up date').fill(today);
    await expect.poll(() => helper.getByLabel('Follow-up time').inputValue()).toBe('09:00');
    await helper.getByLabel('Follow-up time').fill('00:00');
    await helper.getByText('That time has passed: the follow-up is due as soon as you send.').waitFor();
    await fillTemplateFields(helper, 'why the deploys are stuck');
    // An internal note: the popup's text search finds her by its words (issue 21, item 8).
    // (The note box is open already: her post quotes a ticket number.)
    await helper.getByLabel('Internal note').fill('Prefers a callback on Thursdays, office in Zürich');
    await helper.getByRole('button', { name: 'Save note' }).click();
    await helper.getByText('Note saved to this customer’s history.').waitFor();
    await helper.getByRole('button', { name: 'Insert reply' }).click();
    await helper.getByText(/inserted/i).waitFor();

    const db = await waitForDb(browser, (d) => rows(d, 'events').some((e) => e.type === 'follow-up-set'));
    expect(rows(db, 'interactions').find((i) => String(i.id).includes('1993012657403187514'))?.followUpAt).toBeTypeOf('number');
    await expect
      .poll(() => browser.serviceWorker.evaluate(() => (globalThis as any).chrome.action.getBadgeText({})), { timeout: 15_000 })
      .toBe('1');

    const popup = await browser.openExtensionPage('popup');
    await popup.getByText('Nadia Okafor').first().waitFor();
    await popup.getByRole('button', { name: 'Mark resolved' }).first().waitFor();
    await browser.screenshot(popup, 'popup-follow-up-due');
    // Search (the schema-v6 directory, kept by the real IndexedDB): any words of name or handle,
    // her due promise with her; another customer without it.
    const search = popup.getByLabel('Search contacts');
    const names = (css: string) => popup.locator(`${css} .name`).allTextContents();
    await search.fill('okafor nad');
    await expect.poll(() => names('li.contact-item')).toEqual(['Nadia Okafor']);
    expect(await names('li.due-item')).toEqual(['Nadia Okafor']);
    await search.fill('@marcus_r');
    await expect.poll(() => names('li.contact-item')).toEqual(['Marcus Reed']);
    expect(await names('li.due-item')).toEqual([]);
    // Words of her note, not of her name: she is found below the (empty) name matches.
    await search.fill('zurich callb');
    await expect.poll(() => names('li.text-match-item')).toEqual(['Nadia Okafor']);
    expect(await popup.locator('li.text-match-item mark').allTextContents()).toEqual(['callb', 'Zürich']);
    expect(await names('li.contact-item')).toEqual([]);
    await browser.screenshot(popup, 'popup-text-search');
    await popup.close();
    await page.close();
  });

  it('recognises the same customer on another page, with her history, and warns that she is angrier', async () => {
    const page = await browser.openSite('x.com', LATER_PATH);
    await waitForMarked(page, 7);
    const post = page.locator(`[data-frontline-post="x:${LATER_ID}"]`);
    await page.getByRole('button', { name: 'Reply as support' }).first().click();
    const helper = await replyHelper(page, /Reply to Nadia/);
    await helper.getByText('Returning customer').waitFor();
    await helper.getByText(/1 earlier interaction/).waitFor();
    await helper.getByText(/Angrier than last time/).waitFor();
    // Only the helper (our own frame) says so: the page's DOM carries no trace of her history.
    expect(await post.getAttribute('data-frontline-returning')).toBeNull();
    expect(await page.getByRole('button', { name: 'Reply as support' }).first().getAttribute('title')).not.toMatch(/returning|earlier/i);
    await browser.screenshot(page, 'x-returning-customer');
    expect(NADIA).not.toBe(`x:${LATER_ID}`);
    await page.close();
  });

  it('exports everything, deletes it all, and an import restores the same data', async () => {
    const before = await browser.readExtensionDb();
    expect(rows(before, 'contacts').length).toBeGreaterThan(0);

    const dash = await browser.openExtensionPage('dashboard');
    await dash.getByRole('tab', { name: /Data/ }).click();
    const [download] = await Promise.all([dash.waitForEvent('download'), dash.getByRole('button', { name: 'Export JSON' }).click()]);
    const file = await download.path();
    await browser.screenshot(dash, 'dashboard-data');

    // A popup left open through delete-all and the restore, with a search typed: it follows both live.
    const popup = await browser.openExtensionPage('popup');
    await popup.getByLabel('Search contacts').fill('okaf');
    const shown = () => popup.locator('li.contact-item .name').allTextContents();
    await expect.poll(shown).toEqual(['Nadia Okafor']);

    await dash.getByLabel('Type DELETE to confirm').fill('DELETE');
    await dash.getByRole('button', { name: 'Delete all data' }).click();
    await expect.poll(async () => rows(await browser.readExtensionDb(), 'contacts').length).toBe(0);
    await expect.poll(shown).toEqual([]);

    await dash.locator('input[type="file"]').setInputFiles(file);
    await dash.getByText(/Imported:/).waitFor();
    await expect.poll(shown, { timeout: 10_000 }).toEqual(['Nadia Okafor']);
    expect(await popup.getByLabel('Search contacts').inputValue()).toBe('okaf');
    await popup.close();
    const after = await browser.readExtensionDb();
    for (const table of ['contacts', 'interactions', 'events']) {
      // Same records, whatever order IndexedDB hands their keys back in.
      const key = (r: Row) => JSON.stringify(Object.fromEntries(Object.entries(r).sort(([a], [b]) => a.localeCompare(b))));
      expect(rows(after, table).map(key).sort()).toEqual(rows(before, table).map(key).sort());
    }
    await dash.getByRole('tab', { name: /Contacts/ }).click();
    // The import rebuilt the search directory along with the contacts.
    await dash.getByLabel('Search contacts').fill('okaf');
    await expect.poll(() => dash.locator('.contact-pane').getByText('Marcus Reed').count()).toBe(0);
    await dash.getByText('Nadia Okafor').first().click();
    await dash.getByText(/find out and get back to you/).first().waitFor();
    await browser.screenshot(dash, 'dashboard-timeline');
    await dash.getByRole('tab', { name: /Insights/ }).click();
    await dash.getByRole('heading', { name: /Feedback report/i }).waitFor();
    await browser.screenshot(dash, 'dashboard-insights-light', { fullPage: true });
    await dash.emulateMedia({ colorScheme: 'dark' });
    await browser.screenshot(dash, 'dashboard-insights-dark', { fullPage: true });
    await dash.close();
  });

  it('refuses a bad import file with a clear message and changes nothing', async () => {
    const before = await browser.readExtensionDb();
    const dash = await browser.openExtensionPage('dashboard');
    await dash.getByRole('tab', { name: /Data/ }).click();
    await dash.locator('input[type="file"]').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"frontline-export","version":1,"contacts":[{"id":5}]') });
    await dash.getByText(/was not imported/).waitFor();
    await dash.getByText(/Nothing was changed/).first().waitFor();
    const after = await browser.readExtensionDb();
    expect(JSON.stringify(after)).toBe(JSON.stringify(before));
    await dash.close();
  });

  it('resolves a due follow-up from the popup (its write code loads on the click) and the badge clears', async () => {
    const popup = await browser.openExtensionPage('popup');
    const due = popup.locator('li.due-item', { hasText: 'Nadia Okafor' });
    await due.getByRole('button', { name: 'Mark resolved' }).click();
    await expect.poll(() => due.count()).toBe(0);
    const isNadias = (i: Row) => String(i.id).includes('1993012657403187514');
    const db = await waitForDb(browser, (d) => rows(d, 'interactions').some((i) => isNadias(i) && i.status === 'resolved'));
    expect(rows(db, 'events').filter((e) => e.type === 'status' && e.status === 'resolved')).toHaveLength(1);
    await expect
      .poll(() => browser.serviceWorker.evaluate(() => (globalThis as any).chrome.action.getBadgeText({})), { timeout: 15_000 })
      .toBe('');
    await popup.close();
  });
});
