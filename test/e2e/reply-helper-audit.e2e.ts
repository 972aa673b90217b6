import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Frame, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, startSiteServer, type ExtensionBrowser, type SiteServer } from './harness';
import { fillTemplateFields, overlayFrame, replyHelper, saveProfile, waitForDb, waitForMarked } from './helpers';
import { X_CONVERSATION, X_CONVERSATION_PATH } from './pages';

// Issue 21, walked as a support agent in real Chromium: each deliverable the earlier e2e files
// did not prove in a browser (required fields named, drafts kept per post, the post's own history
// on reopening, one follow-up control, confirmations in view, the keyboard path, the palette's
// highlights and recents, the signature preview, "$20" warnings, the abusive count in the popup,
// and the helper in light and dark mode for an abusive, a churn and a praise post).
const ARTICLE = path.resolve('test/e2e/pages/plain-article.html');
const LATER_ID = '1993999999999999998';
const LATER_PATH = `/nadia_ships/status/${LATER_ID}`;
const NADIA = '1993012657403187514';

/** Nadia again, a day later, on her own status page: her earlier tweet quoted "Ticket #48213". */
async function laterPage(): Promise<string> {
  const html = await readFile(X_CONVERSATION, 'utf8');
  return html.replaceAll(NADIA, LATER_ID).replace(/our production deploys have been stuck[^<]*/g, 'still no reply about the stuck deploys a day later. This is unacceptable and we are losing real money.');
}

async function openHelper(page: Page, author: RegExp): Promise<Locator> {
  await page.getByRole('button', { name: new RegExp(`^Reply as support to ${author.source}`) }).first().click();
  const helper = await replyHelper(page, new RegExp(`^Reply to ${author.source}`));
  await expect.poll(() => helper.getByLabel('Reply text').inputValue()).toContain('Jane');
  return helper;
}

async function closeHelper(helper: Locator): Promise<void> {
  await helper.getByRole('button', { name: 'Close reply helper' }).click();
  await expect.poll(() => helper.count()).toBe(0);
}

/** The focused element inside our frame (its label or tag), or null when the frame has no focus. */
const focusedInFrame = (frame: Frame) =>
  frame.evaluate(() => (document.hasFocus() ? (document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.localName ?? null) : null));

/** Is the element fully inside the frame's viewport, where the agent is looking? */
const inView = (el: Locator) =>
  el.evaluate((e) => {
    const r = e.getBoundingClientRect();
    return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;
  });

/** Relative luminance of the helper's own background: dark mode must really be dark. */
const helperLuminance = async (page: Page) =>
  (await overlayFrame(page)).evaluate(() => {
    const bg = getComputedStyle(document.querySelector('.fl-helper')!).backgroundColor;
    const [r, g, b] = bg.match(/\d+(\.\d+)?/g)!.slice(0, 3).map(Number).map((c) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  });

/** The customer's words, answered through the context menu on a plain page (as the agent does on a blog). */
async function answerSelection(browser: ExtensionBrowser, page: Page, words: string): Promise<Locator> {
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
    const [tab] = await c.tabs.query({ url: 'https://example.org/*', active: true });
    c.contextMenus.onClicked.dispatch({ menuItemId: 'frontline-respond', frameId: 0, pageUrl: tab.url, selectionText: text }, tab);
  }, words);
  return replyHelper(page, /^Reply to /);
}

const firstTemplate = (helper: Locator) => helper.getByRole('region', { name: 'Templates' }).getByRole('button').first().locator('.fl-template-title').textContent();

