import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, startSiteServer, type ExtensionBrowser, type SiteServer } from './harness';
import { saveProfile, waitForMarked } from './helpers';
import { X_CONVERSATION, X_CONVERSATION_PATH } from './pages';

// Issue 21 (5): a template's shortcut typed in the site's own reply box expands there, Text Blaze
// style, with the customer's name, the signature chosen for that kind of site and the caret on
// its first field. It acts only on what the agent typed: the page's own text and scripts are
// never read beyond the shortcut, never changed, and cannot trigger it.
const DISCOURSE = {
  host: 'forum.example.com',
  path: '/t/sync-keeps-failing/4242',
  file: path.resolve('test/fixtures/sites/discourse/ember--forum.example.com-t-sync-keeps-failing-4242.html'),
};
const selectionText = () => (window.getSelection()?.toString() ?? '') as string;

describe('template shortcuts in the site’s own reply box', () => {
  let server: SiteServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    server = await startSiteServer({ 'x.com': { [X_CONVERSATION_PATH]: X_CONVERSATION }, [DISCOURSE.host]: { [DISCOURSE.path]: DISCOURSE.file } });
    browser = await launchWithExtension({ server });
    await (await saveProfile(browser)).close();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('X: “/sorry ” typed in the reply box becomes the reply to Nadia, signed for X, its first field selected', async () => {
    const page = await browser.openSite('x.com', X_CONVERSATION_PATH);
    await waitForMarked(page, 7);
    const box = page.locator('[data-testid="tweetTextarea_0"]');
    await box.click();
    await page.keyboard.type('/sorry ');
    await expect.poll(() => box.textContent(), { timeout: 10_000 }).toContain('Hi Nadia');
    const text = (await box.textContent())!;
    expect(text).not.toContain('/sorry');
    // The signature the agent chose for short public posts: name and company, never the phone.
    expect(text).toContain('Jane Doe, Acme');
    expect(text).not.toContain('555 0100');
    // The caret is on the first field: typing fills it.
    expect(await page.evaluate(selectionText)).toMatch(/^\[[^\]]+\]$/);
    await page.keyboard.type('our deploy queue stuck for 6 hours');
    await expect.poll(() => box.textContent()).toContain('our deploy queue stuck for 6 hours');
    expect(await box.textContent()).not.toContain('[what went wrong');
    await page.close();
  });

  it('a forum textarea: keeps the words already there, leaves a page script’s “/sorry ” and unknown shortcuts alone', async () => {
    const page = await browser.openSite(DISCOURSE.host, DISCOURSE.path);
    const box = page.locator('#reply-control textarea').first();
    await box.waitFor();
    // The page writes "/sorry " itself, with a synthetic space key: nothing happens.
    await page.evaluate(() => {
      const ta = document.querySelector<HTMLTextAreaElement>('#reply-control textarea')!;
      ta.focus();
      ta.value = 'Quoting you: /sorry ';
      ta.setSelectionRange(ta.value.length, ta.value.length);
      ta.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true }));
      ta.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.waitForTimeout(1_000);
    expect(await box.inputValue()).toBe('Quoting you: /sorry ');
    // The agent types after it: an unknown shortcut stays as typed, a known one expands in place,
    // without a second signature, and the page's words before it are untouched.
    await box.click();
    await box.press('End');
    await page.keyboard.type('/nosuch and then /sorry ');
    await expect.poll(() => box.inputValue(), { timeout: 10_000 }).toMatch(/Hi \w+/);
    const value = await box.inputValue();
    expect(value.startsWith('Quoting you: /sorry /nosuch and then Hi ')).toBe(true);
    expect(value).not.toContain('— Jane');
    const selected = await box.evaluate((ta: HTMLTextAreaElement) => ta.value.slice(ta.selectionStart, ta.selectionEnd));
    expect(selected).toMatch(/^\[[^\]]+\]$/);
    await page.close();
  });
});
