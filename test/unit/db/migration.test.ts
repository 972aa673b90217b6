import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { FrontlineDB, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, contactHistory, searchDirectory, shardOf, contactSummary, countsFor, dueFollowUps, exportJSON, importJSON, recentContacts } from '../../../lib/db';
import { DAY, T0, allEvents, directoryEntries, expectDirectoryInStep, expectHistoriesInStep, isolatedIDB, snapshot } from './helpers';
import { allInteractionsById, getInteraction, interactionsOf } from '../../../lib/db/histories';
import { buildShards } from '../../../lib/db/directory';
import { EXPORT_FORMAT, EXPORT_VERSION, SCHEMA_V7, exportJSONParts, withOwner, withoutEvents, type StoredInteraction } from '../../../lib/db';
import { fixedClock, setClock } from '../../../lib/time/clock';
import { HEAVY_INTERACTIONS, generateRecords } from '../../../bench/db/generate-records';

describe('schema v1 → current', () => {
  it('keeps every record written by version 1 and backfills search words and themes', async () => {
    const idb = isolatedIDB();
    const v1 = new Dexie('frontline', idb);
    v1.version(1).stores(SCHEMA_V1);
    // Exactly what version 1 stored: no searchWords, no themes.
    await v1.table('contacts').add({
      id: 'x:janedoe', platform: 'x', name: 'Jane Doe', handle: 'janedoe',
      firstSeenAt: T0, lastSeenAt: T0, lastPermalink: 'https://x.com/janedoe/status/1',
    });
    await v1.table('interactions').add({
      id: 'https://x.com/janedoe/status/1', contactId: 'x:janedoe', platform: 'x', postId: '1',
      permalink: 'https://x.com/janedoe/status/1', text: 'The app keeps crashing and I want a refund',
      severity: 3, score: 0.95, complaint: true, cues: ['crashing'],
      signals: { brand: true, churn: false, abuse: false, question: false, urgency: false },
      status: 'waiting', firstSeenAt: T0, lastEventAt: T0 + 5, firstReplyAt: T0 + 5,
    });
    await v1.table('events').bulkAdd([
      { interactionId: 'https://x.com/janedoe/status/1', contactId: 'x:janedoe', at: T0, type: 'flagged', severity: 3 },
      { interactionId: 'https://x.com/janedoe/status/1', contactId: 'x:janedoe', at: T0 + 5, type: 'reply-inserted', text: 'Sorry!' },
    ]);
    v1.close();

    const v2 = new FrontlineDB('frontline', idb);
    await v2.open();
    expect(v2.verno).toBe(9);
    const interaction = await getInteraction(v2, 'https://x.com/janedoe/status/1');
    expect(interaction).toMatchObject({ status: 'waiting', severity: 3, firstReplyAt: T0 + 5, themes: ['refunds', 'bugs'] });
    // v5 moved the events into their interaction, in the order they were written.
    expect((await allEvents(v2)).map((e) => e.type)).toEqual(['flagged', 'reply-inserted']);
    expect((await v2.contacts.get('x:janedoe'))?.searchWords).toEqual(['jane', 'doe', 'janedoe']);
    // v4's summary, computed by its upgrade from the backfilled records.
    expect(await v2.contacts.get('x:janedoe')).toMatchObject({ interactionCount: 1, lastStatus: 'waiting', maxSeverity: 3 });
    // The new indexes answer queries over the old data.
    expect((await recentContacts(v2, { limit: 5, query: 'doe' })).map((c) => c.id)).toEqual(['x:janedoe']);
    expect(await contactSummary(v2, 'x:janedoe')).toEqual({ interactionCount: 1, lastStatus: 'waiting', maxSeverity: 3 });
    // Every upgrade on the way wrote contacts; the v6 directory agrees with where they ended.
    await expectDirectoryInStep(v2, expect);
    v2.close();
  });
});

