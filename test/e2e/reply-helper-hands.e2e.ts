import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, startSiteServer, type ExtensionBrowser, type SiteServer } from './harness';
import { overlayFrame, replyHelper, saveProfile, waitForDb, waitForMarked } from './helpers';
import { X_CONVERSATION, X_CONVERSATION_PATH } from './pages';

// Issue 21, the parts of the reply helper an agent's hands feel, in real Chromium on the saved X
// conversation: underlines in the draft, one-click rewrites, /shortcuts, the palette acting on
// the open post, Escape giving the focus back, and a copy that is not a reply until confirmed.
const NADIA = 'x:1993012657403187514';
const ARTICLE = path.resolve('test/e2e/pages/plain-article.html');

async function openHelper(page: Page, author: RegExp): Promise<Locator> {
  await page.getByRole('button', { name: new RegExp(`^Reply as support to ${author.source}`) }).first().click();
  const helper = await replyHelper(page, new RegExp(`^Reply to ${author.source}`));
  await expect.poll(() => helper.getByLabel('Reply text').inputValue()).toContain('Jane');
  return helper;
}

async function pressPaletteShortcut(browser: ExtensionBrowser) {
  await browser.serviceWorker.evaluate(async () => {
    const c = (globalThis as any).chrome;
    const [tab] = await c.tabs.query({ url: 'https://x.com/*' });
    c.commands.onCommand.dispatch('open-palette', tab);
  });
}

/**
 * The element that has the focus, inside our overlay frame (the helper lives in an extension-origin
 * iframe): its accessible label, or its tag. Null while the frame's document does not hold the
 * focus, so a focus left on the site's page never counts as the draft's.
 */
const focusedLabel = async (page: Page) =>
  (await overlayFrame(page)).evaluate(() => {
    if (!document.hasFocus()) return null;
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el?.getAttribute('aria-label') ?? el?.localName ?? null;
  });

