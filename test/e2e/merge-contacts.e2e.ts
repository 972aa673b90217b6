import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportJSON, recordPosts } from '../../lib/db';
import { DAY, T0, freshDB, post, verdict } from '../unit/db/helpers';
import { launchWithExtension, type ExtensionBrowser } from './harness';

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

describe('merging two contacts as one person', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
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
});