describe('schema v2 → current (v3 dropped indexes, v4 derived fields)', () => {
  it('keeps every record, drops the unused indexes, and the queries answer from the ones kept', async () => {
    const idb = isolatedIDB();
    const v2 = new Dexie('frontline', idb);
    v2.version(2).stores(SCHEMA_V2);
    const contact = {
      id: 'x:janedoe', platform: 'x', name: 'Jane Doe', handle: 'janedoe',
      firstSeenAt: T0, lastSeenAt: T0 + 20, lastPermalink: 'https://x.com/janedoe/status/2', searchWords: ['jane', 'doe', 'janedoe'],
    };
    const base = {
      contactId: 'x:janedoe', platform: 'x', cues: [], themes: ['refunds'], score: 0.9, complaint: true,
      signals: { brand: true, churn: false, abuse: false, question: false, urgency: false },
    };
    const interactions = [
      { ...base, id: 'https://x.com/janedoe/status/1', postId: '1', permalink: 'https://x.com/janedoe/status/1', text: 'refund please',
        severity: 4, status: 'resolved', firstSeenAt: T0, lastEventAt: T0 + 10, resolvedAt: T0 + 10 },
      { ...base, id: 'https://x.com/janedoe/status/2', postId: '2', permalink: 'https://x.com/janedoe/status/2', text: 'still no refund',
        severity: 2, status: 'waiting', firstSeenAt: T0 + 20, lastEventAt: T0 + 30, followUpAt: T0 + 40, followUpDone: false },
    ];
    const events = [
      { interactionId: interactions[0]!.id, contactId: 'x:janedoe', at: T0, type: 'flagged', severity: 4 },
      { interactionId: interactions[0]!.id, contactId: 'x:janedoe', at: T0 + 10, type: 'status', status: 'resolved' },
      { interactionId: interactions[1]!.id, contactId: 'x:janedoe', at: T0 + 20, type: 'flagged', severity: 2 },
      { interactionId: interactions[1]!.id, contactId: 'x:janedoe', at: T0 + 30, type: 'follow-up-set', dueAt: T0 + 40 },
    ];
    await v2.table('contacts').add(contact);
    await v2.table('interactions').bulkAdd(interactions);
    await v2.table('events').bulkAdd(events);
    v2.close();

    const v3 = new FrontlineDB('frontline', idb);
    await v3.open();
    expect(v3.verno).toBe(9);
    // Records unchanged but for v4's derived fields.
    expect(await v3.contacts.toArray()).toEqual([{ ...contact, interactionCount: 2, lastStatus: 'waiting', maxSeverity: 4, followUpDue: T0 + 40 }]);
    const own = (n: number) => events.filter((e) => e.interactionId === interactions[n]!.id).map(({ interactionId: _i, contactId: _c, ...e }) => e);
    expect(await allInteractionsById(v3)).toEqual([
      { ...interactions[0], events: own(0) },
      { ...interactions[1], followUpDue: T0 + 40, events: own(1) },
    ]);
    expect(await allEvents(v3)).toEqual(events);
    const indexes = (table: string) => v3.table(table).schema.indexes.map((i) => i.name).sort();
    expect(indexes('contacts')).toEqual(['lastSeenAt']);
    expect(indexes('histories')).toEqual(['due', 'idleSince', 'lastEventAt']);
    expect(v3.backendDB().objectStoreNames.contains('interactions')).toBe(false);
    expect(v3.backendDB().objectStoreNames.contains('events')).toBe(false);
    // The queries over the migrated data.
    expect(await contactSummary(v3, 'x:janedoe')).toEqual({ interactionCount: 2, lastStatus: 'waiting', maxSeverity: 4, followUpDue: T0 + 40 });
    expect(await recentContacts(v3, { limit: 5, query: 'jan' })).toMatchObject([{ id: 'x:janedoe', interactionCount: 2, maxSeverity: 4 }]);
    const history = await contactHistory(v3, 'x:janedoe', { limit: 1 });
    expect(history?.total).toBe(2);
    expect(history?.interactions.map((i) => i.postId)).toEqual(['2']);
    expect(history?.events.map((e) => e.type)).toEqual(['follow-up-set', 'flagged']);
    expect((await dueFollowUps(v3, T0 + 50)).map((d) => d.interaction.postId)).toEqual(['2']);
    v3.close();
  });
});

