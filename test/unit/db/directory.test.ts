import { describe, expect, it } from 'vitest';
import { DIRECTORY_SHARDS, matchDirectory, recordPosts, searchDirectory, shardOf, type DirectoryShard } from '../../../lib/db';
import { patchShard, emptyShard } from '../../../lib/db/directory';
import { T0, directoryEntries, expectDirectoryInStep, freshDB, post, verdict } from './helpers';

const person = (id: string, name: string, lastSeenAt: number, followUpDue?: number) => ({
  id, platform: 'x' as const, name, handle: id.slice(2), firstSeenAt: T0, lastSeenAt, lastPermalink: null,
  searchWords: [...name.toLowerCase().split(' '), id.slice(2)], ...(followUpDue !== undefined ? { followUpDue } : {}),
});

function shardWith(...people: ReturnType<typeof person>[]): DirectoryShard[] {
  const s = emptyShard(0);
  patchShard(s, people);
  return [s];
}

describe('search directory', () => {
  it('matches every word as a prefix of a name or handle word, in any order, newest first', () => {
    const shards = shardWith(person('x:janedoe', 'Jane Doe', T0 + 1), person('x:jdoe', 'Janet Doerr', T0 + 3), person('x:bob', 'Bob Jansen', T0 + 2));
    expect(matchDirectory(shards, 'jan', T0)?.newestFirst).toEqual(['x:jdoe', 'x:bob', 'x:janedoe']);
    expect(matchDirectory(shards, 'doe jane', T0)?.newestFirst).toEqual(['x:jdoe', 'x:janedoe']);
    expect(matchDirectory(shards, 'jane d', T0)?.newestFirst).toEqual(['x:jdoe', 'x:janedoe']);
    expect(matchDirectory(shards, 'doerr', T0)?.newestFirst).toEqual(['x:jdoe']);
    expect(matchDirectory(shards, '@JDOE', T0)?.newestFirst).toEqual(['x:jdoe']);
    // Inside a word is not a start: "oe" finds nobody.
    expect(matchDirectory(shards, 'oe', T0)?.newestFirst).toEqual([]);
    expect(matchDirectory(shards, '  ', T0)).toBeUndefined();
  });

  it('lists as due only people whose earliest pending follow-up has come', () => {
    const shards = shardWith(person('x:a', 'Ann A', T0, T0 + 10), person('x:b', 'Ann B', T0, T0 + 100), person('x:c', 'Ann C', T0));
    expect(matchDirectory(shards, 'ann', T0 + 50)?.due).toEqual(['x:a']);
    expect(matchDirectory(shards, 'ann', T0 + 100)?.due.sort()).toEqual(['x:a', 'x:b']);
  });

  it('moves a contact in place when rewritten and removes it without disturbing the others', () => {
    const s = emptyShard(0);
    patchShard(s, [person('x:a', 'Ann', T0), person('x:b', 'Bea', T0), person('x:c', 'Cid', T0)]);
    patchShard(s, [person('x:a', 'Ann Lee', T0 + 5)], ['x:b']);
    expect(s.ids.slice().sort()).toEqual(['x:a', 'x:c']);
    expect(matchDirectory([s], 'lee', T0)?.newestFirst).toEqual(['x:a']);
    expect(matchDirectory([s], 'bea', T0)?.newestFirst).toEqual([]);
    expect([s.ids, s.lastSeenAt, s.followUpDue, s.words].map((l) => l.length)).toEqual([2, 2, 2, 2]);
  });

  it('spreads ids over every shard', () => {
    const used = new Set(Array.from({ length: 2_000 }, (_, n) => shardOf(`x:user${n}`)));
    expect(used.size).toBe(DIRECTORY_SHARDS);
  });

  it('is written in the same transaction as the contacts: an aborted write leaves both as they were', async () => {
    const db = freshDB();
    await recordPosts(db, [{ post: post({ author: 'Jane Doe', handle: '@janedoe' }), verdict: verdict(2) }], T0);
    const before = await directoryEntries(db);
    await expect(
      db.transaction('rw', [db.contacts, db.histories, db.locator], async () => {
        await recordPosts(db, [{ post: post({ author: 'Omar Haddad', handle: '@omar' }), verdict: verdict(3) }], T0 + 1);
        throw new Error('the write failed half way');
      }),
    ).rejects.toThrow('half way');
    expect(await db.contacts.count()).toBe(1);
    expect(await directoryEntries(db)).toEqual(before);
    expect((await searchDirectory(db, 'omar'))?.newestFirst).toEqual([]);
    await expectDirectoryInStep(db, expect);
    db.close();
  });
});