describe('issue 21 audit: the reply helper as an agent uses it', () => {
  let server: SiteServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    const laterFile = path.join(await mkdtemp(path.join(os.tmpdir(), 'frontline-audit-')), 'later.html');
    await writeFile(laterFile, await laterPage());
    server = await startSiteServer({
      'x.com': { [X_CONVERSATION_PATH]: X_CONVERSATION, [LATER_PATH]: laterFile },
      // Two articles: each blog post is its own post to answer.
      'example.org': { '/blog/done-with-acme': ARTICLE, '/blog/thanks-acme': ARTICLE },
    });
    browser = await launchWithExtension({ server });
    await (await saveProfile(browser)).close();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('Insert and Copy wait for every field, naming them; a field deleted on purpose frees them', async () => {
    const page = await browser.openSite('x.com', X_CONVERSATION_PATH);
    await waitForMarked(page, 7);
    const helper = await openHelper(page, /Lena Fischer/);
    const draft = helper.getByLabel('Reply text');
    const insert = helper.getByRole('button', { name: 'Insert reply' });
    const copy = helper.getByRole('button', { name: 'Copy reply' });
    const fields = [...(await draft.inputValue()).matchAll(/\[([^\]]+)\]/g)].map((m) => m[1]!);
    expect(fields.length).toBeGreaterThan(0);
    expect(await insert.isDisabled()).toBe(true);
    expect(await copy.isDisabled()).toBe(true);
    // The buttons are described by the note that names each field still open.
    const describedBy = await insert.getAttribute('aria-describedby');
    const note = await (await overlayFrame(page)).locator(`#${describedBy}`).textContent();
    for (const f of fields) expect(note).toContain(f);
    // Deleting every field (the agent's choice) is as good as filling it.
    await draft.fill((await draft.inputValue()).replace(/ ?\[[^\]]+\]/g, ''));
    await expect.poll(() => insert.isEnabled()).toBe(true);
    expect(await copy.isEnabled()).toBe(true);
    await page.close();
  });

  it('keeps the agent’s draft per post when the helper closes, until it is discarded', async () => {
    const page = await browser.openSite('x.com', X_CONVERSATION_PATH);
    await waitForMarked(page, 7);
    let helper = await openHelper(page, /Nadia Okafor/);
    const mine = 'Hi Nadia, I am reading the deploy logs for your region right now.';
    await helper.getByLabel('Reply text').fill(mine);
    await closeHelper(helper);
    // Another customer's helper in between does not take her draft.
    helper = await openHelper(page, /Lena Fischer/);
    expect(await helper.getByLabel('Reply text').inputValue()).not.toContain('deploy logs');
    await closeHelper(helper);
    helper = await replyHelperAfterClick(page, /Nadia Okafor/);
    await expect.poll(() => helper.getByLabel('Reply text').inputValue()).toBe(mine);
    await helper.getByText('Your draft for this post is back, as you left it.').waitFor();
    await helper.getByRole('button', { name: 'Discard draft' }).click();
    await expect.poll(() => helper.getByLabel('Reply text').inputValue()).toMatch(/^Hi Nadia, you're right/);
    await closeHelper(helper);
    helper = await replyHelperAfterClick(page, /Nadia Okafor/);
    expect(await helper.getByLabel('Reply text').inputValue()).not.toContain('deploy logs');
    await page.close();
  });

  it('one control moves the follow-up and the day the reply promises; the confirmation shows where the agent looks', async () => {
    const page = await browser.openSite('x.com', X_CONVERSATION_PATH);
    await waitForMarked(page, 7);
    const helper = await openHelper(page, /Nadia Okafor/);
    const draft = helper.getByLabel('Reply text');
    const dateInput = helper.getByLabel('Follow-up date');
    await expect.poll(() => dateInput.inputValue()).toMatch(/^\d{4}-\d\d-\d\d$/);
    const set = await dateInput.inputValue();
    const human = (iso: string) =>
      page.evaluate((d) => {
        const [y, m, day] = d.split('-').map(Number);
        const date = new Date(y!, m! - 1, day!);
        return `${date.toLocaleDateString('en-GB', { weekday: 'long' })} ${date.getDate()} ${date.toLocaleDateString('en-GB', { month: 'long' })}`;
      }, iso);
    expect(await draft.inputValue()).toContain(await human(set));
    const later = await page.evaluate((d) => {
      const [y, m, day] = d.split('-').map(Number);
      const date = new Date(y!, m! - 1, day! + 7);
      return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
    }, set);
    await dateInput.fill(later);
    await expect.poll(() => draft.inputValue()).toContain(await human(later));
    expect(await draft.inputValue()).not.toContain(await human(set));

    await fillTemplateFields(helper, 'the deploys stuck in the queue');
    await helper.getByRole('button', { name: 'Insert reply' }).click();
    const status = helper.getByRole('status').filter({ hasText: /inserted/i });
    await status.waitFor();
    expect(await inView(status)).toBe(true);
    const db = await waitForDb(browser, (d) => (d.events ?? []).some((e) => (e as { type: string }).type === 'follow-up-set'));
    const due = (db.interactions as Array<{ id: string; followUpAt?: number }>).find((i) => i.id.includes(NADIA))!.followUpAt!;
    expect(await page.evaluate((t) => new Date(t).getDate(), due)).toBe(Number(later.slice(8)));
    await closeHelper(helper);
    await page.close();
  });

  it('reopening a post shows what was done on it: the reply, the follow-up, then the resolution; the ticket shows in her history', async () => {
    const page = await browser.openSite('x.com', X_CONVERSATION_PATH);
    await waitForMarked(page, 7);
    let helper = await openHelper(page, /Nadia Okafor/);
    const thisPost = helper.getByRole('note', { name: 'This post so far' });
    await expect.poll(() => thisPost.textContent()).toMatch(/replied .*follow-up set for .*status (open|waiting)/);
    expect(await thisPost.textContent()).toContain('Our reply: Hi Nadia');
    await helper.getByRole('button', { name: 'Mark resolved' }).click();
    const resolved = helper.getByRole('status').filter({ hasText: 'Marked resolved.' });
    await resolved.waitFor();
    expect(await inView(resolved)).toBe(true);
    await closeHelper(helper);
    helper = await openHelper(page, /Nadia Okafor/);
    await expect.poll(() => helper.getByRole('note', { name: 'This post so far' }).textContent()).toMatch(/status resolved/);
    await page.close();

    const later = await browser.openSite('x.com', LATER_PATH);
    await waitForMarked(later, 7);
    const next = await replyHelperAfterClick(later, /Nadia Okafor/);
    const earlier = next.getByRole('region', { name: 'Earlier with us' });
    // Named beside the entry, not only somewhere in her quoted words.
    await expect.poll(() => earlier.locator('.fl-history-ticket').allTextContents()).toEqual([' · Ticket #48213']);
    await later.close();
  });

  it('keyboard: from the chip to the helper and back; Shift+Tab leaves the draft', async () => {
    const page = await browser.openSite('x.com', X_CONVERSATION_PATH);
    await waitForMarked(page, 7);
    const chip = page.getByRole('button', { name: /^Reply as support to Lena Fischer/ });
    await chip.focus();
    await page.keyboard.press('Enter');
    const helper = await replyHelper(page, /^Reply to Lena/);
    const frame = await overlayFrame(page);
    await expect.poll(() => focusedInFrame(frame)).toBe('Reply text');
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => focusedInFrame(frame)).not.toBe('Reply text');
    await helper.getByLabel('Reply text').focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => helper.count()).toBe(0);
    // The frame hides its dialog at once; the page side hears of it through the background and only
    // then gives the keyboard back to the chip: wait for that, as an agent's eyes would.
    await expect.poll(() => focusedInFrame(frame)).toBeNull();
    // The focus is back on the chip: Enter opens the same customer's helper again.
    await page.keyboard.press('Enter');
    await replyHelper(page, /^Reply to Lena/);
    await page.close();
  });

  it('the palette highlights the letters typed and lists the template used last first', async () => {
    const page = await browser.openSite('x.com', X_CONVERSATION_PATH);
    await waitForMarked(page, 7);
    await openHelper(page, /Lena Fischer/);
    const openPalette = () =>
      browser.serviceWorker.evaluate(async () => {
        const c = (globalThis as any).chrome;
        const [tab] = await c.tabs.query({ url: 'https://x.com/*', active: true });
        c.commands.onCommand.dispatch('open-palette', tab);
      });
    const palette = (await overlayFrame(page)).getByRole('dialog', { name: 'Frontline command palette' });
    await openPalette();
    await palette.waitFor();
    await page.keyboard.type('churn');
    const active = palette.getByRole('option', { selected: true });
    await expect.poll(() => active.textContent()).toMatch(/Churn: one honest offer/);
    expect((await active.locator('mark').allTextContents()).join('').toLowerCase()).toBe('churn');
    await page.keyboard.press('Enter');
    await expect.poll(() => palette.count()).toBe(0);
    await openPalette();
    await palette.waitFor();
    await expect.poll(() => palette.getByRole('option').first().textContent()).toMatch(/Churn: one honest offer/);
    await page.keyboard.press('Escape');
    await page.close();
  });

  it('signs a public post with exactly the fields the agent chose, as the options preview shows', async () => {
    const options = await browser.openExtensionPage('options');
    const short = options.getByRole('group', { name: /Sign public posts on X/ });
    await short.getByLabel('phone').check();
    const preview = (await options.getByLabel('Short-form signature preview').locator('pre').textContent())!;
    expect(preview).toContain('+1 555 0100');
    await options.getByRole('button', { name: 'Save', exact: true }).click();
    await options.getByText('Saved.').waitFor();
    await options.close();

    const page = await browser.openSite('x.com', X_CONVERSATION_PATH);
    await waitForMarked(page, 7);
    const helper = await openHelper(page, /Marcus Reed/);
    expect((await helper.getByLabel('Reply text').inputValue()).split('\n').at(-1)).toBe(preview);
    await page.close();

    const back = await browser.openExtensionPage('options');
    await back.getByRole('group', { name: /Sign public posts on X/ }).getByLabel('phone').uncheck();
    await back.getByRole('button', { name: 'Save', exact: true }).click();
    await back.getByText('Saved.').waitFor();
    await back.close();
  });

  it('warns about "$20" in the template editor and in the helper, and flags the template’s amount and time as unconfirmed', async () => {
    const options = await browser.openExtensionPage('options');
    const body = options.getByLabel('Template body');
    await body.fill('Hi ${CUSTOMER_FIRST_NAME}, we refunded $20 to your card.$0\n\n${SIGNATURE}');
    const amountWarning = options.locator('.op-error').filter({ hasText: 'drops an amount' });
    await amountWarning.filter({ hasText: '\\$20' }).waitFor();
    await options.getByRole('button', { name: 'Save templates' }).click();
    await options.getByText('Templates saved.').waitFor();

    const page = await browser.openSite('x.com', X_CONVERSATION_PATH);
    await waitForMarked(page, 7);
    let helper = await openHelper(page, /Nadia Okafor/);
    await helper.getByRole('button', { name: /All templates/ }).click();
    await helper.getByRole('button', { name: /^Acknowledge and own it/ }).click();
    await expect.poll(() => helper.getByLabel('Reply text').inputValue()).toMatch(/^Hi Nadia, we refunded {2}to your card/);
    await expect.poll(() => helper.getByRole('alert').filter({ hasText: /\$20/ }).count()).toBe(1);
    await closeHelper(helper);
    await page.close();

    // Escaped as the warning says: the amount stays, and the helper asks whether it is true here.
    await body.fill("Hi ${CUSTOMER_FIRST_NAME}, we refunded \\$20 to your card. I'm here until 6pm today.$0\n\n${SIGNATURE}");
    await expect.poll(() => amountWarning.count()).toBe(0);
    await options.getByRole('button', { name: 'Save templates' }).click();
    await options.getByText('Templates saved.').waitFor();
    const again = await browser.openSite('x.com', X_CONVERSATION_PATH);
    await waitForMarked(again, 7);
    helper = await openHelper(again, /Nadia Okafor/);
    await helper.getByRole('button', { name: /All templates/ }).click();
    await helper.getByRole('button', { name: /^Acknowledge and own it/ }).click();
    await expect.poll(() => helper.getByLabel('Reply text').inputValue()).toContain('we refunded $20 to your card');
    const marks = helper.getByTestId('draft-marks').locator('mark[data-kind="unconfirmed"]');
    await expect.poll(() => marks.allTextContents()).toEqual(['refunded', '$20', 'until 6pm']);
    // Retyped by the agent, the amount is theirs: its flag goes.
    const draft = helper.getByLabel('Reply text');
    await draft.fill((await draft.inputValue()).replace('$20', '$25'));
    await expect.poll(() => marks.allTextContents()).toEqual(['refunded', 'until 6pm']);
    await again.close();
    await options.close();
  });

  it('the first suggestion and the look, light and dark: an abusive, a churn and a praise post; the popup counts the abusive one handled', async () => {
    const shots: Array<[name: string, open: (page: Page) => Promise<Locator>, first: RegExp]> = [
      [
        'abusive',
        async (page) => answerSelection(browser, page, 'You incompetent clowns charged my card twice this month and nobody answers. Fix it.'),
        /^Calm, firm boundary/,
      ],
      ['churn', async (page) => (await waitForMarked(page, 7), openHelper(page, /Marcus Reed/)), /^Churn: one honest offer/],
      [
        'praise',
        async (page) => answerSelection(browser, page, 'Honestly the Acme support team sorted out my DNS mess in 20 minutes. Love the new dashboard, great work!'),
        /^Thank them for kind words/,
      ],
    ];
    for (const [name, open, first] of shots) {
      for (const scheme of ['light', 'dark'] as const) {
        const page = await browser.context.newPage();
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(name === 'churn' ? server.url('x.com', X_CONVERSATION_PATH) : server.url('example.org', name === 'praise' ? '/blog/thanks-acme' : '/blog/done-with-acme'));
        const helper = await open(page);
        await expect.poll(() => firstTemplate(helper), { message: name }).toMatch(first);
        const lum = await helperLuminance(page);
        if (scheme === 'dark') expect(lum, `${name} dark`).toBeLessThan(0.05);
        else expect(lum, `${name} light`).toBeGreaterThan(0.8);
        if (name === 'praise') {
          // The same author's abusive post, in the history: its insults are blurred there too.
          const readable = await helper.getByRole('region', { name: 'Earlier with us' }).evaluate((list) => {
            const copy = list.cloneNode(true) as HTMLElement;
            copy.querySelectorAll('.fl-blur, .fl-sr-only, button').forEach((e) => e.remove());
            return copy.textContent ?? '';
          });
          expect(readable).toContain('charged my card twice');
          expect(readable).not.toMatch(/incompetent|clowns/i);
        }
        await browser.screenshot(page, `audit-${name}-${scheme}`);
        if (name === 'abusive' && scheme === 'dark') {
          await helper.getByRole('button', { name: 'Mark resolved' }).click();
          await helper.getByText('Marked resolved.').waitFor();
        }
        await page.close();
      }
    }
    const popup = await browser.openExtensionPage('popup');
    const abusive = popup.locator('.count').filter({ hasText: 'Abusive posts handled' }).locator('.count-today');
    await expect.poll(() => abusive.textContent()).toBe('1');
    await browser.screenshot(popup, 'audit-popup-abusive-count');
    await popup.close();
  });
});

/** Clicks the chip of `author`'s post and waits for the helper (no draft expectation). */
async function replyHelperAfterClick(page: Page, author: RegExp): Promise<Locator> {
  await page.getByRole('button', { name: new RegExp(`^Reply as support to ${author.source}`) }).first().click();
  const helper = await replyHelper(page, new RegExp(`^Reply to ${author.source}`));
  await expect.poll(() => helper.getByLabel('Reply text').inputValue()).not.toBe('');
  return helper;
}