describe('schema v3 → v4', () => {
  it('computes each contact summary and the pending-only follow-up field from the stored records', async () => {
    const idb = isolatedIDB();
    const v3 = new Dexie('frontline', idb);
    v3.version(3).stores(SCHEMA_V3);
    const person = (id: string, name: string, handle: string) => ({
      id, platform: 'x', name, handle, firstSeenAt: T0, lastSeenAt: T0 + 100, lastPermalink: null, searchWords: [name.toLowerCase(), handle],
    });
    const base = {
      platform: 'x', cues: [], themes: ['refunds'], score: 0.9, complaint: true, text: 'refund please',
      signals: { brand: true, churn: false, abuse: false, question: false, urgency: false },
    };
    const row = (n: number, contactId: string, more: Record<string, unknown>) => ({
      ...base, id: `https://x.com/s/${n}`, postId: String(n), permalink: `https://x.com/s/${n}`, contactId, lastEventAt: T0 + 50, ...more,
    });
    const interactions = [
      // Jane: same first-seen time for two posts, so the latest is the higher id (index order).
      row(1, 'x:jane', { severity: 4, status: 'resolved', firstSeenAt: T0, resolvedAt: T0 + 5, followUpAt: T0 + 1, followUpDone: false }),
      row(3, 'x:jane', { severity: 1, status: 'waiting', firstSeenAt: T0 + 10, followUpAt: T0 + 20, followUpDone: false }),
      row(2, 'x:jane', { severity: 2, status: 'open', firstSeenAt: T0 + 10, followUpAt: T0 + 30, followUpDone: true }),
      row(4, 'x:bob', { severity: 3, status: 'open', firstSeenAt: T0 + 5 }),
    ];
    await v3.table('contacts').bulkAdd([person('x:jane', 'Jane', 'jane'), person('x:bob', 'Bob', 'bob'), person('x:nobody', 'Nobody', 'nobody')]);
    await v3.table('interactions').bulkAdd(interactions);
    await v3.table('events').add({ interactionId: interactions[0]!.id, contactId: 'x:jane', at: T0, type: 'flagged', severity: 4 });
    v3.close();

    const v4 = new FrontlineDB('frontline', idb);
    await v4.open();
    expect(v4.verno).toBe(9);
    const summary = async (id: string) => {
      const c = await v4.contacts.get(id);
      return { interactionCount: c?.interactionCount, lastStatus: c?.lastStatus, maxSeverity: c?.maxSeverity, followUpDue: c?.followUpDue };
    };
    expect(await summary('x:jane')).toEqual({ interactionCount: 3, lastStatus: 'waiting', maxSeverity: 4, followUpDue: T0 + 20 });
    expect(await summary('x:bob')).toEqual({ interactionCount: 1, lastStatus: 'open', maxSeverity: 3, followUpDue: undefined });
    expect(await summary('x:nobody')).toEqual({ interactionCount: 0, lastStatus: undefined, maxSeverity: 0, followUpDue: undefined });
    expect((await searchDirectory(v4, 'j', T0 + 100))?.due).toEqual(['x:jane']);
    // The stored summary agrees with one computed from the history.
    for (const id of ['x:jane', 'x:bob']) {
      const history = await contactHistory(v4, id);
      expect(await summary(id)).toMatchObject({ interactionCount: history!.total });
    }
    // Only the pending follow-up (set, not done, not resolved) is in the due index (v8: on the history).
    expect((await v4.histories.where('due').above([0]).toArray()).map((h) => h.due)).toEqual([[[T0 + 20, 'https://x.com/s/3']]]);
    expect((await getInteraction(v4, 'https://x.com/s/1'))?.followUpAt).toBe(T0 + 1);
    expect((await dueFollowUps(v4, T0 + 100)).map((d) => d.interaction.postId)).toEqual(['3']);
    expect((await allEvents(v4)).map((e) => [e.interactionId, e.type])).toEqual([[interactions[0]!.id, 'flagged']]);
    expect((await recentContacts(v4, { limit: 5 })).map((c) => [c.id, c.interactionCount])).toEqual([
      ['x:nobody', 0], ['x:jane', 3], ['x:bob', 1],
    ].sort((a, b) => (a[0]! < b[0]! ? 1 : -1)));
    v4.close();
  });
});

