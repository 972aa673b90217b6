import { IDBObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  applyRetention,
  ExportFileSchema,
  describeIssue,
  contactHistory,
  contactSummary,
  deleteAllData,
  exportCSV,
  exportJSON,
  importJSON,
  interactionIdFor,
  markResolved,
  recordEvent,
  recordPosts,
  type ExportFile,
  type Progress,
  withoutEvents,
} from '../../../lib/db';
import { DAY, HOUR, T0, allEvents, freshDB, post, snapshot, verdict } from './helpers';
import { countInteractions, getInteraction } from '../../../lib/db/histories';
import { generateRecords } from '../../../bench/db/generate-records';

/** A small but complete log: three customers, replies, a note, a follow-up, a resolution. */
async function seeded() {
  const db = freshDB();
  const posts = [
    post({ author: 'Ann', handle: '@ann', text: 'Charged twice!' }),
    post({ author: 'Ann', handle: '@ann', text: 'Still no refund, I am cancelling' }),
    post({ author: 'Ben', handle: '@ben', platform: 'reddit', text: 'App crashes on login' }),
    post({ author: 'Cat', handle: '', permalink: null, platform: 'wordpress', text: 'Delivery is late again' }),
  ];
  for (const [n, p] of posts.entries()) await recordPosts(db, [{ post: p, verdict: verdict(n === 1 ? 4 : 2) }], T0 + n * DAY);
  const [a, , b] = posts.map(interactionIdFor) as [string, string, string, string];
  await recordEvent(db, { interactionId: a, type: 'reply-inserted', text: 'Hi Ann, checking now', templateId: 't1', at: T0 + HOUR });
  await recordEvent(db, { interactionId: a, type: 'note', text: 'Refund ticket 123', at: T0 + 2 * HOUR });
  await recordEvent(db, { interactionId: b, type: 'follow-up-set', dueAt: T0 + 5 * DAY, at: T0 + 2 * DAY + HOUR });
  await markResolved(db, a, T0 + DAY);
  return { db, posts };
}

