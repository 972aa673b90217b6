// A global IndexedDB: Dexie's live queries run only where one exists (each test still opens its own).
import 'fake-indexeddb/auto';
import { liveQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import { matchDirectory, recordPosts, searchDirectory, searchWordsFor, type Contact } from '../../../lib/db';
import { buildShards } from '../../../lib/db/directory';
import { buildDirectoryIndex, buildDirectoryIndexInSlices, matchIndex, type MatchWork } from '../../../lib/db/directory-index';
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

  it('checks only the rows of the rarest word: a first name and the start of a last name reads a fraction of the directory', () => {
    const cost = (query: string) => {
      const work: MatchWork = { rowsExamined: -1 };
      const found = matchIndex(index, query, T0, work)!;
      return { work: work.rowsExamined, found: found.newestFirst.length };
    };
    const rowsWith = (token: string) => matchDirectory(shards, token, T0)!.newestFirst.length;
    for (const query of ['nadia pa', 'lindqvist tom', 'ana de la', 'o briain zo']) {
      const rarest = Math.min(...query.split(' ').map(rowsWith));
      // A row holds a prefix at most once per word it has (name words, handle words, whole handle).
      expect(cost(query).work, query).toBeLessThanOrEqual(rarest * 4);
      expect(cost(query).work, query).toBeLessThan(people.length / 5);
    }
    // A handle typed out reads its own row and little else.
    const handle = people.find((p) => p.handle.startsWith('cx'))!.handle;
    expect(cost(handle)).toEqual({ work: expect.any(Number), found: 1 });
    expect(cost(handle).work).toBeLessThanOrEqual(4);
  });
});

describe('building the index in slices', () => {
  it('gives the page back hundreds of times and builds the very same index', async () => {
    let pauses = 0;
    let sincePause = 0;
    let longestStretch = 0;
    const sliced = await buildDirectoryIndexInSlices(shards, {
      shouldYield: () => {
        sincePause++;
        return true;
      },
      pause: async () => {
        longestStretch = Math.max(longestStretch, sincePause);
        sincePause = 0;
        pauses++;
        await Promise.resolve();
      },
    });
    expect(sliced).toEqual(index);
    // 4,000 people: flattening, two sorts and the word lists each stop every few hundred steps.
    expect(pauses).toBeGreaterThan(100);
    expect(longestStretch).toBe(1);
  });

  it('sorts equal times by id and keeps every word of every row, like the one-go build', async () => {
    const twins = generatedPeople(700, 3).map((p) => ({ ...p, lastSeenAt: T0 }));
    const twinShards = [...buildShards(twins).values()];
    const sliced = await buildDirectoryIndexInSlices(twinShards, { shouldYield: () => true, pause: () => Promise.resolve() });
    expect(sliced.ids).toEqual(twins.map((p) => p.id).sort().reverse());
    expect(sliced).toEqual(buildDirectoryIndex(twinShards));
  });
});

/** Longer than building the kept rows' index in slices takes for a few people. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

describe('search reads the directory once while it does not change', () => {
  it('finds a person recorded after an earlier search, in a live query too', async () => {
    const db = freshDB();
    await recordPosts(db, [{ post: post({ author: 'Nadia Park', handle: '@nadiapark' }), verdict: verdict(2) }], T0);
    expect((await searchDirectory(db, 'nadia pa', T0))?.newestFirst).toEqual(['x:nadiapark']);
    // The first search scans the rows it read; the index is built in slices after it.
    await settle();
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
    await db.transaction('rw', db.contacts, db.interactions, db.directory, async () => {
      await recordPosts(db, [{ post: post({ author: 'Omar Berg', handle: '@oberg', permalink: 'https://x.com/oberg/status/1' }), verdict: verdict(2) }], T0 + 1);
      expect((await searchDirectory(db, 'omar', T0 + 1))?.newestFirst).toEqual(['x:oberg', 'x:omar']);
    });
    db.close();
  });
});