describe('schema v4 → v5 (events stored inside their interaction)', () => {
  it('moves every event into its interaction in the order written, and the queries and exports give the same answers', async () => {
    const idb = isolatedIDB();
    const v4 = new Dexie('frontline', idb);
    v4.version(4).stores(SCHEMA_V4);
    const base = {
      contactId: 'x:jane', platform: 'x', cues: [], themes: ['refunds'], score: 0.9, complaint: true, text: 'refund please',
      signals: { brand: true, churn: false, abuse: false, question: false, urgency: false },
    };
    const monday = T0 + 7 * DAY; // "now" for the counts: a week after T0
    const first = { ...base, id: 'https://x.com/jane/status/1', postId: '1', permalink: 'https://x.com/jane/status/1',
      severity: 4, status: 'resolved', firstSeenAt: T0, lastEventAt: monday + 60, resolvedAt: monday + 60, firstReplyAt: T0 + 10, lastReply: 'On it' };
    const second = { ...base, id: 'https://x.com/jane/status/2', postId: '2', permalink: 'https://x.com/jane/status/2',
      severity: 2, status: 'waiting', firstSeenAt: T0 + 20, lastEventAt: T0 + 30, followUpAt: T0 + 40, followUpDone: false, followUpDue: T0 + 40 };
    // A v4 log: one record per event, sequence numbers interleaving the two interactions.
    const events = [
      { interactionId: first.id, contactId: 'x:jane', at: T0, type: 'flagged', severity: 4 },
      { interactionId: first.id, contactId: 'x:jane', at: T0 + 10, type: 'reply-inserted', text: 'On it', templateId: 'apology' },
      { interactionId: second.id, contactId: 'x:jane', at: T0 + 20, type: 'flagged', severity: 2 },
      { interactionId: first.id, contactId: 'x:jane', at: T0 + 10, type: 'note', text: 'same moment as the reply' },
      { interactionId: second.id, contactId: 'x:jane', at: T0 + 30, type: 'follow-up-set', dueAt: T0 + 40 },
      { interactionId: first.id, contactId: 'x:jane', at: monday + 60, type: 'status', status: 'resolved' },
    ];
    const contact = {
      id: 'x:jane', platform: 'x', name: 'Jane', handle: 'jane', firstSeenAt: T0, lastSeenAt: T0 + 30, lastPermalink: null,
      searchWords: ['jane'], interactionCount: 2, lastStatus: 'waiting', maxSeverity: 4, followUpDue: T0 + 40,
    };
    await v4.table('contacts').add(contact);
    await v4.table('interactions').bulkAdd([first, second]);
    await v4.table('events').bulkAdd(events);
    v4.close();

    const v5 = new FrontlineDB('frontline', idb);
    await v5.open();
    expect(v5.verno).toBe(9);
    expect(v5.backendDB().objectStoreNames.contains('events')).toBe(false);
    // Records survive unchanged; each now holds its own events, in sequence order.
    const strip = (e: (typeof events)[number]) => {
      const { interactionId: _i, contactId: _c, ...rest } = e;
      return rest;
    };
    expect(await getInteraction(v5, first.id)).toEqual({ ...first, events: [events[0]!, events[1]!, events[3]!, events[5]!].map(strip) });
    expect(await getInteraction(v5, second.id)).toEqual({ ...second, events: [events[2]!, events[4]!].map(strip) });
    expect(await v5.contacts.get('x:jane')).toEqual(contact);
    // Same answers as v4 gave: the timeline newest first (same time: the later written first), the counts.
    const history = await contactHistory(v5, 'x:jane');
    expect(history?.events.map((e) => [e.at - T0, e.type])).toEqual([
      [monday + 60 - T0, 'status'], [30, 'follow-up-set'], [20, 'flagged'], [10, 'note'], [10, 'reply-inserted'], [0, 'flagged'],
    ]);
    expect(history?.events[0]).toMatchObject({ interactionId: first.id, contactId: 'x:jane' });
    expect((await countsFor(v5, monday + 100)).week).toEqual({ flagged: 0, replied: 0, resolved: 1, abusiveHandled: 0 });
    expect((await countsFor(v5, T0 + 100)).today).toEqual({ flagged: 2, replied: 1, resolved: 0, abusiveHandled: 0 });
    expect(await contactSummary(v5, 'x:jane')).toEqual({ interactionCount: 2, lastStatus: 'waiting', maxSeverity: 4, followUpDue: T0 + 40 });
    // An export of the migrated data lists the same events as the v4 store held, and restores.
    const file = await exportJSON(v5);
    expect(file.events).toHaveLength(events.length);
    expect(new Set(file.events.map((e) => JSON.stringify(e)))).toEqual(new Set(events.map((e) => JSON.stringify(e))));
    const copy = new FrontlineDB('copy', idb);
    expect(await importJSON(copy, JSON.stringify(file))).toMatchObject({ ok: true, events: { added: 6, skipped: 0 } });
    expect(await snapshot(copy)).toEqual(await snapshot(v5));
    copy.close();
    v5.close();
  });
});