describe('export and import', () => {
  it('restores identical data after export → delete everything → import', async () => {
    const { db } = await seeded();
    const before = await snapshot(db);
    const file = await exportJSON(db);
    expect(file).toMatchObject({ format: 'frontline-export', version: 1 });

    await deleteAllData(db);
    expect(await countInteractions(db)).toBe(0);
    // Through text, as a file on disk would come back.
    const result = await importJSON(db, JSON.stringify(file));
    expect(result).toMatchObject({ ok: true, contacts: { added: 3 }, interactions: { added: 4 }, events: { added: 8, skipped: 0 } });
    expect(await snapshot(db)).toEqual(before);
  });

  it('merges into existing data without duplicates, keeping the more recent copy', async () => {
    const { db, posts } = await seeded();
    const file = await exportJSON(db);
    // After the export the agent keeps working: the database copy is now newer.
    const b = interactionIdFor(posts[2]!);
    await markResolved(db, b, T0 + 6 * DAY);

    const result = await importJSON(db, file);
    expect(result).toMatchObject({ ok: true, contacts: { added: 0 }, interactions: { added: 0, updated: 0 }, events: { added: 0, skipped: 8 } });
    expect((await getInteraction(db, b))?.status).toBe('resolved');
    expect(await allEvents(db)).toHaveLength(9);

    // Another agent's export with a newer state of Ann's first post merges in.
    const theirs: ExportFile = structuredClone(file);
    const annFirst = theirs.interactions.find((i) => i.id === interactionIdFor(posts[0]!))!;
    Object.assign(annFirst, { status: 'waiting', lastEventAt: T0 + 7 * DAY });
    theirs.events.push({ interactionId: annFirst.id, contactId: annFirst.contactId, at: T0 + 7 * DAY, type: 'status', status: 'waiting' });
    const merged = await importJSON(db, theirs);
    expect(merged).toMatchObject({ ok: true, interactions: { updated: 1 }, events: { added: 1, skipped: 8 } });
    expect((await getInteraction(db, annFirst.id))?.status).toBe('waiting');
  });

  it.each([
    ['a wrong version', (f: any) => ({ ...f, version: 2 }), 'version: unsupported export version (this Frontline reads version 1)'],
    ['another format', (f: any) => ({ ...f, format: 'csv' }), 'format: not a Frontline export'],
    ['a bad severity', (f: any) => ({ ...f, interactions: f.interactions.map((i: any, n: number) => (n === 2 ? { ...i, severity: 7 } : i)) }), 'interactions[2].severity: expected 0..4'],
    ['a missing table', (f: any) => ({ ...f, events: undefined }), 'events:'],
    ['an event of an unknown interaction', (f: any) => ({ ...f, events: [...f.events, { ...f.events[0], interactionId: 'https://gone' }] }), 'events[8].interactionId: no interaction "https://gone"'],
  ])('refuses a file with %s, names the problem and changes nothing', async (_, corrupt, message) => {
    const { db } = await seeded();
    const file = await exportJSON(db);
    await Promise.all([db.histories.clear(), db.locator.clear()]); // so a partial write would show
    const before = await snapshot(db);
    const result = await importJSON(db, corrupt(file));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain(message);
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses a truncated file', async () => {
    const { db } = await seeded();
    const text = JSON.stringify(await exportJSON(db));
    await deleteAllData(db);
    const result = await importJSON(db, text.slice(0, Math.floor(text.length / 2)));
    expect(result).toEqual({ ok: false, cancelled: false, error: 'the file is not valid JSON (it may be truncated)' });
    expect(await snapshot(db)).toEqual({ contacts: [], interactions: [], events: [], directory: [] });
  });

  it('a cancelled import leaves the database exactly as before, even after writing some tables', async () => {
    const { db } = await seeded();
    const file = await exportJSON(db);
    await deleteAllData(db);
    await recordPosts(db, [{ post: post({ author: 'Dan', handle: '@dan' }), verdict: verdict(1) }], T0 + 9 * DAY);
    const before = await snapshot(db);

    const controller = new AbortController();
    const seen: Progress[] = [];
    const result = await importJSON(db, file, {
      signal: controller.signal,
      onProgress: (p) => {
        seen.push(p);
        // Contacts and interactions are written by now; the user presses cancel.
        if (p.phase === 'events') controller.abort();
      },
    });
    expect(result).toEqual({ ok: false, cancelled: true, error: 'Import cancelled; nothing was changed' });
    expect(seen.map((p) => p.phase)).toContain('interactions');
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('restore into an empty database (schema v8: histories written in chunks)', () => {
  it('reports progress as the histories are written, and Cancel part-way leaves the database empty', async () => {
    const data = generateRecords({ contacts: 1_500, interactions: 3_000, now: T0, seed: 5 });
    const text = JSON.stringify({
      format: 'frontline-export', version: 1, exportedAt: T0,
      contacts: data.contacts, interactions: data.interactions.map(withoutEvents), events: data.events, corrections: [],
    });
    const db = freshDB();
    const controller = new AbortController();
    const seen: Progress[] = [];
    const result = await importJSON(db, text, {
      signal: controller.signal,
      onProgress: (p) => {
        seen.push(p);
        // The first chunk of histories is with IndexedDB; the user presses Cancel.
        if (p.phase === 'interactions' && p.done > 0) controller.abort();
      },
    });
    expect(result).toEqual({ ok: false, cancelled: true, error: 'Import cancelled; nothing was changed' });
    expect(seen.some((p) => p.phase === 'interactions' && p.done > 0 && p.done < p.total)).toBe(true);
    expect([await db.contacts.count(), await db.histories.count(), await db.locator.count(), await db.directory.count()]).toEqual([0, 0, 0, 0]);
    // Not cancelled, the same file restores every interaction, with progress to the end.
    const done: Progress[] = [];
    expect(await importJSON(db, text, { onProgress: (p) => done.push(p) })).toMatchObject({ ok: true, interactions: { added: 3_000 }, events: { added: data.events.length } });
    expect(done.filter((p) => p.phase === 'interactions').at(-1)).toEqual({ phase: 'interactions', done: 3_000, total: 3_000 });
    expect(await countInteractions(db)).toBe(3_000);
    expect(await allEvents(db)).toHaveLength(data.events.length);
  }, 60_000);
});

describe('restore into an empty database: the writes overlap (issue 22, branch query4)', () => {
  afterEach(() => vi.restoreAllMocks());
  const fileOf = (data: ReturnType<typeof generateRecords>) =>
    JSON.stringify({
      format: 'frontline-export', version: 1, exportedAt: T0,
      contacts: data.contacts, interactions: data.interactions.map(withoutEvents), events: data.events, corrections: [],
    });
  /** Every add() made, by store, and every contact add confirmed, in the order they happened. */
  function watchAdds(failAt?: { store: string; nth: number }) {
    const seen: string[] = [];
    const counts = new Map<string, number>();
    const seenValues = new Map<string, unknown>();
    const add = IDBObjectStore.prototype.add;
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      const n = (counts.get(this.name) ?? 0) + 1;
      counts.set(this.name, n);
      seen.push(`add ${this.name}`);
      // A record the store already holds: IndexedDB refuses it (ConstraintError), as it would a full disk.
      const request = failAt?.store === this.name && failAt.nth === n ? add.call(this, (seenValues.get(this.name) as unknown) ?? value, key) : add.call(this, value, key);
      if (!seenValues.has(this.name)) seenValues.set(this.name, value);
      if (this.name === 'contacts') request.addEventListener('success', () => seen.push('ok contacts'));
      return request;
    });
    return seen;
  }

  it('hands the histories to IndexedDB while it is still writing the contacts', async () => {
    const data = generateRecords({ contacts: 1_500, interactions: 3_000, now: T0, seed: 7 });
    const db = freshDB();
    const seen = watchAdds();
    expect(await importJSON(db, fileOf(data))).toMatchObject({ ok: true, contacts: { added: 1_500 }, interactions: { added: 3_000 } });
    // Before: the first history was asked for only once the last contact was confirmed.
    expect(seen.indexOf('add histories')).toBeGreaterThan(-1);
    expect(seen.indexOf('add histories')).toBeLessThan(seen.lastIndexOf('ok contacts'));
    expect(await countInteractions(db)).toBe(3_000);
  }, 60_000);

  it('a write refused part-way, with chunks still in flight, leaves the database empty and says why', async () => {
    const data = generateRecords({ contacts: 2_500, interactions: 5_000, now: T0, seed: 8 });
    const db = freshDB();
    // The 1,500th history: its chunk is the second of three, the third already handed over.
    watchAdds({ store: 'histories', nth: 1_500 });
    const result = await importJSON(db, fileOf(data));
    expect(result).toMatchObject({ ok: false, cancelled: false });
    expect(!result.ok && result.error).toMatch(/^import failed: /);
    vi.restoreAllMocks();
    expect([await db.contacts.count(), await db.histories.count(), await db.locator.count(), await db.directory.count()]).toEqual([0, 0, 0, 0]);
    // Nothing half-written stands in the way: the same file then restores whole.
    expect(await importJSON(db, fileOf(data))).toMatchObject({ ok: true, interactions: { added: 5_000 } });
  }, 60_000);
});

describe('a restore refuses a bad record anywhere in a big file, before writing anything', () => {
  it('names the record and the field as zod does, and leaves the database empty', async () => {
    const data = generateRecords({ contacts: 1_500, interactions: 3_000, now: T0, seed: 6 });
    const file = {
      format: 'frontline-export', version: 1, exportedAt: T0,
      contacts: data.contacts, interactions: data.interactions.map(withoutEvents), events: data.events, corrections: [],
    };
    const db = freshDB();
    const bad: Array<[(f: typeof file) => void, string]> = [
      [(f) => ((f.interactions[2_999] as { permalink: string }).permalink = 'javascript:alert(1)'), 'interactions[2999].permalink: expected an http(s) link'],
      [(f) => ((f.events[4_000] as { type: string }).type = 'deleted'), 'events[4000].type: '],
      [(f) => ((f.contacts[1_499] as { firstSeenAt: number }).firstSeenAt = -1), 'contacts[1499].firstSeenAt: '],
      [(f) => ((f.interactions[1_000] as { signals: unknown }).signals = { brand: true }), 'interactions[1000].signals.churn: '],
    ];
    for (const [spoil, message] of bad) {
      const spoilt = structuredClone(file);
      spoil(spoilt);
      const result = await importJSON(db, JSON.stringify(spoilt));
      expect(result.ok, message).toBe(false);
      // zod's own words for the first bad field, whatever checked the records before it.
      expect(!result.ok && result.error, message).toBe(describeIssue(ExportFileSchema.safeParse(spoilt).error!));
      expect(!result.ok && result.error, message).toContain(message);
      expect([await db.contacts.count(), await db.histories.count(), await db.locator.count(), await db.directory.count()]).toEqual([0, 0, 0, 0]);
    }
    // Unspoilt, the same file restores every record.
    expect(await importJSON(db, JSON.stringify(file))).toMatchObject({ ok: true, interactions: { added: 3_000 }, events: { added: data.events.length } });
  }, 60_000);
});

describe('exportCSV', () => {
  it('quotes per RFC 4180 and neutralises formulas in customer text', async () => {
    const db = freshDB();
    await recordPosts(db, [
      { post: post({ author: '=HYPERLINK("http://evil","click")', handle: '@evil', text: '+1 "great", said\nnobody' }), verdict: verdict(2) },
      { post: post({ author: '@sum', handle: '@sum2', text: '-2+3' }), verdict: verdict(2) },
    ], T0);
    const contacts = await exportCSV(db, 'contacts');
    const lines = contacts.split('\r\n');
    expect(lines[0]).toBe('id,platform,name,handle,firstSeenAt,lastSeenAt,lastPermalink');
    expect(contacts).toContain(`,"'=HYPERLINK(""http://evil"",""click"")",evil,`);
    expect(contacts).toContain(`,'@sum,sum2,`);

    const interactions = await exportCSV(db, 'interactions');
    expect(interactions).toContain(`,"'+1 ""great"", said\nnobody",2,0.9,true,`);
    expect(interactions).toContain(`,'-2+3,`);
    expect(interactions).toContain(',2026-11-02T09:00:00.000Z,');
    // No cell starts with a bare formula character.
    expect(interactions).not.toMatch(/(^|,)"?[=+\-@]/m);
  });
});

describe('retention', () => {
  it('forgets interactions, their events and orphaned contacts older than the limit', async () => {
    const { db, posts } = await seeded();
    // Ben's post is old, but the agent was still working on it on day 10: it stays.
    await recordEvent(db, { interactionId: interactionIdFor(posts[2]!), type: 'note', text: 'Called him', at: T0 + 10 * DAY });
    // Ann's posts: day 0 (resolved day 1) and day 1; Ben day 2; Cat day 3. Keep 30 days, now = day 32.5.
    const result = await applyRetention(db, 30, T0 + 32 * DAY + 12 * HOUR);
    expect(result).toEqual({ interactions: 2, events: 5, contacts: 1 });
    expect((await db.contacts.toArray()).map((c) => c.name).sort()).toEqual(['Ben', 'Cat']);
    expect(await allEvents(db)).toHaveLength(4);
  });
});

describe('files from earlier schemas and append-only events', () => {
  /** Exactly what Frontline wrote with schema v4 (events in their own store, numbered by seq). */
  const v4File = {
    format: 'frontline-export', version: 1, exportedAt: T0 + 3 * DAY,
    contacts: [{ id: 'x:ann', platform: 'x', name: 'Ann', handle: 'ann', firstSeenAt: T0, lastSeenAt: T0 + DAY, lastPermalink: 'https://x.com/ann/status/2',
      searchWords: ['ann'], interactionCount: 2, lastStatus: 'open', maxSeverity: 3 }],
    interactions: [
      { id: 'https://x.com/ann/status/1', contactId: 'x:ann', platform: 'x', postId: '1', permalink: 'https://x.com/ann/status/1', text: 'Charged twice!',
        severity: 3, score: 0.9, complaint: true, signals: { brand: true, churn: false, abuse: false, question: false, urgency: false }, cues: [], themes: ['billing'],
        status: 'resolved', firstSeenAt: T0, lastEventAt: T0 + 2 * HOUR, firstReplyAt: T0 + HOUR, lastReply: 'Refunded', resolvedAt: T0 + 2 * HOUR },
      { id: 'https://x.com/ann/status/2', contactId: 'x:ann', platform: 'x', postId: '2', permalink: 'https://x.com/ann/status/2', text: 'Thanks, one more thing',
        severity: 1, score: 0.6, complaint: true, signals: { brand: true, churn: false, abuse: false, question: true, urgency: false }, cues: [], themes: [],
        status: 'open', firstSeenAt: T0 + DAY, lastEventAt: T0 + DAY },
    ],
    events: [
      { seq: 1, interactionId: 'https://x.com/ann/status/1', contactId: 'x:ann', at: T0, type: 'flagged', severity: 3 },
      { seq: 2, interactionId: 'https://x.com/ann/status/1', contactId: 'x:ann', at: T0 + HOUR, type: 'reply-inserted', text: 'Refunded', templateId: 'refund' },
      { seq: 4, interactionId: 'https://x.com/ann/status/2', contactId: 'x:ann', at: T0 + DAY, type: 'flagged', severity: 1 },
      { seq: 3, interactionId: 'https://x.com/ann/status/1', contactId: 'x:ann', at: T0 + 2 * HOUR, type: 'status', status: 'resolved' },
    ],
  };

  it('imports an export made by schema v4 (events as their own list, with sequence numbers)', async () => {
    const db = freshDB();
    const result = await importJSON(db, JSON.stringify(v4File));
    expect(result).toMatchObject({ ok: true, contacts: { added: 1 }, interactions: { added: 2 }, events: { added: 4, skipped: 0 } });
    const history = await contactHistory(db, 'x:ann');
    expect(history?.events.map((e) => e.type)).toEqual(['flagged', 'status', 'reply-inserted', 'flagged']);
    expect(await contactSummary(db, 'x:ann')).toMatchObject({ interactionCount: 2, lastStatus: 'open', maxSeverity: 3 });
    // Exported again, it is the same data (events without the old store's numbers).
    const again = await exportJSON(db);
    const bare = ({ seq: _s, ...e }: (typeof v4File.events)[number]) => e;
    expect(new Set(again.events.map((e) => JSON.stringify(e)))).toEqual(new Set(v4File.events.map((e) => JSON.stringify(bare(e)))));
    expect(again.interactions).toEqual(v4File.interactions);
    // And importing the old file a second time adds nothing.
    expect(await importJSON(db, JSON.stringify(v4File))).toMatchObject({ ok: true, interactions: { added: 0, updated: 0 }, events: { added: 0, skipped: 4 } });
  });

  it('a merge only appends events: the stored log keeps its entries and order, new ones go after them', async () => {
    const { db, posts } = await seeded();
    const a = interactionIdFor(posts[0]!);
    const storedLog = (await getInteraction(db, a))!.events;
    // A file holding only a newer event of an interaction it does not list (it is in the database).
    const file = {
      format: 'frontline-export', version: 1, exportedAt: T0 + 9 * DAY, contacts: [], interactions: [],
      events: [
        { interactionId: a, contactId: 'x:ann', at: T0 - HOUR, type: 'note', text: 'written earlier on another machine' },
        { interactionId: a, contactId: 'x:ann', at: T0, type: 'flagged', severity: 2 },
      ],
    };
    const result = await importJSON(db, file);
    expect(result).toMatchObject({ ok: true, interactions: { added: 0, updated: 0 }, events: { added: 1, skipped: 1 } });
    const log = (await getInteraction(db, a))!.events;
    expect(log.slice(0, storedLog.length)).toEqual(storedLog);
    expect(log.slice(storedLog.length)).toEqual([{ at: T0 - HOUR, type: 'note', text: 'written earlier on another machine' }]);
    // The timeline still reads in time order.
    const history = await contactHistory(db, 'x:ann');
    expect(history?.events.at(-1)).toMatchObject({ type: 'note', at: T0 - HOUR });
  });
});
