// @vitest-environment happy-dom
// The extension's fetch (host permission granted) is exempt from page CORS rules; happy-dom's is not.
// @vitest-environment-options { "settings": { "fetch": { "disableSameOriginPolicy": true } } }
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DashboardApp } from '@/components/pages/DashboardApp';
import { listOpenClaims } from '@/lib/background/team-claims';
import { isOurExtensionPage, routeExtensionPage, type PageRouterDeps } from '@/lib/background/page-router';
import type { FrontlineDB } from '@/lib/db';
import { saveTeamSettings } from '@/lib/settings/team';
import { CouchClient } from '@/lib/sync/couch-client';
import { CLAIMS_PAGE, CLAIM_TTL_MS, claimDocId, claimPost, openClaims } from '@/lib/sync/claims';
import { fixedClock, setClock } from '@/lib/time/clock';
import { flag, freshDB, post } from '../pages/seed';
import { freePort, setupTeam, startServer, type TestServer } from './couch-server';
import { askServerEveryTime } from './dom-fetch';

const OWN_ID = 'frontline-test-id';
const DASHBOARD = `chrome-extension://${OWN_ID}/dashboard.html`;
const dashboardSender = { id: OWN_ID, url: `${DASHBOARD}#tab=team`, tab: { id: 3 } };
const T0 = Date.UTC(2026, 10, 2, 9, 0, 0);
const MIN = 60_000;
const ana = { user: 'ana', password: 'ana-secret' };
const ben = { user: 'ben', password: 'ben-secret' };

let server: TestServer;
askServerEveryTime();
beforeAll(async () => {
  server = await startServer();
  await setupTeam(server, 'team', [ana, ben]);
  await setupTeam(server, 'many', [ana, ben]);
}, 60_000);
afterAll(async () => {
  await server?.stop();
});
beforeEach(() => {
  fakeBrowser.reset();
  setClock(fixedClock(T0 + 10 * MIN));
  history.replaceState(null, '', '/dashboard.html#tab=team');
});
afterEach(() => {
  cleanup();
  setClock(null);
});

const client = (who: typeof ana, db = 'team') => new CouchClient({ url: server.url, db, ...who });

/** The background of Ben's browser, answering the dashboard through the real page router. */
function backgroundFor(db: FrontlineDB) {
  const deps: PageRouterDeps = { ownId: OWN_ID, pageUrls: [DASHBOARD], teamClaims: () => listOpenClaims(db) };
  // fake-browser hands listeners an empty sender: this one is the dashboard tab's.
  fakeBrowser.runtime.onMessage.addListener((raw: unknown, _sender: unknown, sendResponse: (r: unknown) => void) => {
    void routeExtensionPage(raw, dashboardSender, deps).then(sendResponse);
    return true;
  });
}

const claimRows = () =>
  within(screen.getByRole('table', { name: 'Who is answering what now' }))
    .getAllByRole('row')
    .slice(1)
    .map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent));

