import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, startSiteServer, type ExtensionBrowser, type SiteServer } from './harness';
import { replyHelper, saveProfile, waitForMarked } from './helpers';

/**
 * Importing taught readers in the options page, in real Chromium: the file goes through the real
 * file input, the real zod check and the options page's own selector parser. A file with one bad
 * reader is refused whole, with the fault named; a good one teaches the reader, and the page of no
 * known engine is then read (marks, the complaint flagged, the helper for its author).
 */
const PAGE = path.resolve('test/e2e/pages/reviews-no-engine.html');
const HOST = 'shop.example.net';
const READER = { post: 'div.review', author: '.reviewer', text: 'p.review-body' };

function file(name: string, body: unknown) {
  return { name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(body)) };
}

describe('importing taught readers in the options', () => {
  let server: SiteServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    server = await startSiteServer({ [HOST]: { '/kettle-3000': PAGE } });
    browser = await launchWithExtension({ server });
    await (await saveProfile(browser)).close();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const stored = () => browser.serviceWorker.evaluate(async () => (await (globalThis as any).chrome.storage.local.get('settings')).settings?.learnedReaders ?? {});
  const openReviews = () => browser.openSite(HOST, '/kettle-3000');

  it('refuses a file with one bad selector whole, naming the reader, the field and the selector; nothing is kept or read', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const bad = {
      kind: 'frontline-taught-readers',
      version: 1,
      readers: { [HOST]: READER, 'forum.example.org': { post: 'li.msg', author: '.who', text: 'div.body[' } },
    };
    await options.getByLabel('Import readers from a file').setInputFiles(file('readers.json', bad));
    await options
      .getByRole('status')
      .filter({ hasText: 'Not imported, nothing changed: forum.example.org → text: “div.body[” is not a selector the browser understands.' })
      .waitFor();
    expect(await stored()).toEqual({});
    expect(await options.getByRole('group', { name: `Reader for ${HOST}` }).count()).toBe(0);

    // Not a readers file at all: refused too, and said so.
    await options.getByLabel('Import readers from a file').setInputFiles(file('settings.json', { theme: 'dark' }));
    await options.getByRole('status').filter({ hasText: /^Not imported, nothing changed: / }).waitFor();
    expect(await stored()).toEqual({});
    await options.close();

    // The good reader in the refused file taught nothing.
    const page = await openReviews();
    await page.waitForTimeout(800);
    expect(await page.locator('[data-frontline-post]').count()).toBe(0);
    await page.close();
  });

  it('a good file teaches the reader: shown in the options, kept for its host, and the page is then read', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByLabel('Import readers from a file').setInputFiles(file('frontline-readers.json', { kind: 'frontline-taught-readers', version: 1, readers: { [HOST]: READER } }));
    await options.getByRole('status').filter({ hasText: `Imported 1 reader: ${HOST}.` }).waitFor();
    const group = options.getByRole('group', { name: `Reader for ${HOST}` });
    await expect.poll(() => group.getByLabel('Author selector').inputValue()).toBe('.reviewer');
    expect(await stored()).toEqual({ [HOST]: READER });
    await options.close();

    const page = await openReviews();
    await waitForMarked(page, 4);
    expect(await page.locator('[data-frontline-post]').count()).toBe(4);
    // The one complaint (no refund, nobody answers, Acme named) is flagged; the helper opens for its author.
    await expect.poll(() => page.locator('[data-frontline-severity]').count()).toBe(1);
    await page.getByRole('button', { name: 'Reply as support' }).first().click();
    await replyHelper(page, /Reply to Lee Wong/);
    await page.close();
  });
});