describe('schema v5 → v6 (search directory, narrow follow-up index)', () => {
  it('builds the directory from every contact, drops the search indexes, and searches and due lists answer as before', async () => {
    const idb = isolatedIDB();
    const v5 = new Dexie('frontline', idb);
    v5.version(5).stores(SCHEMA_V5);
    const person = (handle: string, name: string, lastSeenAt: number, followUpDue?: number) => ({
      id: `x:${handle}`, platform: 'x', name, handle, firstSeenAt: T0, lastSeenAt, lastPermalink: null,
      searchWords: [...name.toLowerCase().split(' '), handle], interactionCount: 1, lastStatus: 'waiting', maxSeverity: 2,
      ...(followUpDue !== undefined ? { followUpDue } : {}),
    });
    // 300 people, so every shard holds several; two Janes, one with a promise due.
    const people = Array.from({ length: 300 }, (_, n) => person(`user${n}`, `User ${n}`, T0 + n));
    people.push(person('janedoe', 'Jane Doe', T0 + 1_000, T0 + 50), person('janeroe', 'Jane Roe', T0 + 2_000));
    const interaction = (contactId: string, n: number, more: Record<string, unknown> = {}) => ({
      id: `https://x.com/s/${n}`, contactId, platform: 'x', postId: String(n), permalink: `https://x.com/s/${n}`, text: 'refund please',
      severity: 2, score: 0.9, complaint: true, cues: [], themes: ['refunds'],
      signals: { brand: true, churn: false, abuse: false, question: false, urgency: false },
      status: 'waiting', firstSeenAt: T0 + n, lastEventAt: T0 + n, events: [{ at: T0 + n, type: 'flagged', severity: 2 }], ...more,
    });
    await v5.table('contacts').bulkAdd(people);
    await v5.table('interactions').bulkAdd([
      interaction('x:janedoe', 1),
      interaction('x:janedoe', 2, { followUpAt: T0 + 50, followUpDone: false, followUpDue: T0 + 50 }),
      interaction('x:janeroe', 3),
    ]);
    v5.close();

    const v6 = new FrontlineDB('frontline', idb);
    await v6.open();
    expect(v6.verno).toBe(9);
    // Records untouched.
    expect(await v6.contacts.orderBy('id').toArray()).toEqual([...people].sort((a, b) => (a.id < b.id ? -1 : 1)));
    // One directory row per contact, in its shard.
    const rows = await directoryEntries(v6);
    expect(rows.map((r) => r[1])).toEqual(people.map((p) => p.id).sort());
    for (const [shard, id] of rows) expect(shard).toBe(shardOf(id));
    expect(rows.find((r) => r[1] === 'x:janedoe')).toEqual([shardOf('x:janedoe'), 'x:janedoe', T0 + 1_000, T0 + 50, ' jane doe janedoe']);
    // Search and the due list answer from it: newest first, only the due promise.
    expect(await searchDirectory(v6, 'jane', T0 + 100)).toEqual({ newestFirst: ['x:janeroe', 'x:janedoe'], due: ['x:janedoe'], dueAt: [expect.any(Number)] });
    expect(await searchDirectory(v6, 'jane', T0 + 10)).toEqual({ newestFirst: ['x:janeroe', 'x:janedoe'], due: [], dueAt: [] });
    expect((await recentContacts(v6, { limit: 5, query: 'do ja' })).map((c) => c.id)).toEqual(['x:janedoe']);
    // Their history record (v8) lists the pending follow-up only.
    expect((await v6.histories.get('x:janedoe'))?.due).toEqual([[T0 + 50, 'https://x.com/s/2']]);
    const indexes = (table: string) => v6.table(table).schema.indexes.map((i) => i.name).sort();
    expect(indexes('contacts')).toEqual(['lastSeenAt']);
    v6.close();
  });
});

