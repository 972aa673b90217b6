import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './harness';
import { seedDatabase } from '../../bench/db/seed';

// Issue 22 (branch firstquery): the popup's entry reads the database before React is loaded and
// draws with React once it is; the search directory is read ahead in pieces. In a real browser,
// on a log big enough that the directory takes a while: the popup draws styled rows, and a query
// typed in the very moment the first row appears shows the same people as the same query typed
// once the popup has settled.
const QUERY = 'nadia pa';

/** Types QUERY from inside the page in the task where the first row appears (no test-side delay). */
const TYPE_AT_FIRST_ROW = `(() => {
  window.__typed = false;
  new MutationObserver((_, observer) => {
    const input = document.querySelector('input[aria-label="Search contacts"]');
    if (!document.querySelector('li.contact-item') || !input) return;
    observer.disconnect();
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, ${JSON.stringify(QUERY)});
    input.dispatchEvent(new Event('input', { bubbles: true }));
    window.__typed = true;
  }).observe(document, { childList: true, subtree: true });
})()`;

/** The people listed once every row shown matches QUERY (each of its words starts a name or handle word). */
async function matchingRows(page: Page): Promise<string[]> {
  const tokens = QUERY.split(' ');
  const rows = page.locator('li.contact-item');
  const read = async () => {
    const people = await rows.evaluateAll((items) =>
      items.map((li) => `${li.querySelector('.name')?.textContent ?? ''} ${li.querySelector('.handle')?.textContent ?? ''}`.toLowerCase()),
    );
    const all = people.length > 0 && people.every((p) => tokens.every((t) => p.split(/[^\p{L}\p{N}]+/u).some((w) => w.startsWith(t))));
    return all ? people : null;
  };
  for (const until = Date.now() + 20_000; Date.now() < until; await page.waitForTimeout(25)) {
    const people = await read();
    if (people) return people;
  }
  throw new Error(`the rows never all matched "${QUERY}"`);
}

describe('popup: first screen and the first query on a big log', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchWithExtension();
    // The popup creates the database at its current schema; then the bench's generator fills it.
    const first = await browser.openExtensionPage('popup');
    await first.locator('.empty h2').waitFor();
    await first.close();
    const seeder = await browser.context.newPage();
    await seeder.goto(`chrome-extension://${browser.extensionId}/manifest.json`);
    await seedDatabase(seeder, { contacts: 6_000, interactions: 20_000 });
    await seeder.close();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('draws styled rows, and a query typed as the first row appears lists the same people as once settled', async () => {
    const early = await browser.context.newPage();
    await early.addInitScript(TYPE_AT_FIRST_ROW);
    await early.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await early.locator('li.contact-item').first().waitFor();
    // popup.css is in the page's head, not fetched with React's chunk: the popup is laid out as designed.
    expect(await early.locator('.popup').evaluate((el) => getComputedStyle(el).maxHeight)).toBe('560px');
    await expect.poll(() => early.evaluate('window.__typed')).toBe(true);
    const typedEarly = await matchingRows(early);
    expect(typedEarly.length).toBeGreaterThan(0);
    await early.close();

    const settled = await browser.openExtensionPage('popup');
    await settled.locator('li.contact-item').first().waitFor();
    // Counts shown: the popup has settled (its live query re-read, the directory long in).
    await expect.poll(() => settled.locator('.count-today').first().textContent(), { timeout: 10_000 }).not.toBe('–');
    await settled.getByLabel('Search contacts').fill(QUERY);
    expect(await matchingRows(settled)).toEqual(typedEarly);
    await settled.close();
  });
});
