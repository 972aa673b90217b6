import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactHistory, contactIdFor, eventsIn, interactionIdFor, recordEvent, recordPosts, type FrontlineDB } from '../../../lib/db';
import { CouchClient } from '../../../lib/sync/couch-client';
import { syncOnce, type SyncDeps } from '../../../lib/sync/replicate';
import type { StateStore, SyncState } from '../../../lib/sync/state';
import { followUpDueOf, summaryOf } from '../../../lib/db/summary';
import { loadTeamActivity } from '../../../lib/insights';
import { HOUR, T0, expectDirectoryInStep, freshDB, post, verdict } from '../db/helpers';
import { setupTeam, startFaultyProxy, startServer, type TestServer } from './couch-server';
import { allInteractions, getInteraction } from '../../../lib/db/histories';

const ana = { user: 'ana', password: 'ana-secret' };
const ben = { user: 'ben', password: 'ben-secret' };

let server: TestServer;
beforeAll(async () => {
  // Persistent: one test stops the server mid-flow and expects its data after the restart.
  server = await startServer({ persistent: true });
  await setupTeam(server, 'team', [ana, ben]);
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

function memoryStore(): StateStore & { state: SyncState | undefined } {
  const s = {
    state: undefined as SyncState | undefined,
    load: async () => structuredClone(s.state),
    save: async (next: SyncState) => {
      s.state = structuredClone(next);
    },
  };
  return s;
}

/** One agent's browser profile: its own log, its own sync state, a clock the test moves. */
function agent(who: { user: string; password: string }, db = 'team', url = server.url) {
  const clock = { t: T0 };
  const profile = {
    db: freshDB() as FrontlineDB,
    store: memoryStore(),
    clock,
    deps(over: Partial<SyncDeps> = {}): SyncDeps {
      return {
        db: profile.db,
        client: new CouchClient({ url, db, ...who }),
        agent: who.user,
        store: profile.store,
        now: () => clock.t,
        ...over,
      };
    },
    sync: (options: { force?: boolean } = {}, over: Partial<SyncDeps> = {}) => syncOnce(profile.deps(over), options),
  };
  return profile;
}

async function reply(db: FrontlineDB, p: ReturnType<typeof post>, at: number, text = 'Sorry about that, refund on its way') {
  await recordPosts(db, [{ post: p, verdict: verdict(3) }], at);
  await recordEvent(db, { post: p, verdict: verdict(3), type: 'reply-inserted', text, at: at + 60_000 });
}

/** Stored summaries, pending follow-ups and the search directory equal what the records say (as summary.test.ts checks). */
async function expectNoDrift(db: FrontlineDB) {
  for (const c of await db.contacts.toArray()) {
    const history = await contactHistory(db, c.id);
    const want = summaryOf([...history!.interactions].reverse());
    expect({ interactionCount: c.interactionCount, lastStatus: c.lastStatus, maxSeverity: c.maxSeverity, followUpDue: c.followUpDue }).toEqual({ lastStatus: undefined, followUpDue: undefined, ...want });
  }
  for (const i of await allInteractions(db)) expect(i.followUpDue).toBe(followUpDueOf(i));
  await expectDirectoryInStep(db, expect);
}

async function eventCount(db: FrontlineDB) {
  return eventsIn(await allInteractions(db)).filter((e) => e.type !== 'flagged').length;
}

describe('replication through a real pouchdb-server', () => {
  it("A replies, B sees it after one sync, with who wrote it; contacts and summaries are derived on B's side", async () => {
    await setupTeam(server, 'flow', [ana, ben]);
    const a = agent(ana, 'flow');
    const b = agent(ben, 'flow');
    const p = post({ author: 'Nadia Perez', handle: '@nadia' });
    await reply(a.db, p, T0);
    await recordEvent(a.db, { post: p, verdict: verdict(3), type: 'status', status: 'resolved', at: T0 + 2 * 60_000 });

    const pushed = await a.sync();
    expect(pushed.error).toBeUndefined();
    expect(pushed.pushed).toBe(3) // the flag, the reply, the resolution;

    const pulled = await b.sync();
    expect(pulled).toMatchObject({ added: 3, rejected: [] });
    const i = await getInteraction(b.db, interactionIdFor(p));
    expect(i?.status).toBe('resolved');
    expect(i?.lastReply).toBe('Sorry about that, refund on its way');
    expect(i?.events.filter((e) => e.by === 'ana').map((e) => e.type)).toEqual(['flagged', 'reply-inserted', 'status']);
    const history = await contactHistory(b.db, contactIdFor(p));
    expect(history?.contact?.name).toBe('Nadia Perez');
    expect(history?.contact?.lastStatus).toBe('resolved');

    await expectNoDrift(b.db);

    // A customer B already knows: A's follow-up on a second post of theirs joins B's record of them.
    const second = post({ author: 'Nadia Perez', handle: '@nadia', permalink: 'https://x.com/nadia/status/2' });
    await recordPosts(b.db, [{ post: second, verdict: verdict(4) }], T0 + HOUR);
    await recordPosts(a.db, [{ post: second, verdict: verdict(4) }], T0 + HOUR);
    await recordEvent(a.db, { post: second, verdict: verdict(4), type: 'follow-up-set', dueAt: T0 + 48 * HOUR, at: T0 + 2 * HOUR });
    await a.sync();
    expect((await b.sync()).added).toBe(1);
    expect((await getInteraction(b.db, interactionIdFor(second)))?.followUpDue).toBe(T0 + 48 * HOUR);
    expect((await b.db.contacts.get(contactIdFor(p)))).toMatchObject({ interactionCount: 2, maxSeverity: 4 });
    await expectNoDrift(b.db);

    // The checkpoint: nothing new, nothing pulled again; A's own push echoing back is ignored.
    expect(await b.sync()).toMatchObject({ pulled: 0, added: 0 });
    expect(await a.sync()).toMatchObject({ added: 0, rejected: [] });
    expect(await eventCount(a.db)).toBe(3);

    // A re-sync into a fresh profile (a new machine for Ben) rebuilds the same interaction.
    const b2 = agent(ben, 'flow');
    await b2.sync();
    const again = await getInteraction(b2.db, interactionIdFor(p));
    expect({ ...again, events: again?.events }).toEqual({ ...i, events: i?.events });
  });

  it('server stopped mid-flow: events queue locally, the alarm backs off, and all arrive after the restart', async () => {
    await setupTeam(server, 'outage', [ana, ben]);
    const a = agent(ana, 'outage');
    const b = agent(ben, 'outage');
    for (let n = 0; n < 3; n++) await reply(a.db, post(), T0 + n * HOUR);
    expect((await a.sync()).pushed).toBe(6) // each post's flag and reply;

    await server.halt();
    try {
      for (let n = 3; n < 5; n++) await reply(a.db, post(), T0 + n * HOUR); // local writes never wait
      a.clock.t = T0 + 6 * HOUR;
      const down = await a.sync();
      expect(down.error).toMatch(/Cannot reach 127\.0\.0\.1/);
      expect(a.store.state?.failures).toBe(1);
      // The alarm's round (not forced) waits out the backoff instead of hammering the server.
      a.clock.t += 10_000;
      expect((await a.sync()).skippedUntil).toBe(T0 + 6 * HOUR + 30_000);
      expect(await eventCount(a.db)).toBe(5);
    } finally {
      await server.restart();
    }
    a.clock.t += 30_000;
    const back = await a.sync();
    expect(back.error).toBeUndefined();
    expect(a.store.state?.failures).toBe(0);
    await b.sync();
    expect(await eventCount(b.db)).toBe(5);
    const onServer = await (await server.admin('GET', 'outage/_all_docs')).json();
    expect(onServer.rows.filter((r: { id: string }) => r.id.startsWith('ev:')).length).toBe(10) // five replies and their posts' flags;
  }, 60_000);

  it('401, 500 and malformed JSON are reported in words, and nothing is lost', async () => {
    await setupTeam(server, 'faults', [ana, ben]);
    const a = agent(ana, 'faults');
    await reply(a.db, post(), T0);

    const wrong = await a.sync({}, { client: new CouchClient({ url: server.url, db: 'faults', user: 'ana', password: 'typo' }) });
    expect(wrong.error).toMatch(/did not accept user "ana".*401/);

    const proxy = await startFaultyProxy(server.url);
    try {
      const viaProxy = { client: new CouchClient({ url: proxy.url, db: 'faults', ...ana }) };
      proxy.mode = '500';
      expect((await a.sync({ force: true }, viaProxy)).error).toBe('The server answered 500: disk on fire.');
      proxy.mode = 'garbage';
      expect((await a.sync({ force: true }, viaProxy)).error).toMatch(/not JSON/);
      proxy.mode = 'pass';
      expect((await a.sync({ force: true }, viaProxy)).error).toBeUndefined();
    } finally {
      await proxy.close();
    }
    const b = agent(ben, 'faults');
    await b.sync();
    expect(await eventCount(b.db)).toBe(1);
  });

  it('a hostile server: huge, deeply nested, wrongly typed and forged documents are refused with a reason; good ones still arrive', async () => {
    await setupTeam(server, 'hostile', [ana, ben]);
    const b = agent(ben, 'hostile');
    const a = agent(ana, 'hostile');
    await reply(a.db, post({ text: 'my order never arrived' }), T0);
    await a.sync();
    expect((await b.sync()).added).toBe(2);
    const good = (await (await server.admin('GET', 'hostile/_all_docs?include_docs=true')).json()).rows[0].doc;
    const { _rev, ...base } = good;
    let nested: unknown = 'x';
    for (let n = 0; n < 3_000; n++) nested = { n: nested };
    const evil = [
      { ...base, _id: 'ev:ana:huge', text: 'x'.repeat(70_000) },
      { ...base, _id: 'ev:ana:nested', extra: nested },
      { ...base, _id: 'ev:ana:typed', at: 'yesterday' },
      { ...base, _id: 'ev:ana:markup', agent: '<img src=x onerror=alert(1)>' },
      // Claims Ben's very browser wrote it, which his log denies.
      { ...base, _id: 'ev:ben:forged', agent: 'ben', device: b.store.state!.device },
    ];
    const put = await server.admin('POST', 'hostile/_bulk_docs', { docs: evil });
    expect(put.ok).toBe(true);

    const report = await b.sync();
    expect(report.added).toBe(0);
    expect(report.rejected).toHaveLength(5);
    const reasons = report.rejected.join('\n');
    expect(reasons).toMatch(/ev:ana:huge: too large/);
    expect(reasons).toMatch(/ev:ana:nested: .*extra/);
    expect(reasons).toMatch(/ev:ana:typed: at: /);
    expect(reasons).toMatch(/ev:ana:markup: agent: /);
    expect(reasons).toMatch(/ev:ben:forged: claims to have been written by this browser, but its log has no such event/);
    expect(b.store.state?.rejectedCount).toBe(5);
    // Nothing of them in the log.
    const events = eventsIn(await allInteractions(b.db));
    expect(events.filter((e) => e.by).map((e) => [e.type, e.by])).toEqual([['reply-inserted', 'ana'], ['flagged', 'ana']]);
    // The checkpoint moved past them: the next round does not trip on them again.
    expect((await b.sync()).rejected).toEqual([]);
  });

  it('the same agent on a second machine: their history comes across as their own, and a document claiming this very browser is checked against its log', async () => {
    await setupTeam(server, 'machines', [ana, ben]);
    const laptop = agent(ana, 'machines');
    const desktop = agent(ana, 'machines');
    const b = agent(ben, 'machines');
    const nadia = post({ author: 'Nadia Perez', handle: '@nadia' });
    const omar = post({ author: 'Omar K', handle: '@omar', permalink: 'https://x.com/omar/status/5' });
    await reply(laptop.db, nadia, T0);
    await recordEvent(laptop.db, { post: nadia, verdict: verdict(3), type: 'status', status: 'resolved', at: T0 + 2 * 60_000 });
    await recordPosts(laptop.db, [{ post: omar, verdict: verdict(2) }], T0 + HOUR);
    await recordEvent(laptop.db, { post: omar, verdict: verdict(2), type: 'follow-up-set', dueAt: T0 + 48 * HOUR, at: T0 + HOUR + 60_000 });
    await reply(b.db, omar, T0 + 2 * HOUR, 'Ben here: the fix ships tonight');
    expect((await laptop.sync()).error).toBeUndefined();
    await b.sync();

    // A new machine for Ana: before this change her own events were refused as forgeries.
    expect(desktop.store.state).toBeUndefined();
    const first = await desktop.sync();
    expect(first.rejected).toEqual([]);
    expect(desktop.store.state!.device).not.toBe(laptop.store.state!.device);
    await laptop.sync(); // Ben's reply reaches the laptop too
    const summaryOfContacts = async (db: FrontlineDB) =>
      (await db.contacts.toArray()).map((c) => ({ id: c.id, name: c.name, interactionCount: c.interactionCount, lastStatus: c.lastStatus, maxSeverity: c.maxSeverity, followUpDue: c.followUpDue }));
    expect(await summaryOfContacts(desktop.db)).toEqual(await summaryOfContacts(laptop.db));
    // Their posts too, flags and first sights included: the same records, event for event.
    const byId = (rows: { id: string }[]) => [...rows].sort((x, y) => (x.id < y.id ? -1 : 1));
    expect(byId(await allInteractions(desktop.db))).toEqual(byId(await allInteractions(laptop.db)));
    const actions = async (db: FrontlineDB) =>
      eventsIn(await allInteractions(db))
        .filter((e) => e.type !== 'flagged')
        .map((e) => [e.at, e.type, e.by ?? 'me'])
        .sort();
    // Hers are hers (no author), Ben's are Ben's, on both machines.
    expect(await actions(desktop.db)).toEqual(await actions(laptop.db));
    expect((await actions(desktop.db)).filter((e) => e[2] === 'me')).toHaveLength(3);
    await expectNoDrift(desktop.db);

    // Whatever she does on the desktop arrives on the laptop as her own; the echoes change nothing.
    await recordEvent(desktop.db, { post: omar, verdict: verdict(2), type: 'note', text: 'Called him back', at: T0 + 3 * HOUR });
    expect(await desktop.sync()).toMatchObject({ pushed: 1, rejected: [] });
    expect(await laptop.sync()).toMatchObject({ added: 1, rejected: [] });
    expect((await actions(laptop.db)).find((e) => e[0] === T0 + 3 * HOUR)).toEqual([T0 + 3 * HOUR, 'note', 'me']);
    expect(await desktop.sync()).toMatchObject({ added: 0, rejected: [] });

    // A document that says the desktop's browser wrote it, which the desktop's log does not hold.
    const good = (await (await server.admin('GET', 'machines/_all_docs?include_docs=true')).json()).rows.find((r: { id: string }) => r.id.startsWith('ev:ana:')).doc;
    const { _rev, ...base } = good;
    const forged = { ...base, _id: 'ev:ana:forged', at: T0 + 4 * HOUR, type: 'note', text: 'Customer agreed to pay double', device: desktop.store.state!.device };
    expect((await server.admin('POST', 'machines/_bulk_docs', { docs: [forged] })).ok).toBe(true);
    const report = await desktop.sync();
    expect(report.added).toBe(0);
    expect(report.rejected).toEqual(['ev:ana:forged: claims to have been written by this browser, but its log has no such event']);
    expect(eventsIn(await allInteractions(desktop.db)).some((e) => e.text === 'Customer agreed to pay double')).toBe(false);
    // The laptop is another device: for it, that is Ana's own event from elsewhere (the server vouches for members).
    expect((await laptop.sync()).added).toBe(1);
  });

  it("colleagues' flags: the Team view lists the team's unanswered complaints, and a wait counts from the first agent who saw the post", async () => {
    await setupTeam(server, 'flags', [ana, ben]);
    const a = agent(ana, 'flags');
    const b = agent(ben, 'flags');
    const lee = post({ author: 'Lee Park', handle: '@lee', text: 'Nobody answers my emails', permalink: 'https://x.com/lee/status/1' });
    const omar = post({ author: 'Omar K', handle: '@omar', text: 'App crashes on login', permalink: 'https://x.com/omar/status/1' });
    // Ana's scanner flags both; nobody answers Lee. Ben sees Omar an hour after Ana, and answers at once.
    await recordPosts(a.db, [{ post: lee, verdict: verdict(4) }, { post: omar, verdict: verdict(2) }], T0);
    await a.sync();
    await recordPosts(b.db, [{ post: omar, verdict: verdict(2) }], T0 + HOUR);
    await recordEvent(b.db, { post: omar, verdict: verdict(2), type: 'reply-inserted', text: 'Ben here, a fix is on its way', at: T0 + HOUR + 5 * 60_000 });
    await b.sync();

    const now = T0 + 3 * HOUR;
    const view = async (db: FrontlineDB, me: string) => loadTeamActivity(db, { me, from: T0 - HOUR, to: now + 1, now });
    const seenByBen = await view(b.db, 'ben');
    expect(seenByBen.unanswered.map((u) => [u.customer, u.ageMs])).toEqual([['Lee Park', 3 * HOUR]]);
    // 65 minutes since Ana first saw it, not the 5 since Ben did.
    expect(seenByBen.agents).toEqual([{ agent: 'ben', replies: 1, resolved: 0, firstReplies: 1, medianFirstReplyMs: HOUR + 5 * 60_000 }]);
    // Pulled twice, nothing changes; one flag per post in Ben's log, his own.
    await b.sync({ force: true });
    const omarThere = await getInteraction(b.db, interactionIdFor(omar));
    expect(omarThere?.events.filter((e) => e.type === 'flagged')).toEqual([{ at: T0 + HOUR, type: 'flagged', severity: 2 }]);
    expect(omarThere?.firstSeenAt).toBe(T0);
    // Ana's view agrees once Ben's reply arrives.
    await a.sync();
    expect((await view(a.db, 'ana')).agents).toEqual(seenByBen.agents);
  });
});
