import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSiteServer, type SiteServer } from '../e2e/harness/server';
import { PROFILE, X_CONVERSATION, X_CONVERSATION_PATH } from '../e2e/pages';
import { enterOverlay, fill, find, findText, leaveOverlay, valueOf, waitUntil } from './dom';
import { badgeText, notifications, readDatabase } from './extension';
import { launchFirefox, type FirefoxWithExtension } from './firefox';
import type { ElementRef, Marionette } from './marionette';

// The main flows in a real Firefox ESR with the built Firefox add-on, one Firefox for the file
// (it takes seconds to start): the same saved pages and site server as the Chromium suite.
const ARTICLE = path.resolve('test/e2e/pages/plain-article.html');
const NADIA = 'x:1993012657403187514';
const MARCUS = 'x:1993020411698573372';
const LENA = 'x:1993016120475308121';
const CALM = ['x:1993017936241061933', 'x:1993022187120463893', 'x:1993023702938951814', 'x:1993014471903617302'];

/**
 * A follow-up set for "today" is due at 9:00 or now, whichever is later. So that "today" means
 * "now" whatever hour the suite runs, Firefox runs in a fixed-offset zone where it is about
 * 14:00 (Etc/GMT-N is UTC+N); the product code and the test see the same local day.
 */
function afternoonZone(utcHour = new Date().getUTCHours()): string {
  const offset = 14 - utcHour; // -9 … +14, all valid Etc/GMT zones
  return offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}

const KEY = { alt: '\uE00A', shift: '\uE008' };