describe('open claims, read from the real server', () => {
  it('lists live claims newest first, skips expired ones and ignores documents that are not claims', async () => {
    await claimPost(client(ana), { agent: 'ana', interactionId: 'https://x.com/a/status/1', now: T0 });
    await claimPost(client(ben), { agent: 'ben', interactionId: 'https://x.com/b/status/2', now: T0 + 3 * MIN });
    await claimPost(client(ben), { agent: 'ben', interactionId: 'https://x.com/c/status/3', now: T0 - CLAIM_TTL_MS - MIN });
    // A compromised client or server: a "claim" with markup in its name and an extra field.
    const bad = await server.admin('PUT', `team/${encodeURIComponent(claimDocId('x'))}`, { kind: 'frontline-claim', agent: '<img src=x>', interactionId: 'x', at: T0, expiresAt: T0 + CLAIM_TTL_MS, extra: { deep: 1 } });
    expect(bad.ok).toBe(true);
    const open = await openClaims(client(ana), T0 + 5 * MIN);
    expect(open.claims.map((c) => [c.agent, c.interactionId])).toEqual([
      ['ben', 'https://x.com/b/status/2'],
      ['ana', 'https://x.com/a/status/1'],
    ]);
    expect(open).toMatchObject({ refused: 1, capped: false });
  });

  it('pages through more claim documents than one request reads', async () => {
    const docs = Array.from({ length: CLAIMS_PAGE + 20 }, (_, n) => {
      const id = `https://x.com/p/status/${n}`;
      return { _id: claimDocId(id), kind: 'frontline-claim', agent: n % 2 ? 'ana' : 'ben', interactionId: id, at: T0 + n, expiresAt: T0 + CLAIM_TTL_MS };
    });
    expect((await server.admin('POST', 'many/_bulk_docs', { docs })).ok).toBe(true);
    const open = await openClaims(client(ben, 'many'), T0 + MIN);
    expect(open.claims).toHaveLength(CLAIMS_PAGE + 20);
    expect(open.claims[0]!.at).toBe(T0 + CLAIMS_PAGE + 19);
  });

  it('only our dashboard may ask: not a web page, not our overlay frame, not another extension', async () => {
    const deps: PageRouterDeps = { ownId: OWN_ID, pageUrls: [DASHBOARD], teamClaims: async () => ({ enabled: false, claims: [], more: 0, problem: null }) };
    expect(isOurExtensionPage(dashboardSender, OWN_ID, [DASHBOARD])).toBe(true);
    for (const sender of [
      { id: OWN_ID, url: 'https://x.com/nadia/status/1', tab: { id: 1 } },
      { id: OWN_ID, url: `chrome-extension://${OWN_ID}/overlay.html`, tab: { id: 1 } },
      { id: 'someone-else', url: `chrome-extension://someone-else/dashboard.html` },
      { id: OWN_ID, url: `https://evil.example/dashboard.html?${DASHBOARD}` },
    ]) {
      expect(await routeExtensionPage({ type: 'page→bg:team-claims' }, sender, deps)).toEqual({ ok: false, error: 'sender refused' });
    }
    expect(await routeExtensionPage({ type: 'page→bg:team-claims' }, dashboardSender, deps)).toMatchObject({ ok: true, enabled: false });
    expect(await routeExtensionPage({ type: 'page→bg:delete-all' }, dashboardSender, deps)).toMatchObject({ ok: false, error: expect.stringMatching(/^malformed message/) });
  });

  it("Ben's Team view shows Ana's claim with the customer and since when; a post he never saw shows as its link", async () => {
    await saveTeamSettings({ version: 1, enabled: true, url: server.url, db: 'team', ...ben });
    const db = freshDB();
    const nadia = post({ author: 'Nadia <b>Perez</b>', handle: '@nadia', text: 'Third outage this week', permalink: 'https://x.com/nadia/status/900' });
    await flag(db, nadia, 3, T0);
    await claimPost(client(ana), { agent: 'ana', interactionId: 'https://x.com/nadia/status/900', now: T0 + 8 * MIN });
    await claimPost(client(ben), { agent: 'ben', interactionId: 'https://x.com/omar/status/901', now: T0 + 9 * MIN });
    backgroundFor(db);
    render(<DashboardApp db={db} />);
    await screen.findByRole('table', { name: 'Who is answering what now' });
    expect(claimRows()).toEqual([
      ['ben (you)', 'Not in your log yet', '1 min ago', 'Open post'],
      ['ana', 'Nadia <b>Perez</b>', '2 min ago', 'Third outage this week Open post'],
      // The first test's: Ben's is still live at this clock, Ana's (made at T0) lapsed just now.
      ['ben (you)', 'Not in your log yet', '7 min ago', 'Open post'],
    ]);
    expect(document.querySelector('.dash-main b')).toBeNull();
    expect(screen.queryByText(/Claims show in the helper/)).toBeNull();
    fireEvent.click(within(screen.getByRole('table', { name: 'Who is answering what now' })).getByRole('button', { name: 'Nadia <b>Perez</b>' }));
    expect(location.hash).toMatch(/^#contact=/);
    db.close();
  });

  it('a server that is down is said in words, and the rest of the view still works', async () => {
    const port = await freePort();
    await saveTeamSettings({ version: 1, enabled: true, url: `http://127.0.0.1:${port}`, db: 'team', ...ben });
    const db = freshDB();
    backgroundFor(db);
    render(<DashboardApp db={db} />);
    const alert = await screen.findByText(/could not be asked for open claims/);
    expect(alert.textContent).toMatch(new RegExp(`Cannot reach 127\\.0\\.0\\.1:${port}`));
    expect(screen.queryByRole('table', { name: 'Who is answering what now' })).toBeNull();
    expect(await screen.findByRole('table', { name: 'Replies and waits per agent' })).toBeTruthy();
    db.close();
  });
});
