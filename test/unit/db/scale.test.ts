import { describe, expect, it, vi } from 'vitest';
import {
  contactSummary,
  exportJSON,
  exportJSONParts,
  exportJSONBlob,
  importJSON,
  interactionIdFor,
  recentContacts,
  recentContactsBare,
  recordEvent,
  recordPosts,
} from '../../../lib/db';
import type { Platform } from '../../../lib/types';
import { DAY, HOUR, T0, freshDB, post, snapshot, verdict } from './helpers';

/** Enough people for several pages of the recency walk, some with equal lastSeenAt. */
async function crowd(n: number) {
  const db = freshDB();
  const platforms: Platform[] = ['x', 'reddit', 'wordpress'];
  for (let k = 0; k < n; k++) {
    const p = post({ author: `Person ${k}`, handle: `@p${k}`, platform: platforms[k % 3]!, text: `Problem number ${k}` });
    // Pairs share a time: ties must neither repeat nor drop anyone across pages.
    await recordPosts(db, [{ post: p, verdict: verdict(1 + (k % 4) as 1 | 2 | 3 | 4) }], T0 + Math.floor(k / 2) * HOUR);
    if (k % 5 === 0) await recordEvent(db, { interactionId: interactionIdFor(p), type: 'status', status: 'resolved', at: T0 + Math.floor(k / 2) * HOUR });
  }
  return db;
}

describe('queries at scale', () => {
  it('recentContacts pages through the index in the same order as one full read', async () => {
    const db = await crowd(450);
    const all = await db.contacts.toArray();
    const expected = all.sort((a, b) => b.lastSeenAt - a.lastSeenAt || (a.id < b.id ? 1 : -1));
    const ids = (xs: Array<{ id: string }>) => xs.map((c) => c.id);
    expect(ids(await recentContacts(db, { limit: 500 }))).toEqual(ids(expected));
    expect(ids(await recentContacts(db, { limit: 500, platform: 'reddit' }))).toEqual(ids(expected.filter((c) => c.platform === 'reddit')));
    const resolved = await recentContacts(db, { limit: 500, status: 'resolved' });
    expect(resolved).toHaveLength(90);
    expect(resolved.every((c) => c.lastStatus === 'resolved')).toBe(true);
    expect(ids(await recentContacts(db, { limit: 7, query: 'person' }))).toEqual(ids(expected.slice(0, 7)));
    expect(ids(await recentContactsBare(db, { limit: 30, platform: 'x' }))).toEqual(ids(expected.filter((c) => c.platform === 'x').slice(0, 30)));
    const [first] = await recentContacts(db, { limit: 1 });
    expect(await contactSummary(db, first!.id)).toEqual({
      interactionCount: first!.interactionCount,
      maxSeverity: first!.maxSeverity,
      ...(first!.lastStatus ? { lastStatus: first!.lastStatus } : {}),
    });
    db.close();
  });

  it('exportJSONParts writes exactly what JSON.stringify(exportJSON()) writes', async () => {
    const db = await crowd(30);
    vi.useFakeTimers({ now: T0 + 100 * DAY, toFake: ['Date'] });
    try {
      const whole = JSON.stringify(await exportJSON(db));
      expect((await exportJSONParts(db)).join('')).toBe(whole);
    } finally {
      vi.useRealTimers();
    }
    db.close();
  });

  it('the streamed export (a Blob built chunk by chunk) holds exactly the bytes of JSON.stringify(exportJSON())', async () => {
    const db = await crowd(30);
    vi.useFakeTimers({ now: T0 + 100 * DAY, toFake: ['Date'] });
    try {
      const whole = JSON.stringify(await exportJSON(db));
      // Chunks of 7 records: contacts and interactions both cross several chunk boundaries.
      // And the text turned into Blobs after every part, every few parts, or once at the end.
      for (const chunk of [1, 7, 10_000]) {
        for (const blobEvery of [0, 5_000, undefined]) {
          const blob = await exportJSONBlob(db, { chunk, blobEvery });
          expect(blob.type).toBe('application/json');
          expect(await blob.text(), `chunk ${chunk}, blobEvery ${blobEvery}`).toBe(whole);
        }
      }
      // No part is the whole file: each holds one chunk of records (a contact is a few hundred bytes).
      const parts = await exportJSONParts(db, { chunk: 7 });
      expect(parts.join('')).toBe(whole);
      expect(Math.max(...parts.map((p) => p.length))).toBeLessThan(whole.length / 3);
    } finally {
      vi.useRealTimers();
    }
    db.close();
  });

  it('a restore into an empty database and a merge over it give the same records', async () => {
    const db = await crowd(40);
    const text = (await exportJSONParts(db)).join('');
    const target = freshDB();
    const restored = await importJSON(target, text);
    expect(restored).toMatchObject({ ok: true, contacts: { added: 40, updated: 0 }, events: { skipped: 0 } });
    expect(await snapshot(target)).toEqual(await snapshot(db));
    const again = await importJSON(target, text);
    expect(again).toMatchObject({ ok: true, contacts: { added: 0, updated: 0 }, interactions: { added: 0, updated: 0 }, events: { added: 0 } });
    expect(await snapshot(target)).toEqual(await snapshot(db));
    db.close();
    target.close();
  });

  it('a merge finds stored copies when the file ids are spread thinly over a big table', async () => {
    const db = await crowd(400);
    const all = await db.contacts.toArray();
    const picked = all.filter((_, n) => n % 7 === 0).map((c) => ({ ...c, lastSeenAt: c.lastSeenAt + 1, name: `${c.name}!` }));
    const file = { format: 'frontline-export', version: 1, exportedAt: T0, contacts: picked, interactions: [], events: [] };
    const result = await importJSON(db, JSON.stringify(file));
    expect(result).toMatchObject({ ok: true, contacts: { added: 0, updated: picked.length } });
    expect((await db.contacts.get(picked[5]!.id))?.name).toBe(picked[5]!.name);
    expect(await db.contacts.count()).toBe(400);
    db.close();
  });
});
