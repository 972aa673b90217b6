// A global IndexedDB: Dexie's live queries run only where one exists (each test still opens its own).
import 'fake-indexeddb/auto';
import { liveQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import { matchDirectory, recordPosts, searchDirectory, searchWordsFor, type Contact } from '../../../lib/db';
import { buildShards } from '../../../lib/db/directory';
import { buildDirectoryIndex, idOf, matchIndex, wordsOf, type MatchWork } from '../../../lib/db/directory-index';
import { DAY, T0, freshDB, post, verdict } from './helpers';

/** mulberry32: the same directory on every run. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Nadia', 'Nadine', 'Tom', 'Tomás', 'Priya', 'Lukas', 'Mei', 'Omar', 'Zoë', 'Ivan', 'Ana', 'Anja'];
const LAST = ['Park', 'Parker', 'Okafor', 'Nguyen', 'Lind', 'Lindqvist', 'Ó Briain', 'Haddad', 'Berg', 'de la Cruz'];

/** People with shared first names, prefixes of each other (Nadia/Nadine, Park/Parker), accents, many-word names, equal times. */
function generatedPeople(count: number, seed: number): Contact[] {
  const random = seeded(seed);
  const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  return Array.from({ length: count }, (_, n) => {
    const name = `${pick(FIRST)} ${pick(LAST)}`;
    const handle = random() < 0.5 ? `${name.toLowerCase().replace(/\W+/g, '_')}${n}` : `${pick(['cx', 'user', 'nad'])}${n}`;
    const lastSeenAt = T0 - Math.floor(random() * 30) * DAY; // many ties: order then falls to the id
    const due = random() < 0.05 ? T0 + Math.floor(random() * 4 - 2) * DAY : undefined;
    return {
      id: `x:${handle}`, platform: 'x', name, handle, firstSeenAt: lastSeenAt, lastSeenAt, lastPermalink: null,
      searchWords: searchWordsFor(name, handle), ...(due !== undefined ? { followUpDue: due } : {}),
    } satisfies Contact;
  });
}

const people = generatedPeople(4_000, 20261206);
const shards = [...buildShards(people).values()];
const index = buildDirectoryIndex(shards);

/** Queries of every shape, drawn from the people themselves: prefixes of 1–3 of someone's words, in any order. */
function generatedQueries(count: number, seed: number): string[] {
  const random = seeded(seed);
  const out = ['n', 'nadi', 'nadia pa', 'nadia park', 'park nadia', 'tomas', 'zoe', 'o briain', 'ana de la', 'nad', 'xyz', 'nadia qq', '@cx12', 'user1 ivan'];
  for (let q = 0; q < count; q++) {
    const words = people[Math.floor(random() * people.length)]!.searchWords!;
    const picked = words.filter(() => random() < 0.6).slice(0, 3);
    out.push(picked.map((w) => w.slice(0, 1 + Math.floor(random() * w.length))).reverse().join(' '));
  }
  return out;
}

describe('search directory index', () => {
  it('finds exactly the people the plain scan finds, newest first, with the same follow-ups due', () => {
    const queries = generatedQueries(300, 7);
    let nonEmpty = 0;
    for (const query of queries) {
      const fast = matchIndex(index, query, T0);
      const plain = matchDirectory(shards, query, T0);
      expect(fast?.newestFirst, query).toEqual(plain?.newestFirst);
      expect(fast?.due.slice().sort(), query).toEqual(plain?.due.slice().sort());
      if (plain && plain.newestFirst.length > 0) nonEmpty++;
    }
    // The comparison means something only if most queries find people.
    expect(nonEmpty).toBeGreaterThan(250);
    expect(matchIndex(index, ' ,. ', T0)).toBeUndefined();
  });

  it('checks only the rows holding the longest token: a first name and the start of a last name reads a fraction of the directory', () => {
    const cost = (query: string) => {
      const work: MatchWork = { rowsExamined: -1 };
      const found = matchIndex(index, query, T0, work)!;
      return { work: work.rowsExamined, found: found.newestFirst.length };
    };
    const rowsWith = (token: string) => matchDirectory(shards, token, T0)!.newestFirst.length;
    for (const [query, lead] of [['nadia pa', 'nadia'], ['lindqvist tom', 'lindqvist'], ['o briain zo', 'briain']] as const) {
      // Each row is looked at once, however many of its words hold the token.
      expect(cost(query).work, query).toBe(rowsWith(lead));
      expect(cost(query).work, query).toBeLessThan(people.length / 5);
    }
    // A second word nobody holds ends the walk at the first row: a common first name followed by a
    // typo or a stranger's name does not walk every row of the first name (issue 22, branch query3).
    expect(cost('nadia qqq')).toEqual({ work: 1, found: 0 });
    // A handle typed out reads its own row and little else.
    const handle = people.find((p) => p.handle.startsWith('cx'))!.handle;
    expect(cost(handle)).toEqual({ work: expect.any(Number), found: 1 });
    expect(cost(handle).work).toBeLessThanOrEqual(4);
  });

  it('is kept as a handful of values whatever the number of people: no string or array per person', () => {
    // Kept for the page's life: as arrays of ids and words it was ~40,000 objects on the bench data
    // for every collection to trace (issue 22, branch query3).
    const values = (value: unknown): number => {
      if (typeof value === 'string' || ArrayBuffer.isView(value)) return 1;
      if (Array.isArray(value)) return 1 + value.reduce((n: number, v) => n + values(v), 0);
      if (value && typeof value === 'object') return 1 + Object.values(value).reduce((n: number, v) => n + values(v), 0);
      return 0;
    };
    expect(index.size).toBe(people.length);
    expect(values(index)).toBeLessThanOrEqual(8);
    expect(values(buildDirectoryIndex([...buildShards(generatedPeople(12_000, 5)).values()]))).toBeLessThanOrEqual(8);
  });

  it('sorts equal times by id, newest first, and finds a word at the start and the end of the text', () => {
    const twins = generatedPeople(700, 3).map((p) => ({ ...p, lastSeenAt: T0 }));
    const twinShards = [...buildShards(twins).values()];
    const twinIndex = buildDirectoryIndex(twinShards);
    expect(matchIndex(twinIndex, 'x', T0)?.newestFirst).toEqual(matchDirectory(twinShards, 'x', T0)?.newestFirst);
    const all = twins.map((p) => p.id).sort().reverse();
    // Every handle is "<something><n>": the search by each person's last word finds them.
    const last = twinIndex.size - 1;
    const firstRow = wordsOf(twinIndex, 0).trim().split(' ').at(-1)!;
    const lastRow = wordsOf(twinIndex, last).trim().split(' ').at(-1)!;
    expect(matchIndex(twinIndex, firstRow, T0)?.newestFirst).toContain(idOf(twinIndex, 0));
    expect(matchIndex(twinIndex, lastRow, T0)?.newestFirst).toContain(idOf(twinIndex, last));
    expect(matchIndex(twinIndex, 'nadia', T0)?.newestFirst).toEqual(all.filter((id) => matchDirectory(twinShards, 'nadia', T0)!.newestFirst.includes(id)));
    expect(matchIndex(buildDirectoryIndex([]), 'nadia', T0)).toEqual({ newestFirst: [], due: [], dueAt: [] });
  });
});

/** Lets Dexie relay a write to the kept directory. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

describe('search reads the directory once while it does not change', () => {
  it('finds a person recorded after an earlier search, in a live query too', async () => {
    const db = freshDB();
    await recordPosts(db, [{ post: post({ author: 'Nadia Park', handle: '@nadiapark' }), verdict: verdict(2) }], T0);
    expect((await searchDirectory(db, 'nadia pa', T0))?.newestFirst).toEqual(['x:nadiapark']);
    expect((await searchDirectory(db, 'nadia pa', T0))?.newestFirst).toEqual(['x:nadiapark']);

    const seen: string[][] = [];
    const subscription = liveQuery(() => searchDirectory(db, 'nadia', T0)).subscribe({ next: (m) => seen.push(m?.newestFirst ?? []), error: (e: unknown) => seen.push([String(e)]) });
    await expect.poll(() => seen.length).toBe(1);
    await recordPosts(db, [{ post: post({ author: 'Nadia Paz', handle: '@npaz', permalink: 'https://x.com/npaz/status/1' }), verdict: verdict(3) }], T0 + 1);
    await expect.poll(() => seen.at(-1)).toEqual(['x:npaz', 'x:nadiapark']);
    subscription.unsubscribe();

    await settle();
    expect((await searchDirectory(db, 'nadia pa', T0 + 2))?.newestFirst).toEqual(['x:npaz', 'x:nadiapark']);
    await settle();
    await db.contacts.delete('x:nadiapark');
    expect((await searchDirectory(db, 'nadia', T0 + 2))?.newestFirst).toEqual(['x:npaz']);
    db.close();
  });

  it('inside a write transaction, sees that transaction\'s own writes', async () => {
    const db = freshDB();
    await recordPosts(db, [{ post: post({ author: 'Omar Haddad', handle: '@omar' }), verdict: verdict(2) }], T0);
    expect((await searchDirectory(db, 'omar', T0))?.newestFirst).toEqual(['x:omar']);
    await db.transaction('rw', [db.contacts, db.histories, db.locator, db.directory], async () => {
      await recordPosts(db, [{ post: post({ author: 'Omar Berg', handle: '@oberg', permalink: 'https://x.com/oberg/status/1' }), verdict: verdict(2) }], T0 + 1);
      expect((await searchDirectory(db, 'omar', T0 + 1))?.newestFirst).toEqual(['x:oberg', 'x:omar']);
    });
    db.close();
  });
});
