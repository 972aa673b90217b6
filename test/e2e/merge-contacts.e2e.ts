import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactIdFor, exportJSON, recordPosts } from '../../lib/db';
import { DAY, T0, freshDB, post, verdict } from '../unit/db/helpers';
import { launchWithExtension, startSiteServer, type ExtensionBrowser, type SiteServer } from './harness';
import { waitForDb, waitForMarked } from './helpers';
import { X_CONVERSATION, X_CONVERSATION_PATH } from './pages';

// Issue 21 item 8: the agent tells the dashboard that two contacts are one person across
// platforms (keyboard only), sees one timeline and one list entry, then undoes it.

/** Lena on X and on a forum, plus someone else, as an export file the dashboard imports. */
async function seedFile(): Promise<Buffer> {
  const db = freshDB();
  await recordPosts(db, [{ post: post({ platform: 'x', author: 'Lena K', handle: '@lenak', permalink: 'https://x.com/lenak/status/1' }), verdict: verdict(2) }], T0);
  await recordPosts(
    db,
    [{ post: post({ platform: 'discourse', author: 'Lena Kovač', handle: 'lkovac', text: 'The invoice export is still broken', permalink: 'https://forum.example.com/t/export/7' }), verdict: verdict(3) }],
    T0 + DAY,
  );
  await recordPosts(db, [{ post: post({ author: 'Omar Haddad', handle: '@omar', permalink: 'https://x.com/omar/status/2' }), verdict: verdict(1) }], T0 + 2 * DAY);
  const file = await exportJSON(db);
  db.close();
  return Buffer.from(JSON.stringify(file));
}

/** Nadia on a forum, and an older tweet of hers on X: the X account will be merged into the forum one. */
const NADIA_FORUM = post({ platform: 'discourse', author: 'Nadia O.', handle: 'nadia_o', text: 'Deploys stuck again on the forum board', permalink: 'https://forum.example.com/t/deploys/9' });
const NADIA_X = post({ platform: 'x', author: 'Nadia Okafor', handle: '@nadia_ships', text: 'Deploys stuck since Monday', permalink: 'https://x.com/nadia_ships/status/1990000000000000001' });
async function nadiaFile(): Promise<Buffer> {
  const db = freshDB();
  await recordPosts(db, [{ post: NADIA_FORUM, verdict: verdict(2) }], T0);
  await recordPosts(db, [{ post: NADIA_X, verdict: verdict(2) }], T0 + DAY);
  const file = await exportJSON(db);
  db.close();
  return Buffer.from(JSON.stringify(file));
}

describe('merging two contacts as one person', () => {
  let browser: ExtensionBrowser;
  let server: SiteServer;
  beforeAll(async () => {
    server = await startSiteServer({ 'x.com': { [X_CONVERSATION_PATH]: X_CONVERSATION } });
    browser = await launchWithExtension({ server });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('merges by keyboard from the contact view, lists the person once, and undoes it', async () => {
    const dash = await browser.openExtensionPage('dashboard');
    await dash.getByRole('tab', { name: /Data/ }).click();
    await dash.locator('input[type="file"]').setInputFiles({ name: 'seed.json', mimeType: 'application/json', buffer: await seedFile() });
    await dash.getByText(/Imported:/).waitFor();
    await dash.getByRole('tab', { name: /Contacts/ }).click();
    const listed = () => dash.locator('.contact-pane .contact-option .name').allTextContents();
    await expect.poll(async () => (await listed()).sort()).toEqual(['Lena K', 'Lena Kovač', 'Omar Haddad']);
    await dash.locator('.contact-option', { hasText: 'Lena K' }).filter({ hasNotText: 'Kovač' }).click();
    await dash.getByRole('heading', { name: 'Lena K' }).waitFor();

    const opener = dash.getByRole('button', { name: 'Same person as…' });
    await opener.focus();
    await dash.keyboard.press('Enter');
    await dash.keyboard.type('lkov');
    const pick = dash.getByRole('button', { name: 'Same person: Lena Kovač (@lkovac, Discourse)' });
    await pick.waitFor();
    await dash.keyboard.press('Tab');
    await expect.poll(() => pick.evaluate((el) => el === document.activeElement)).toBe(true);
    await dash.keyboard.press('Enter');
    const confirm = dash.getByRole('alertdialog', { name: 'Confirm merge' });
    await expect.poll(() => confirm.textContent()).toMatch(/Merge Lena Kovač \(@lkovac, Discourse\) into Lena K \(@lenak, X\)\?/);
    await dash.keyboard.press('Enter');

    const status = dash.locator('.timeline [role="status"]');
    await expect.poll(() => status.textContent()).toMatch(/Merged Lena Kovač .* into Lena K/);
    await expect.poll(() => dash.getByRole('list', { name: 'Timeline of Lena K' }).getByRole('listitem').filter({ has: dash.locator('.customer-text') }).count()).toBe(2);
    await dash.getByText('The invoice export is still broken').waitFor();
    await expect.poll(async () => (await listed()).sort()).toEqual(['Lena K', 'Omar Haddad']);
    // Found by the merged account's handle, as one person.
    await dash.getByLabel('Search contacts').fill('lkovac');
    await expect.poll(listed).toEqual(['Lena K']);
    await browser.screenshot(dash, 'dashboard-merged');

    await status.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => status.textContent()).toMatch(/listed apart again/);
    await expect.poll(listed).toEqual(['Lena Kovač']);
    await dash.getByLabel('Search contacts').fill('');
    await expect.poll(async () => (await listed()).sort()).toEqual(['Lena K', 'Lena Kovač', 'Omar Haddad']);
    await dash.close();
  });

  it('a new post from the merged account joins the person, not a separate contact again', async () => {
    const dash = await browser.openExtensionPage('dashboard');
    await dash.getByRole('tab', { name: /Data/ }).click();
    await dash.locator('input[type="file"]').setInputFiles({ name: 'nadia.json', mimeType: 'application/json', buffer: await nadiaFile() });
    await dash.getByText(/Imported:/).waitFor();
    await dash.getByRole('tab', { name: /Contacts/ }).click();
    await dash.locator('.contact-option', { hasText: 'Nadia O.' }).click();
    await dash.getByRole('heading', { name: 'Nadia O.' }).waitFor();
    await dash.getByRole('button', { name: 'Same person as…' }).click();
    await dash.keyboard.type('nadia_ships');
    await dash.getByRole('button', { name: 'Same person: Nadia Okafor (@nadia_ships, X)' }).click();
    await dash.getByRole('alertdialog', { name: 'Confirm merge' }).getByRole('button', { name: /Merge/ }).click();
    await expect.poll(() => dash.locator('.timeline [role="status"]').textContent()).toMatch(/Merged Nadia Okafor .* into Nadia O\./);
    await dash.close();

    // Her new tweet, seen by the background on X: it lands on the merged person.
    const keepId = contactIdFor(NADIA_FORUM);
    const page = await browser.openSite('x.com', X_CONVERSATION_PATH);
    await waitForMarked(page, 7);
    type Row = { id: string; contactId?: string };
    const db = await waitForDb(browser, (d) => ((d.interactions ?? []) as Row[]).some((i) => i.id.includes('1993012657403187514')));
    expect(((db.interactions as Row[]).find((i) => i.id.includes('1993012657403187514')))!.contactId).toBe(keepId);
    expect((db.contacts as Row[]).map((c) => c.id)).not.toContain(contactIdFor(NADIA_X));
    await page.close();
  });
});
