import 'fake-indexeddb/auto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportJSON, interactionIdFor, recordPosts } from '../../lib/db';
import { claimDocId, CLAIM_TTL_MS } from '../../lib/sync/claims';
import { eventDocId } from '../../lib/sync/event-doc';
import { freshDB, post, verdict } from '../unit/db/helpers';
import { setupTeam, startServer, type TestServer } from '../unit/sync/couch-server';
import { launchWithExtension, type ExtensionBrowser } from './harness';
import { saveProfile } from './helpers';

// "Look at what you built": the popup, every dashboard tab and the options page as an agent sees
// them, light and dark, with a full log (60 customers, a very long name, a right-to-left name),
// colleagues' replies and open claims on a real team server. Each screen is screenshotted into
// test-results/screenshots/looks-*.png (read them) and passed through axe-core: no serious or
// critical violation (contrast, names, roles). Then the keyboard-only walks.

const LONG_NAME = 'Maximiliane Alexandra von Hohenzollern-Sigmaringen und Württemberg-Teck';
const RTL_NAME = 'سارة العبدالله';
const MANY = 60;
const MINUTE = 60_000;

/** Customers seen over the last days (relative to the real clock: the extension's periods are "this week"). */
async function seedFile(now: number): Promise<Buffer> {
  const db = freshDB(undefined, 'looks-seed');
  const people = [
    { author: LONG_NAME, handle: '@maximiliane_von_hohenzollern_sigmaringen', text: 'Your checkout has been broken for three days and I want a refund now, this is unacceptable' },
    { author: RTL_NAME, handle: '@sara_a', text: 'لا أستطيع تسجيل الدخول منذ أمس، الرجاء المساعدة' },
  ];
  for (let n = 0; n < MANY; n++) people.push({ author: `Customer ${n + 1}`, handle: `@customer${n + 1}`, text: `The export failed again (case ${n + 1})` });
  for (const [n, p] of people.entries()) {
    await recordPosts(db, [{ post: post({ ...p, permalink: `https://x.com/${p.handle.slice(1)}/status/${7000 + n}` }), verdict: verdict(((n % 3) + 1) as 1 | 2 | 3) }], now - (n + 1) * 37 * MINUTE);
  }
  const file = await exportJSON(db);
  db.close();
  return Buffer.from(JSON.stringify(file));
}

/** Ben (a colleague) replied to a few customers, and has two posts open right now. */
async function seedTeamServer(couch: TestServer, now: number) {
  const colleaguePost = (n: number) => post({ author: `Customer ${n}`, handle: `@customer${n}`, text: `The export failed again (case ${n})`, permalink: `https://x.com/customer${n}/status/${7000 + n + 1}` });
  for (let n = 1; n <= 4; n++) {
    const p = colleaguePost(n);
    const at = now - n * 20 * MINUTE;
    const id = eventDocId('ben', interactionIdFor(p), at, 'reply-inserted');
    const doc = { kind: 'frontline-event', v: 1, agent: 'ben', device: 'ben-device-0001', at, type: 'reply-inserted', text: `Hi ${p.author}, sorry about the export. Could you tell me which file type you chose?`, post: p, verdict: verdict(2) };
    const res = await couch.admin('PUT', `team/${encodeURIComponent(id)}`, doc);
    expect(res.ok, await res.clone().text()).toBe(true);
  }
  for (const n of [5, 6]) {
    const interactionId = interactionIdFor(colleaguePost(n));
    const res = await couch.admin('PUT', `team/${encodeURIComponent(claimDocId(interactionId))}`, {
      kind: 'frontline-claim', agent: 'ben', interactionId, at: now - n * MINUTE, expiresAt: now + CLAIM_TTL_MS,
    });
    expect(res.ok, await res.clone().text()).toBe(true);
  }
}

const AXE_SOURCE = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core run in the page (evaluate, so the extension's CSP does not block it): serious and critical only. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(await AXE_SOURCE);
  const found = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] })`)) as {
    violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: string[]; failureSummary: string }> }>;
  };
  return found.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.slice(0, 5).map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary.split('\n').slice(1, 2).join('')}`));
}

/** The focused element's name and whether a focus ring is drawn around it. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { name: null, ring: false };
    const s = getComputedStyle(el);
    const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || /\d+px \d+px 0px [1-9]/.test(s.boxShadow) || s.boxShadow.includes(' 0px 0px 0px ');
    return { name: el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? el.localName, role: el.getAttribute('role'), ring };
  });

/** Nothing pushes the page wider than its window (a long name or post would show as a sideways scrollbar). */
const noSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

const SCHEMES = ['light', 'dark'] as const;
const TABS = ['Contacts', 'Insights', 'Team', 'Data'] as const;

