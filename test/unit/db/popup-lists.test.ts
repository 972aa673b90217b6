import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { interactionIdFor, markResolved, popupLists, POPUP_DUE_LIMIT, recordEvent, recordPosts, type FrontlineDB, type ListFilters } from '../../../lib/db';
import { HOUR, T0, freshDB, post, verdict } from './helpers';
import { allInteractions } from '../../../lib/db/histories';

const ANY: ListFilters = { query: '', platform: '', status: '' };

let db: FrontlineDB;
beforeEach(() => {
  db = freshDB();
});
afterEach(() => db.close());

/** A flagged post by `author` seen at `at`, with a follow-up due at `dueAt` when given. */
async function seen(author: string, at: number, dueAt?: number, platform: 'x' | 'reddit' = 'x') {
  const p = post({ author, handle: `@${author.toLowerCase().replace(/ /g, '')}`, platform });
  await recordPosts(db, [{ post: p, verdict: verdict(3) }], at);
  const id = interactionIdFor(p);
  if (dueAt !== undefined) await recordEvent(db, { interactionId: id, type: 'follow-up-set', dueAt, at });
  return id;
}

describe('popupLists: what the popup shows, read as one plain query', () => {
  it('says the database is empty, so the popup can show how to start', async () => {
    expect(await popupLists(db, ANY, T0)).toEqual({ due: [], dueTotal: 0, recent: [], hasAny: false });
  });

  it('lists due follow-ups oldest first with their people, and everyone newest first', async () => {
    await seen('Ann Lee', T0 - 5 * HOUR, T0 - 1 * HOUR);
    await seen('Bob Stone', T0 - 4 * HOUR, T0 - 3 * HOUR);
    await seen('Cat Diaz', T0 - 2 * HOUR, T0 + 5 * HOUR); // promised for later: not due yet
    const lists = await popupLists(db, ANY, T0);
    expect(lists.due.map((d) => d.contact?.name)).toEqual(['Bob Stone', 'Ann Lee']);
    expect(lists.dueTotal).toBe(2);
    expect(lists.recent.map((c) => c.name)).toEqual(['Cat Diaz', 'Bob Stone', 'Ann Lee']);
    expect(lists.hasAny).toBe(true);
  });

  it('shows at most POPUP_DUE_LIMIT due rows but counts them all', async () => {
    for (let n = 0; n < POPUP_DUE_LIMIT + 3; n++) await seen(`Person ${n}`, T0 - 10 * HOUR, T0 - HOUR - n);
    const lists = await popupLists(db, ANY, T0);
    expect(lists.due).toHaveLength(POPUP_DUE_LIMIT);
    expect(lists.dueTotal).toBe(POPUP_DUE_LIMIT + 3);
  });

  it('a search, a platform or a status narrows both lists; a resolved follow-up is no longer due', async () => {
    const ann = await seen('Ann Lee', T0 - 5 * HOUR, T0 - HOUR);
    await seen('Bob Stone', T0 - 4 * HOUR, T0 - 2 * HOUR, 'reddit');
    const search = await popupLists(db, { ...ANY, query: 'ann' }, T0);
    expect(search.due.map((d) => d.contact?.name)).toEqual(['Ann Lee']);
    expect(search.recent.map((c) => c.name)).toEqual(['Ann Lee']);
    const reddit = await popupLists(db, { ...ANY, platform: 'reddit' }, T0);
    expect(reddit.due.map((d) => d.contact?.name)).toEqual(['Bob Stone']);
    expect(reddit.recent.map((c) => c.name)).toEqual(['Bob Stone']);

    await markResolved(db, ann, T0);
    const after = await popupLists(db, { ...ANY, query: 'ann' }, T0);
    expect(after.due).toEqual([]);
    expect((await popupLists(db, { ...ANY, status: 'resolved' }, T0)).recent.map((c) => c.name)).toEqual(['Ann Lee']);
  });

  it('a search with many people due shows the earliest POPUP_DUE_LIMIT and counts all, reading only the histories of the people shown', async () => {
    // Every read request on histories (middleware registered before the database opens): a
    // query, or the keys of a get.
    const reads: string[] = [];
    db.use({
      stack: 'dbcore',
      name: 'WatchReads',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          if (name !== 'histories') return table;
          return {
            ...table,
            query: (req) => (reads.push(req.values ? 'query' : 'keys'), table.query(req)),
            count: (req) => (reads.push('count'), table.count(req)),
            getMany: (req) => (reads.push(...req.keys.map(String)), table.getMany(req)),
            get: (req) => (reads.push(String(req.key)), table.get(req)),
          };
        },
      }),
    });
    // 50 Kims due at different times, one with a second post due; two tied at the cut.
    for (let n = 0; n < 50; n++) await seen(`Kim Number${n}`, T0 - 50 * HOUR, T0 - 40 * HOUR + (n === 19 || n === 20 ? 19 : n) * 60_000);
    const second = post({ author: 'Kim Number3', handle: '@kimnumber3', permalink: 'https://x.com/kimnumber3/status/77' });
    await recordPosts(db, [{ post: second, verdict: verdict(3) }], T0 - 30 * HOUR);
    await recordEvent(db, { interactionId: interactionIdFor(second), type: 'follow-up-set', dueAt: T0 - 2 * HOUR, at: T0 - 30 * HOUR });
    await seen('Ann Lee', T0 - 5 * HOUR, T0 - 45 * HOUR); // due, but not a Kim

    reads.length = 0;
    const lists = await popupLists(db, { ...ANY, query: 'kim' }, T0);
    const during = [...reads];
    // The exact answer: every Kim's due follow-ups, oldest due first (ties by interaction id), the first 20.
    const expected = (await allInteractions(db))
      .filter((i) => i.contactId.startsWith('x:kim') && i.followUpDue !== undefined && i.followUpDue <= T0)
      .sort((a, b) => a.followUpDue! - b.followUpDue! || (a.id < b.id ? -1 : 1));
    expect(expected).toHaveLength(51);
    expect(lists.due.map((d) => d.interaction.id)).toEqual(expected.slice(0, POPUP_DUE_LIMIT).map((i) => i.id));
    expect(lists.due.every((d) => d.contact?.name.startsWith('Kim'))).toBe(true);
    expect(lists.dueTotal).toBe(51);
    // Histories (schema v8: one record per person) only of the Kims whose follow-ups can be shown:
    // the 20 earliest due and the one tied with the 20th. The other 29 are counted on the due
    // index's keys, one request, no history read (issue 22, branch query3: "h" on the bench data
    // read 76 histories per keystroke).
    const histories = during.filter((r) => r !== 'query' && r !== 'keys' && r !== 'count');
    expect(during.filter((r) => r === 'query' || r === 'count')).toEqual([]);
    expect(during.filter((r) => r === 'keys')).toHaveLength(1);
    expect(histories.every((id) => id.startsWith('x:kim'))).toBe(true);
    expect(new Set(histories).size).toBe(POPUP_DUE_LIMIT + 1);
  });
});