describe('schema v7 → v8 (a person\'s interactions in one history record)', () => {
  it('moves every interaction into its person\'s history, slice by slice, and exports the same bytes as before', async () => {
    setClock(fixedClock(T0 + 90 * DAY));
    try {
      const idb = isolatedIDB();
      const v7 = new Dexie('frontline', idb);
      v7.version(7).stores(SCHEMA_V7);
      // More people than one upgrade slice holds (2,000), one customer with 300 posts, and an
      // interaction whose contact is gone (kept, as the v7 store kept it).
      const data = generateRecords({ contacts: 2_300, interactions: 5_000, now: T0 + 60 * DAY, seed: 7 });
      const orphan: StoredInteraction = { ...data.interactions[0]!, id: 'https://x.com/gone/status/1', contactId: 'x:gone-person' };
      const interactions = [...data.interactions, orphan];
      const correction = { id: data.interactions[1]!.id, text: 'not a complaint', level: 0, detected: 2, at: T0 } as const;
      await v7.table('contacts').bulkAdd(data.contacts);
      await v7.table('interactions').bulkAdd(interactions);
      await v7.table('directory').bulkAdd([...buildShards(data.contacts).values()]);
      await v7.table('corrections').add(correction);
      v7.close();
      // What the v7 export wrote: each store in key order, events flat after the interactions.
      const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
      const before = JSON.stringify({
        format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: T0 + 90 * DAY,
        contacts: byId(data.contacts),
        interactions: byId(interactions).map(withoutEvents),
        events: byId(interactions).flatMap((i) => i.events.map((e) => withOwner(i, e))),
        corrections: [correction],
      });

      const v8 = new FrontlineDB('frontline', idb);
      await v8.open();
      expect(v8.verno).toBe(9);
      expect(v8.backendDB().objectStoreNames.contains('interactions')).toBe(false);
      // Every interaction, unchanged, in its person's history; one record per person.
      expect(await allInteractionsById(v8)).toEqual(byId(interactions));
      expect(await v8.histories.count()).toBe(new Set(interactions.map((i) => i.contactId)).size);
      expect((await interactionsOf(v8, data.heavyContactId)).length).toBe(interactions.filter((i) => i.contactId === data.heavyContactId).length);
      expect((await interactionsOf(v8, data.heavyContactId)).length).toBeGreaterThanOrEqual(HEAVY_INTERACTIONS);
      await expectHistoriesInStep(v8, expect);
      await expectDirectoryInStep(v8, expect);
      // The export file is byte for byte the v7 one, streamed or not, and it restores.
      expect(JSON.stringify(await exportJSON(v8))).toBe(before);
      expect((await exportJSONParts(v8, { chunk: 700 })).join('')).toBe(before);
      const copy = new FrontlineDB('copy', idb);
      // (The orphan's contact is in neither the file nor the copy: restore the rest.)
      const file = JSON.parse(before) as { interactions: Array<{ id: string }>; events: Array<{ interactionId: string }> };
      file.interactions = file.interactions.filter((i) => i.id !== orphan.id);
      file.events = file.events.filter((e) => e.interactionId !== orphan.id);
      expect(await importJSON(copy, JSON.stringify(file))).toMatchObject({ ok: true, interactions: { added: interactions.length - 1 } });
      expect(await interactionsOf(copy, data.heavyContactId)).toEqual(await interactionsOf(v8, data.heavyContactId));
      await expectHistoriesInStep(copy, expect);
      copy.close();
      v8.close();
    } finally {
      setClock(null);
    }
  }, 60_000);
});