describe('the looks: popup, dashboard tabs and options, light and dark', () => {
  let couch: TestServer;
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    const now = Date.now();
    couch = await startServer();
    await setupTeam(couch, 'team', [
      { user: 'ana', password: 'ana-secret' },
      { user: 'ben', password: 'ben-secret' },
    ]);
    await seedTeamServer(couch, now);
    browser = await launchWithExtension();
    await (await saveProfile(browser)).close();
    const dash = await browser.openExtensionPage('dashboard');
    await dash.getByRole('tab', { name: 'Data' }).click();
    await dash.locator('input[type="file"]').setInputFiles({ name: 'seed.json', mimeType: 'application/json', buffer: await seedFile(now) });
    await dash.getByText(/Imported:/).waitFor();
    await dash.close();
    await browser.serviceWorker.evaluate(
      (s) => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ teamSync: s }),
      { version: 1, enabled: true, url: couch.url, db: 'team', user: 'ana', password: 'ana-secret' },
    );
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await couch?.stop();
  });

  for (const scheme of SCHEMES) {
    it(`popup (${scheme}): full list, long and right-to-left names; no serious axe violation`, async () => {
      const popup = await browser.openExtensionPage('popup', { colorScheme: scheme });
      await popup.setViewportSize({ width: 400, height: 600 });
      await popup.getByText(RTL_NAME).first().waitFor();
      await browser.screenshot(popup, `looks-popup-${scheme}`);
      expect(await seriousViolations(popup)).toEqual([]);
      // The long name is cut with "…" inside its row, never widening the popup; hovering shows it whole.
      expect(await noSideways(popup)).toBe(true);
      const longName = popup.locator('li.contact-item .name', { hasText: 'Maximiliane' }).first();
      expect(await longName.getAttribute('title')).toBe(LONG_NAME);
      expect(await longName.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
      await popup.getByLabel('Search contacts').fill('hohenzollern');
      await popup.getByText(LONG_NAME).first().waitFor();
      await browser.screenshot(popup, `looks-popup-search-${scheme}`);
      await popup.getByLabel('Search contacts').fill('zzzz nobody');
      await popup.getByText(/No contact matches these filters\. Clear the search/).waitFor();
      await browser.screenshot(popup, `looks-popup-no-match-${scheme}`);
      expect(await seriousViolations(popup)).toEqual([]);
      await popup.close();
    });

    it(`dashboard tabs (${scheme}): populated, with colleagues and claims; no serious axe violation`, async () => {
      const dash = await browser.openExtensionPage('dashboard', { colorScheme: scheme });
      // The panel scrolls inside the window (a full-page shot would stop at the fold): a tall window shows it all.
      await dash.setViewportSize({ width: 1280, height: 2200 });
      const problems: Record<string, string[]> = {};
      for (const tab of TABS) {
        await dash.getByRole('tab', { name: tab }).click();
        if (tab === 'Contacts') await dash.getByText(RTL_NAME).first().waitFor();
        if (tab === 'Team') {
          await dash.getByRole('table', { name: 'Who is answering what now' }).getByText('ben').first().waitFor({ timeout: 20_000 });
          await dash.getByRole('table', { name: 'Who answered what' }).getByText('ben').first().waitFor({ timeout: 20_000 });
        }
        await dash.waitForTimeout(300);
        await browser.screenshot(dash, `looks-dashboard-${tab.toLowerCase()}-${scheme}`, { fullPage: true });
        problems[tab] = await seriousViolations(dash);
        expect(await noSideways(dash), `${tab} scrolls sideways`).toBe(true);
      }
      await dash.getByRole('tab', { name: 'Contacts' }).click();
      // The agent clicks the row where it shows: the name's cut-off middle is not on screen.
      await dash.getByRole('option', { name: /Maximiliane/ }).first().click();
      await dash.getByRole('heading', { name: LONG_NAME }).waitFor();
      await browser.screenshot(dash, `looks-dashboard-contact-${scheme}`, { fullPage: true });
      problems['Contact'] = await seriousViolations(dash);
      expect(problems).toEqual({ Contacts: [], Insights: [], Team: [], Data: [], Contact: [] });
      await dash.close();
    });

    it(`options (${scheme}): no serious axe violation`, async () => {
      const options = await browser.openExtensionPage('options', { colorScheme: scheme });
      await options.getByLabel('Full name', { exact: true }).waitFor();
      await browser.screenshot(options, `looks-options-${scheme}`, { fullPage: true });
      // Close-ups an eye can check: the time and password fields sit among the text fields.
      await options.getByLabel('Your password').scrollIntoViewIfNeeded();
      await browser.screenshot(options, `looks-options-team-${scheme}`);
      expect(await seriousViolations(options)).toEqual([]);
      // The readers' file input hides inside its "Import readers…" button (no raw "Choose File").
      expect((await options.getByLabel('Import readers from a file').boundingBox())?.width).toBeLessThanOrEqual(1);
      await options.close();
    });
  }

  it('popup by keyboard only: search, down to a result, resolve it; every stop shows a focus ring', async () => {
    const popup = await browser.openExtensionPage('popup');
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.getByText(RTL_NAME).first().waitFor();
    await popup.keyboard.press('/');
    expect(await focused(popup)).toMatchObject({ name: 'Search contacts', ring: true });
    await popup.keyboard.type('customer 7');
    await expect.poll(() => popup.locator('li.contact-item .name').first().textContent()).toBe('Customer 7');
    await popup.keyboard.press('ArrowDown');
    const onRow = await focused(popup);
    expect(onRow.ring).toBe(true);
    expect(onRow.name).toContain('Customer 7');
    await popup.keyboard.press('r');
    await popup.getByText('Marked Customer 7 resolved.').waitFor();
    // Tab from the top visits only named controls, each with a visible ring, and reaches the list.
    await popup.getByRole('button', { name: 'Open dashboard' }).focus();
    const stops = [await focused(popup)];
    // Seven stops: header buttons, search, two filters, the one matching row and its History link.
    for (let n = 0; n < 6; n++) {
      await popup.keyboard.press('Tab');
      stops.push(await focused(popup));
    }
    for (const [n, stop] of stops.entries()) {
      expect(stop.name, `tab stop ${n + 1}`).toBeTruthy();
      expect(stop.ring, `tab stop ${n + 1} (${stop.name}) has no focus ring`).toBe(true);
    }
    await popup.close();
  });

  it('dashboard tabs by keyboard only: arrows move between tabs, Tab enters the panel', async () => {
    const dash = await browser.openExtensionPage('dashboard');
    await dash.getByRole('tab', { name: 'Contacts' }).waitFor();
    await dash.keyboard.press('Tab');
    expect(await focused(dash)).toMatchObject({ name: 'Contacts', role: 'tab', ring: true });
    for (const tab of ['Insights', 'Team', 'Data', 'Contacts']) {
      await dash.keyboard.press('ArrowRight');
      expect(await focused(dash)).toMatchObject({ name: tab, role: 'tab', ring: true });
      expect(await dash.getByRole('tab', { name: tab }).getAttribute('aria-selected')).toBe('true');
    }
    await dash.keyboard.press('ArrowLeft');
    expect(await focused(dash)).toMatchObject({ name: 'Data', role: 'tab' });
    await dash.getByRole('tabpanel').getByRole('heading').first().waitFor();
    // Tab leaves the tab list for the Options button, then into the panel's first control.
    await dash.keyboard.press('Tab');
    expect(await focused(dash)).toMatchObject({ name: 'Options', ring: true });
    await dash.keyboard.press('Tab');
    const inPanel = await focused(dash);
    expect(inPanel.ring).toBe(true);
    expect(await dash.evaluate(() => !!document.activeElement?.closest('[role="tabpanel"]'))).toBe(true);
    await dash.close();
  });

  it('options by keyboard only: the template list takes focus and arrows pick the template to edit', async () => {
    const options = await browser.openExtensionPage('options');
    const list = options.getByRole('listbox', { name: 'Templates' });
    await list.waitFor();
    await options.getByRole('textbox', { name: 'Tags' }).waitFor();
    // Shift+Tab back from the title field lands on the list.
    await options.getByLabel('Template title').focus();
    await options.keyboard.press('Shift+Tab');
    expect(await focused(options)).toMatchObject({ name: 'Templates', role: 'listbox', ring: true });
    const second = await list.getByRole('option').nth(1).textContent();
    await options.keyboard.press('ArrowDown');
    await expect.poll(() => options.getByLabel('Template title').inputValue()).toBe(second);
    expect(await list.getByRole('option', { selected: true }).textContent()).toBe(second);
    await options.keyboard.press('End');
    const last = await list.getByRole('option').last().textContent();
    await expect.poll(() => options.getByLabel('Template title').inputValue()).toBe(last);
    await options.close();
  });
});

