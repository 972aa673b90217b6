import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, startSiteServer, type ExtensionBrowser, type SiteServer } from './harness';
import { fillTemplateFields, replyHelper, saveProfile, waitForMarked } from './helpers';
import { X_CONVERSATION, X_CONVERSATION_PATH } from './pages';
import { setupTeam, startServer, type TestServer } from '../unit/sync/couch-server';

// Two agents, two Chromium profiles, one real pouchdb-server: Ana replies to Nadia; Ben's popup
// shows Nadia after one sync; Ben opens the same post and is told Ana is on it.
const NADIA = 'x:1993012657403187514';

async function joinTeam(b: ExtensionBrowser, couch: TestServer, user: string) {
  await b.serviceWorker.evaluate(
    (s) => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ teamSync: s }),
    { version: 1, enabled: true, url: couch.url, db: 'team', user, password: `${user}-secret` },
  );
}

async function openNadiasHelper(b: ExtensionBrowser) {
  const page = await b.openSite('x.com', X_CONVERSATION_PATH);
  await waitForMarked(page, 7);
  await page.getByRole('button', { name: /^Reply as support to Nadia Okafor/ }).first().click();
  return { page, helper: await replyHelper(page, /Reply to Nadia/) };
}

describe('team sync between two browser profiles (real pouchdb-server)', () => {
  let site: SiteServer;
  let couch: TestServer;
  let ana: ExtensionBrowser;
  let ben: ExtensionBrowser;

  beforeAll(async () => {
    couch = await startServer();
    await setupTeam(couch, 'team', [
      { user: 'ana', password: 'ana-secret' },
      { user: 'ben', password: 'ben-secret' },
    ]);
    site = await startSiteServer({ 'x.com': { [X_CONVERSATION_PATH]: X_CONVERSATION } });
    ana = await launchWithExtension({ server: site });
    ben = await launchWithExtension({ server: site });
    for (const [b, user] of [[ana, 'ana'], [ben, 'ben']] as const) {
      await (await saveProfile(b)).close();
      await joinTeam(b, couch, user);
    }
  });
  afterAll(async () => {
    await ana?.close();
    await ben?.close();
    await site?.close();
    await couch?.stop();
  });

  it('A replies, B sees it after one sync; B opening the same post is warned', async () => {
    const { page, helper } = await openNadiasHelper(ana);
    await fillTemplateFields(helper);
    await helper.getByRole('button', { name: 'Insert reply' }).click();
    await helper.getByText(/inserted/i).waitFor();
    // Opening the popup syncs (the alarm would too, within a minute).
    const anaPopup = await ana.openExtensionPage('popup');
    await expect
      .poll(async () => (await (await couch.admin('GET', 'team/_all_docs')).json()).rows.filter((r: { id: string }) => r.id.startsWith('ev:ana:')).length, { timeout: 20_000 })
      .toBeGreaterThanOrEqual(2);

    const benPopup = await ben.openExtensionPage('popup');
    await benPopup.getByText('Nadia Okafor').first().waitFor({ timeout: 20_000 });

    const seen = await openNadiasHelper(ben);
    const note = seen.helper.getByRole('note', { name: 'Team' });
    await expect.poll(() => note.textContent(), { timeout: 20_000 }).toMatch(/^Ana is answering this \((just now|1 min ago)\)/);
    expect(await seen.page.locator(`[data-frontline-post="${NADIA}"]`).count()).toBe(1);

    // Ben's Team view asks the server who holds which post: Ana holds Nadia's.
    const dash = await ben.openExtensionPage('dashboard');
    await dash.getByRole('tab', { name: 'Team' }).click();
    const claims = dash.getByRole('table', { name: 'Who is answering what now' });
    await claims.waitFor({ timeout: 20_000 });
    const row = claims.getByRole('row').filter({ hasText: 'Nadia Okafor' });
    await expect.poll(() => row.first().textContent(), { timeout: 20_000 }).toMatch(/^ana(?!\s*\(you\))Nadia Okafor(just now|1 min ago)/);
    await dash.getByRole('heading', { name: 'Team feedback report' }).waitFor();
    await Promise.all([page.close(), anaPopup.close(), benPopup.close(), seen.page.close(), dash.close()]);
  }, 150_000);

  it("Ana on a second machine: her history comes across as her own (no author), and the server's claim list says so", async () => {
    const laptop = await launchWithExtension({ server: site });
    try {
      await (await saveProfile(laptop)).close();
      await joinTeam(laptop, couch, 'ana');
      // Opening the Team tab syncs (nothing else has): her reply to Nadia is listed as hers.
      const dash = await laptop.openExtensionPage('dashboard');
      await dash.getByRole('tab', { name: 'Team' }).click();
      const answered = dash.getByRole('table', { name: 'Who answered what' });
      await expect.poll(() => answered.getByRole('row').filter({ hasText: 'Nadia Okafor' }).first().textContent(), { timeout: 20_000 }).toMatch(/^anaNadia Okafor/);
      const claims = dash.getByRole('table', { name: 'Who is answering what now' });
      await expect.poll(() => claims.getByRole('row').filter({ hasText: 'Nadia Okafor' }).first().textContent(), { timeout: 20_000 }).toMatch(/^ana \(you\)/);
      const db = await laptop.readExtensionDb();
      const events = (db.interactions as Array<{ events: Array<{ type: string; by?: string }> }>).flatMap((i) => i.events);
      const replies = events.filter((e) => e.type === 'reply-inserted');
      expect(replies.length).toBeGreaterThanOrEqual(1);
      // Her own, as on the first machine: no author.
      expect(replies.every((e) => e.by === undefined)).toBe(true);
      await dash.close();
    } finally {
      await laptop.close();
    }
  }, 150_000);
});