describe('Firefox: the add-on as an agent uses it', () => {
  let server: SiteServer;
  let ff: FirefoxWithExtension;
  let m: Marionette;

  const openSite = (host: string, pathname: string) => ff.visit(server.url(host, pathname));
  const markedCount = () => m.execute<number>('return document.querySelectorAll("[data-frontline-post]").length');
  const waitForMarked = (n: number) => waitUntil(async () => (await markedCount()) >= n, `${n} marked posts`);
  const db = () => readDatabase(ff);

  beforeAll(async () => {
    server = await startSiteServer({
      'x.com': { [X_CONVERSATION_PATH]: X_CONVERSATION },
      'example.org': { '/blog/done-with-acme': ARTICLE },
    });
    ff = await launchFirefox({ sites: { hosts: server.hosts, port: server.port }, timeZone: afternoonZone() });
    m = ff.marionette;
  });

  afterAll(async () => {
    // FRONTLINE_FIREFOX_DUMP=1: print what Firefox wrote about the add-on (console lines, errors).
    if (process.env.FRONTLINE_FIREFOX_DUMP) console.log(ff.output().filter((l) => l.includes(ff.uuid) || /frontline/i.test(l)).join('\n'));
    await ff?.close();
    await server?.close();
  });

  it('opens onboarding on install, saves the profile, and names Firefox’s own shortcut and shortcuts page', async () => {
    const options = await waitUntil(async () => {
      for (const handle of await m.windowHandles()) {
        await m.switchTo(handle);
        if ((await m.currentUrl()) === ff.extensionUrl('options.html')) return handle;
      }
      return null;
    }, 'the options page opened by installing');
    await m.switchTo(options);
    for (const [label, value] of Object.entries(PROFILE)) await fill(m, await find(m, 'input', label), value);
    await fill(m, await find(m, 'textarea, input', 'Brand watch terms'), 'Acme\n@AcmeSupport');
    await m.click(await find(m, 'button', 'Save'));
    await findText(m, /^Saved\./);
    const note = await findText(m, /command palette/);
    const noteText = await m.execute<string>('return arguments[0].closest("p").textContent', [note]);
    expect(noteText).toContain('Alt+Shift+K');
    expect(noteText).toContain('about:addons');
    expect(noteText).not.toContain('chrome://');
    await ff.screenshot('options');
  });

  it('marks every tweet on x.com and flags complaints by severity', async () => {
    await openSite('x.com', X_CONVERSATION_PATH);
    await waitForMarked(7);
    const marks = await m.execute<Record<string, string | null>>(
      'return Object.fromEntries([...document.querySelectorAll("[data-frontline-post]")].map((el) => [el.dataset.frontlinePost, el.getAttribute("data-frontline-severity")]))',
    );
    expect(Object.keys(marks)).toHaveLength(7);
    for (const complaint of [MARCUS, NADIA, LENA]) expect(Number(marks[complaint]), complaint).toBeGreaterThanOrEqual(1);
    for (const calm of CALM) expect(marks[calm], calm).toBeNull();
    await find(m, 'button', /^Reply as support/);
    await ff.screenshot('x-flagged');
  });

  it('opens the helper for Nadia, sets a follow-up for today, inserts the reply into the composer and logs it', async () => {
    await openSite('x.com', X_CONVERSATION_PATH);
    await waitForMarked(7);
    // The chip beside Nadia's tweet (the status page's reply box answers hers).
    const chip = await waitUntil(
      () =>
        m.execute<ElementRef | null>(
          `const post = document.querySelector('[data-frontline-post="' + arguments[0] + '"]');
           post.scrollIntoView({ block: 'center' });
           const box = post.getBoundingClientRect();
           const ui = [...document.documentElement.children].find((e) => e.localName === 'frontline-ui' || e.localName.startsWith('frontline-ui-'));
           const chips = ui ? [...ui.shadowRoot.querySelectorAll('button')].filter((b) => (b.getAttribute('aria-label') ?? '').startsWith('Reply as support')) : [];
           return chips.find((b) => { const r = b.getBoundingClientRect(); return r.height > 0 && r.y >= box.y - 2 && r.y <= box.y + box.height; }) ?? null;`,
          [NADIA],
        ),
      'the chip beside Nadia’s tweet',
    );
    await m.click(chip);
    await enterOverlay(m);
    await find(m, '[role="dialog"]', /^Reply to Nadia/);
    const draft = await find(m, 'textarea', 'Reply text');
    await waitUntil(async () => (await valueOf(m, draft)).includes('Jane'), 'the signature in the draft');

    // Today, as the date picker offers it (its minimum): set as a user's pick would be.
    const date = await find(m, 'input', 'Follow-up date');
    await m.execute(
      `const input = arguments[0];
       Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, input.min);
       input.dispatchEvent(new Event('input', { bubbles: true }));
       input.dispatchEvent(new Event('change', { bubbles: true }));`,
      [date],
    );
    await waitUntil(async () => (await valueOf(m, date)) !== '', 'the follow-up date');
    await ff.screenshot('x-helper');

    // The template's [fields] are the agent's to fill: Insert waits for them (issue 21).
    await m.execute(
      `const area = arguments[0];
       Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set.call(area, area.value.replace(/\\[[^\\]]+\\]/g, 'the stuck deploys'));
       area.dispatchEvent(new Event('input', { bubbles: true }));`,
      [draft],
    );
    await waitUntil(async () => !(await valueOf(m, draft)).includes('['), 'the fields filled');

    await m.click(await find(m, 'button', 'Insert reply'));
    await findText(m, /inserted/i);
    await leaveOverlay(m);
    const composer = await m.execute<string>('return document.querySelector(\'[data-testid="tweetTextarea_0"]\').textContent');
    expect(composer).toContain('Jane');

    const stored = await waitUntil(async () => {
      const d = await db();
      const types = (d.events ?? []).map((e) => (e as { type: string }).type);
      return types.includes('reply-inserted') && types.includes('follow-up-set') ? d : null;
    }, 'the reply and the follow-up in IndexedDB');
    const reply = (stored.events as Array<{ type: string; text?: string }>).find((e) => e.type === 'reply-inserted')!;
    expect(reply.text).toContain('Jane');
    expect(reply.text).toContain('the stuck deploys');
    expect((stored.contacts as Array<{ name: string }>).map((c) => c.name)).toContain('Nadia Okafor');
  });

  it('fires the follow-up alarm: a notification names Nadia and the toolbar badge counts it', async () => {
    const shown = await waitUntil(async () => {
      const all = await notifications(ff);
      return all.find((n) => n.id.startsWith('follow-up:')) ?? null;
    }, 'the follow-up notification', 30_000);
    expect(shown.title).toBe('Follow up with Nadia Okafor');
    expect(shown.message).toContain('You promised to get back to them.');
    await waitUntil(async () => (await badgeText(ff)) === '1', 'badge "1"');
  });

  it('lists the logged customer in the popup', async () => {
    await ff.visit(ff.extensionUrl('popup.html'));
    await findText(m, /Nadia Okafor/);
    await ff.screenshot('popup');
  });

  it('opens the helper from the real context menu with the selected words as the customer’s', async () => {
    await openSite('example.org', '/blog/done-with-acme');
    expect(await m.execute<number>(`return [...document.documentElement.children].filter((e) => e.localName === 'frontline-ui' || e.localName.startsWith('frontline-ui-')).length`)).toBe(0);
    const rant = await find(m, '#rant');
    await m.execute(
      `const range = document.createRange(); range.selectNodeContents(arguments[0]);
       getSelection().removeAllRanges(); getSelection().addRange(range);`,
      [rant],
    );
    await m.performActions([
      {
        type: 'pointer',
        id: 'mouse',
        parameters: { pointerType: 'mouse' },
        actions: [
          { type: 'pointerMove', origin: rant, x: 0, y: 0 },
          { type: 'pointerDown', button: 2 },
          { type: 'pointerUp', button: 2 },
        ],
      },
    ]);
    await m.setContext('chrome');
    try {
      await waitUntil(
        () =>
          m.execute<boolean>(
            // With two items ("Respond as support", "Read posts like this one") Firefox shows them in
            // the add-on's own submenu, as the agent sees it: open that submenu, then choose the item.
            `const menu = document.getElementById('contentAreaContextMenu');
             if (menu.state !== 'open') return false;
             const item = [...menu.querySelectorAll('menuitem')].find((i) => i.label === 'Respond as support');
             if (!item) return false;
             const popup = item.closest('menupopup');
             if (popup !== menu) {
               if (popup.state !== 'open') { popup.parentElement.openMenu(true); return false; }
             }
             popup.activateItem(item);
             return true;`,
          ),
        'the "Respond as support" item in the open context menu',
      );
    } finally {
      await m.setContext('content');
    }
    await enterOverlay(m);
    await find(m, '[role="dialog"]', /^Reply to Morgan Lee/);
    await findText(m, /invoice doubled/);
    await leaveOverlay(m);
    await ff.screenshot('context-menu-helper');
  });

  it('opens the palette with Alt+Shift+K and runs a template with the keyboard alone', async () => {
    await openSite('x.com', X_CONVERSATION_PATH);
    await waitForMarked(7);
    const down = (value: string) => ({ type: 'keyDown', value });
    const up = (value: string) => ({ type: 'keyUp', value });
    // Extension shortcuts are keys of the browser window (where a real key press goes first),
    // so the keys are pressed there: in content, the page would get them and Firefox would not.
    await m.setContext('chrome');
    try {
      await m.performActions([{ type: 'key', id: 'keyboard', actions: [down(KEY.alt), down(KEY.shift), down('K'), up('K'), up(KEY.shift), up(KEY.alt)] }]);
    } finally {
      await m.setContext('content');
    }
    await enterOverlay(m);
    await find(m, '[role="dialog"]', 'Frontline command palette');
    const input = await find(m, '[role="combobox"]', 'Search templates, contacts and actions');
    await ff.screenshot('palette');
    await m.type(input, 'find out');
    await waitUntil(
      async () => /find out/i.test(await m.execute<string>('return document.querySelector(\'[role="option"][aria-selected="true"]\')?.textContent ?? ""')),
      'the "find out" template selected',
    );
    await m.type(input, '\uE007'); // Enter
    await find(m, '[role="dialog"]', /^Reply to /);
    const draft = await find(m, 'textarea', 'Reply text');
    await waitUntil(async () => /get back to you/i.test(await valueOf(m, draft)), 'the template in the draft');
    await leaveOverlay(m);
  });

  it('exports everything as JSON, deletes it all, and the import restores the same records', async () => {
    const before = await db();
    expect((before.contacts ?? []).length).toBeGreaterThan(0);
    await ff.visit(ff.extensionUrl('dashboard.html'));
    await m.click(await find(m, '[role="tab"]', /Data/));
    await m.click(await find(m, 'button', 'Export JSON'));
    const file = await waitUntil(async () => {
      const names = await readdir(ff.downloadsDir);
      const done = names.find((n) => n.endsWith('.json'));
      return done && !names.some((n) => n.endsWith('.part')) ? path.join(ff.downloadsDir, done) : null;
    }, 'the exported file');

    await fill(m, await find(m, 'input', 'Type DELETE to confirm'), 'DELETE');
    await m.click(await find(m, 'button', 'Delete all data'));
    await waitUntil(async () => ((await db()).contacts ?? []).length === 0, 'an empty database');

    await m.type(await m.execute<ElementRef>('return document.querySelector(\'input[type="file"]\')'), file);
    await findText(m, /Imported:/);
    const after = await db();
    const key = (r: unknown) => JSON.stringify(Object.fromEntries(Object.entries(r as object).sort(([a], [b]) => a.localeCompare(b))));
    for (const table of ['contacts', 'interactions', 'events']) {
      expect((after[table] ?? []).map(key).sort(), table).toEqual((before[table] ?? []).map(key).sort());
    }
  });

  it('wrote no JavaScript error from the extension to Firefox’s output', () => {
    expect(ff.extensionErrors()).toEqual([]);
  });
});
