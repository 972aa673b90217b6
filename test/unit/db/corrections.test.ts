import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import {
  FrontlineDB, SCHEMA_V6, allCorrections, applyRetention, correctionsStamp, deleteAllData, exportJSON, exportJSONParts, importJSON,
  interactionIdFor, recordCorrection, recordPosts,
} from '../../../lib/db';
import { DAY, T0, freshDB, isolatedIDB, post, snapshot, verdict } from './helpers';
import { allInteractions } from '../../../lib/db/histories';

const correction = (id: string, level: 0 | 1 | 2 | 3 | 4, at: number, text = 'The app crashed again, third time this week') =>
  ({ id, text, level, detected: 2 as const, at });

describe('schema v6 → v7 (corrections store)', () => {
  it('keeps every record of a v6 database and starts with no corrections', async () => {
    const idb = isolatedIDB();
    // A database as version 6 left it, written by this code's v6 schema (through the real class, then reopened at v6).
    const v6 = new Dexie('frontline', idb);
    v6.version(6).stores(SCHEMA_V6);
    await v6.table('contacts').add({
      id: 'x:ann', platform: 'x', name: 'Ann', handle: 'ann', firstSeenAt: T0, lastSeenAt: T0, lastPermalink: null,
      searchWords: ['ann'], interactionCount: 1, lastStatus: 'waiting', maxSeverity: 2,
    });
    await v6.table('interactions').add({
      id: 'https://x.com/ann/status/1', contactId: 'x:ann', platform: 'x', postId: '1', permalink: 'https://x.com/ann/status/1',
      text: 'Charged twice!', severity: 2, score: 0.9, complaint: true, cues: [], themes: ['billing'],
      signals: { brand: true, churn: false, abuse: false, question: false, urgency: false },
      status: 'waiting', firstSeenAt: T0, lastEventAt: T0, events: [{ at: T0, type: 'flagged', severity: 2 }],
    });
    const before = { contacts: await v6.table('contacts').toArray(), interactions: await v6.table('interactions').toArray() };
    v6.close();

    const v7 = new FrontlineDB('frontline', idb);
    await v7.open();
    expect(v7.verno).toBe(9);
    expect(await v7.contacts.toArray()).toEqual(before.contacts);
    expect(await allInteractions(v7)).toEqual(before.interactions);
    expect(await v7.corrections.count()).toBe(0);
    await recordCorrection(v7, correction('https://x.com/ann/status/1', 0, T0 + DAY, 'Charged twice!'));
    expect((await allCorrections(v7)).map((c) => c.level)).toEqual([0]);
    v7.close();
  });
});

describe('corrections', () => {
  it('one per post, the latest wins; the stamp changes with every write', async () => {
    const db = freshDB();
    const empty = await correctionsStamp(db);
    await recordCorrection(db, correction('a', 3, T0));
    const one = await correctionsStamp(db);
    await recordCorrection(db, correction('a', 4, T0 + 1));
    const two = await correctionsStamp(db);
    expect(new Set([empty, one, two]).size).toBe(3);
    expect(await allCorrections(db)).toEqual([correction('a', 4, T0 + 1)]);
  });

  it('refuses a correction with a level outside 0..4 or no text, and writes nothing', async () => {
    const db = freshDB();
    await expect(recordCorrection(db, { ...correction('a', 1, T0), level: 7 as never })).rejects.toThrow(/level/);
    await expect(recordCorrection(db, { ...correction('a', 1, T0), text: '' })).rejects.toThrow(/text/);
    expect(await db.corrections.count()).toBe(0);
  });

  it('travel in the export (both writers, same bytes) and come back on import; an older file without them still imports', async () => {
    const db = freshDB();
    const p = post({ text: 'Fourth billing error this year, I am done' });
    await recordPosts(db, [{ post: p, verdict: verdict(2) }], T0);
    await recordCorrection(db, correction(interactionIdFor(p), 4, T0 + 5, p.text));
    const file = await exportJSON(db);
    expect(file.corrections).toHaveLength(1);
    // The streamed writer gives the same file (but for the time it was made).
    const streamed = JSON.parse((await exportJSONParts(db)).join('')) as typeof file;
    expect({ ...streamed, exportedAt: file.exportedAt }).toEqual(file);
    const before = { ...(await snapshot(db)), corrections: await allCorrections(db) };

    await deleteAllData(db);
    expect(await db.corrections.count()).toBe(0);
    expect(await importJSON(db, JSON.stringify(file))).toMatchObject({ ok: true, corrections: { added: 1, updated: 0 } });
    expect({ ...(await snapshot(db)), corrections: await allCorrections(db) }).toEqual(before);
    // The same file again changes nothing; a file from before v7 has no corrections field.
    expect(await importJSON(db, JSON.stringify(file))).toMatchObject({ ok: true, corrections: { added: 0, updated: 0 } });
    const { corrections: _c, ...older } = file;
    expect(await importJSON(freshDB(), JSON.stringify(older))).toMatchObject({ ok: true, corrections: { added: 0 } });
  });

  it('an import keeps the newer word on a post and refuses a bad correction without writing anything', async () => {
    const db = freshDB();
    await recordCorrection(db, correction('a', 2, T0 + 10));
    const file = { format: 'frontline-export', version: 1, exportedAt: T0, contacts: [], interactions: [], events: [] };
    const older = await importJSON(db, { ...file, corrections: [correction('a', 0, T0)] });
    expect(older).toMatchObject({ ok: true, corrections: { added: 0, updated: 0 } });
    const newer = await importJSON(db, { ...file, corrections: [correction('a', 0, T0 + 20), correction('b', 1, T0)] });
    expect(newer).toMatchObject({ ok: true, corrections: { added: 1, updated: 1 } });
    expect((await allCorrections(db)).map((c) => [c.id, c.level])).toEqual([['b', 1], ['a', 0]]);

    const bad = await importJSON(db, { ...file, corrections: [correction('c', 1, T0), { ...correction('d', 1, T0), level: 9 }] });
    expect(bad).toMatchObject({ ok: false, error: expect.stringMatching(/^corrections\[1\]\.level/) });
    expect(await db.corrections.get('c')).toBeUndefined();
  });

  it('retention forgets corrections older than the limit with the posts they quote', async () => {
    const db = freshDB();
    await recordCorrection(db, correction('old', 0, T0));
    await recordCorrection(db, correction('new', 3, T0 + 40 * DAY));
    await applyRetention(db, 30, T0 + 45 * DAY);
    expect((await allCorrections(db)).map((c) => c.id)).toEqual(['new']);
  });
});