describe('the looks with nothing logged yet: every empty screen says what to do', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const scheme of SCHEMES) {
    it(`popup and dashboard, empty (${scheme}): next steps shown; no serious axe violation`, async () => {
      const popup = await browser.openExtensionPage('popup', { colorScheme: scheme });
      await popup.setViewportSize({ width: 400, height: 600 });
      await popup.getByRole('heading', { name: 'No customers yet' }).waitFor();
      await browser.screenshot(popup, `looks-empty-popup-${scheme}`);
      expect(await seriousViolations(popup)).toEqual([]);
      await popup.close();

      const dash = await browser.openExtensionPage('dashboard', { colorScheme: scheme });
      await dash.getByText(/No customers yet\. Complaints flagged on X, blogs and forums land here/).waitFor();
      await browser.screenshot(dash, `looks-empty-contacts-${scheme}`);
      const problems: Record<string, string[]> = { Contacts: await seriousViolations(dash) };
      await dash.getByRole('tab', { name: 'Team' }).click();
      await dash.getByRole('heading', { name: 'Team sync is off' }).waitFor();
      await dash.getByRole('button', { name: 'Open Options' }).waitFor();
      await browser.screenshot(dash, `looks-empty-team-${scheme}`);
      problems['Team'] = await seriousViolations(dash);
      await dash.getByRole('tab', { name: 'Insights' }).click();
      await dash.getByRole('heading', { name: 'Insights' }).waitFor();
      await dash.waitForTimeout(300);
      await browser.screenshot(dash, `looks-empty-insights-${scheme}`, { fullPage: true });
      problems['Insights'] = await seriousViolations(dash);
      expect(problems).toEqual({ Contacts: [], Team: [], Insights: [] });
      await dash.close();
    });
  }
});