describe('reply helper in the agent’s hands', () => {
  let server: SiteServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    server = await startSiteServer({ 'x.com': { [X_CONVERSATION_PATH]: X_CONVERSATION }, 'example.org': { '/blog/done-with-acme': ARTICLE } });
    browser = await launchWithExtension({ server });
    await (await saveProfile(browser)).close();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('underlines flagged words under the words themselves, and one click rewrites them', async () => {
    const page = await browser.openSite('x.com', X_CONVERSATION_PATH);
    await waitForMarked(page, 7);
    const helper = await openHelper(page, /Nadia Okafor/);
    const draft = helper.getByLabel('Reply text');
    // Long enough to wrap over several lines and scroll: the layer must wrap exactly as the box does.
    const long = `Hi Nadia, we apologize for any inconvenience. ${'The deploy queue was stuck for your region and I am reading the logs now. '.repeat(6)}Rest assured, I will write back today at 4pm.`;
    await draft.fill(long);
    const marks = helper.getByTestId('draft-marks');
    await expect.poll(() => marks.locator('mark').count()).toBe(2);
    const geometry = await (await overlayFrame(page)).evaluate(() => {
      const area = document.querySelector('textarea')!;
      const layer = document.querySelector('[data-testid="draft-marks"]') as HTMLElement;
      const a = getComputedStyle(area);
      const l = getComputedStyle(layer);
      return {
        same: ['font', 'lineHeight', 'paddingLeft', 'paddingTop', 'borderLeftWidth', 'width', 'letterSpacing'].every((k) => a[k as any] === l[k as any]),
        areaScroll: area.scrollHeight,
        layerScroll: layer.scrollHeight,
        areaWidth: area.clientWidth,
        layerWidth: layer.clientWidth,
      };
    });
    expect(geometry.same).toBe(true);
    // Same content width and same wrapped height: every underline sits on its own line under its words.
    expect(geometry.layerWidth).toBe(geometry.areaWidth);
    expect(Math.abs(geometry.layerScroll - geometry.areaScroll)).toBeLessThanOrEqual(1);
    await browser.screenshot(page, 'x-helper-inline-marks');

    await helper.getByRole('button', { name: 'Change to “I\'m sorry for the trouble”' }).click();
    await expect.poll(() => draft.inputValue()).toMatch(/^Hi Nadia, I'm sorry for the trouble\./);
    await helper.getByRole('button', { name: 'Delete “Rest assured”' }).click();
    await expect.poll(() => draft.inputValue()).toMatch(/now\. I will write back today at 4pm\.$/);
    await expect.poll(() => marks.locator('mark').count()).toBe(0);
    await page.close();
  });

  it('expands a /shortcut typed in the draft, with the caret on its first field', async () => {
    const page = await browser.openSite('x.com', X_CONVERSATION_PATH);
    await waitForMarked(page, 7);
    const helper = await openHelper(page, /Nadia Okafor/);
    const draft = helper.getByLabel('Reply text');
    await draft.fill('');
    await draft.pressSequentially('/dunno ');
    await expect.poll(() => draft.inputValue()).toMatch(/^Hi Nadia, honest answer: I don't know yet \[what they asked about\]/);
    const selected = await draft.evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd));
    expect(selected).toBe('[what they asked about]');
    // Typing replaces the selected field, as in a snippet.
    await page.keyboard.type('when the queue clears');
    await expect.poll(() => draft.inputValue()).toContain("I don't know yet when the queue clears.");
    expect(await helper.getByRole('button', { name: 'Insert reply' }).isEnabled()).toBe(true);
    await page.close();
  });

  it('the palette applies a template to the open post and Escape returns the focus to the draft', async () => {
    const page = await browser.openSite('x.com', X_CONVERSATION_PATH);
    await waitForMarked(page, 7);
    const helper = await openHelper(page, /Nadia Okafor/);
    const draft = helper.getByLabel('Reply text');
    await draft.fill('Hi Nadia, my own words so far.');
    await draft.focus();

    await pressPaletteShortcut(browser);
    const palette = (await overlayFrame(page)).getByRole('dialog', { name: 'Frontline command palette' });
    await palette.waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => palette.count()).toBe(0);
    await expect.poll(() => focusedLabel(page)).toBe('Reply text');

    await pressPaletteShortcut(browser);
    await palette.waitFor();
    await page.keyboard.type('boundary');
    const active = palette.getByRole('option', { selected: true });
    await expect.poll(() => active.textContent()).toMatch(/Calm, firm boundary.*for Nadia Okafor’s post/);
    await page.keyboard.press('Enter');
    // Still Nadia's helper: choosing a template never switches customers.
    await expect.poll(() => draft.inputValue()).toMatch(/^Nadia, I want to help with/);
    expect(await (await overlayFrame(page)).getByRole('dialog', { name: /^Reply to / }).getAttribute('aria-label')).toMatch(/Nadia Okafor/);
    await helper.getByRole('button', { name: 'Restore draft' }).click();
    await expect.poll(() => draft.inputValue()).toBe('Hi Nadia, my own words so far.');
    await page.close();
  });

  it('a copied reply is logged as copied, and as a reply only once the agent confirms it was posted', async () => {
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://x.com' });
    const page = await browser.openSite('x.com', X_CONVERSATION_PATH);
    await waitForMarked(page, 7);
    const helper = await openHelper(page, /Nadia Okafor/);
    await helper.getByLabel('Reply text').fill("Hi Nadia, I'm checking the queue for your region and will reply here by 4pm today.");
    await helper.getByRole('button', { name: 'Copy reply' }).click();
    await helper.getByText(/not yet logged as a reply/).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^Hi Nadia, I'm checking the queue/);
    const nadiaEvents = (db: Record<string, unknown[]>) =>
      ((db.interactions ?? []) as Array<{ postId?: string; id: string; events: Array<{ type: string }>; firstReplyAt?: number }>).find((i) => i.id.includes(NADIA.split(':')[1]!));
    const copied = await waitForDb(browser, (db) => nadiaEvents(db)?.events.some((e) => e.type === 'reply-copied') ?? false);
    expect(nadiaEvents(copied)!.events.map((e) => e.type)).not.toContain('reply-confirmed');
    expect(nadiaEvents(copied)!.firstReplyAt).toBeUndefined();

    await helper.getByRole('button', { name: 'I posted it' }).click();
    await helper.getByText('Logged as replied.').waitFor();
    const confirmed = await waitForDb(browser, (db) => nadiaEvents(db)?.events.some((e) => e.type === 'reply-confirmed') ?? false);
    expect(nadiaEvents(confirmed)!.firstReplyAt).toBeGreaterThan(0);
    await page.close();
  });

  it('every helper opened on the page, not only the first, starts with the caret in its first field', async () => {
    const page = await browser.openSite('x.com', X_CONVERSATION_PATH);
    await waitForMarked(page, 7);
    for (const who of [/Nadia Okafor/, /Lena Fischer/, /Marcus Reed/]) {
      const helper = await openHelper(page, who);
      const draft = helper.getByLabel('Reply text');
      await expect.poll(() => focusedLabel(page)).toBe('Reply text');
      const selected = () => draft.evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd));
      await expect.poll(selected, { message: String(who) }).toMatch(/^\[[^\]]+\]$/);
      // A public post is signed with name and company only, not the full block (title, phone,
      // email); a template may still ask the customer to call: those are the reply's words.
      const text = await draft.inputValue();
      expect(text).not.toContain('Customer Support Lead');
      if (!who.source.startsWith('Lena')) expect(text.split('\n').at(-1)).toBe('— Jane Doe, Acme');
      await draft.press('Escape');
      await expect.poll(() => helper.count()).toBe(0);
    }
    await page.close();
  });

  it('an abusive post: insults blurred until the agent asks, the boundary reply first', async () => {
    const page = await browser.openSite('example.org', '/blog/done-with-acme');
    // The customer's words as an agent would meet them; selected and answered through the
    // context menu, whose click is dispatched to the background's real listener.
    const words = 'You incompetent clowns charged my card twice this month and nobody answers. Fix it.';
    await page.evaluate((w) => {
      const p = document.getElementById('rant')!;
      p.textContent = w;
      const range = document.createRange();
      range.selectNodeContents(p);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    }, words);
    await browser.serviceWorker.evaluate(async (text) => {
      const c = (globalThis as any).chrome;
      const [tab] = await c.tabs.query({ url: 'https://example.org/*' });
      c.contextMenus.onClicked.dispatch({ menuItemId: 'frontline-respond', frameId: 0, pageUrl: tab.url, selectionText: text }, tab);
    }, words);
    const helper = await replyHelper(page, /^Reply to /);
    await expect.poll(() => helper.getByLabel('Reply text').inputValue()).toMatch(/I won't carry on a conversation that includes personal insults/);
    const blurred = helper.getByTestId('blurred-insult');
    await expect.poll(() => blurred.allTextContents()).toEqual(expect.arrayContaining(['incompetent', 'clowns']));
    // Nothing readable in the customer card names the insults: not the quote, not the flagged words.
    const readable = await helper.getByRole('region', { name: 'Customer' }).evaluate((card) => {
      const copy = card.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.fl-blur, .fl-sr-only').forEach((e) => e.remove());
      return copy.textContent ?? '';
    });
    expect(readable).not.toMatch(/incompetent|clowns/i);
    expect(await blurred.first().evaluate((el) => getComputedStyle(el).filter)).toMatch(/blur/);
    // Light and dark screenshots, with the theme checked, are in reply-helper-audit.e2e.ts: a
    // colour scheme emulated after our frame exists did not reach it, so these came out light.
    await helper.getByRole('button', { name: 'Show the 2 insults' }).click();
    await expect.poll(() => blurred.count()).toBe(0);
    await page.close();
  });
});
