import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser, SiteServer } from './harness';
import { openSavedSites } from './saved-sites';
import { fillTemplateFields, waitForMarked, replyHelper } from './helpers';

// Issue 5: "Insert reply" puts the text into the site's own reply box — a Discourse composer
// textarea and Reddit's shreddit rich-text composer — and never submits.
const F = (rel: string) => path.resolve('test/fixtures/sites', rel);
const DISCOURSE = { host: 'forum.example.com', path: '/t/sync-keeps-failing/4242', file: F('discourse/ember--forum.example.com-t-sync-keeps-failing-4242.html') };
const SHREDDIT = { host: 'www.reddit.com', path: '/r/example/comments/1abc234/', file: F('reddit/shreddit--www.reddit.com-r-example-comments-1abc234.html') };

async function replyToFirstFlagged(page: Page) {
  await page.getByRole('button', { name: 'Reply as support' }).first().click();
  const helper = await replyHelper(page, /Reply to/);
  await expect.poll(() => helper.getByLabel('Reply text').inputValue()).toContain('Jane Doe');
  const submitted: string[] = [];
  await page.exposeFunction('__frontlineSubmitted', (what: string) => submitted.push(what));
  await page.evaluate(() => {
    document.addEventListener('submit', (e) => (window as any).__frontlineSubmitted(String((e.target as Element).id)), true);
  });
  await fillTemplateFields(helper);
  await helper.getByRole('button', { name: 'Insert reply' }).click();
  await helper.getByText(/inserted/i).waitFor();
  return submitted;
}

describe('inserting into forum composers', () => {
  let server: SiteServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    ({ server, browser } = await openSavedSites({ [DISCOURSE.host]: { [DISCOURSE.path]: DISCOURSE.file }, [SHREDDIT.host]: { [SHREDDIT.path]: SHREDDIT.file } }));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('Discourse: fills the composer textarea so the app sees an input event', async () => {
    const page = await browser.openSite(DISCOURSE.host, DISCOURSE.path);
    await waitForMarked(page, 1);
    await page.evaluate(() => {
      const ta = document.querySelector('#reply-control textarea')!;
      ta.addEventListener('input', () => ta.setAttribute('data-saw-input', 'yes'));
    });
    const submitted = await replyToFirstFlagged(page);
    const composer = page.locator('#reply-control textarea.d-editor-input');
    expect(await composer.inputValue()).toContain('Jane Doe');
    expect(await composer.getAttribute('data-saw-input')).toBe('yes');
    expect(submitted).toEqual([]);
    await browser.screenshot(page, 'discourse-inserted');
    await page.close();
  });

  it('Reddit: fills the shreddit rich-text composer', async () => {
    const page = await browser.openSite(SHREDDIT.host, SHREDDIT.path);
    await waitForMarked(page, 1);
    const submitted = await replyToFirstFlagged(page);
    const text = await page.locator('shreddit-composer [contenteditable="true"]').first().textContent();
    expect(text).toContain('Jane Doe');
    expect(submitted).toEqual([]);
    await browser.screenshot(page, 'reddit-inserted');
    await page.close();
  });
});
