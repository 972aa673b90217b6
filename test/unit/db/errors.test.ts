import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import {
  DatabaseBlockedError,
  QUOTA_MESSAGE,
  SCHEMA_V1,
  isQuotaError,
  openDB,
  recordPosts,
  retryPending,
  withRetryQueue,
} from '../../../lib/db';
import { T0, freshDB, isolatedIDB, post, verdict } from './helpers';
import { allInteractions, countInteractions } from '../../../lib/db/histories';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('isQuotaError', () => {
  it('recognises a full disk however Dexie reports it', () => {
    expect(isQuotaError(quota())).toBe(true);
    expect(isQuotaError(new Dexie.QuotaExceededError('full'))).toBe(true);
    // Inside a transaction the browser aborts it and Dexie wraps the cause.
    expect(isQuotaError(new Dexie.AbortError('Transaction aborted', quota()))).toBe(true);
    const bulk = new Dexie.BulkError('1 of 2 failed', { 1: quota() } as never);
    expect(isQuotaError(bulk)).toBe(true);
  });

  it('does not mistake other failures for it', () => {
    expect(isQuotaError(new Dexie.AbortError('Transaction aborted', new Error('boom')))).toBe(false);
    expect(isQuotaError(new Dexie.ConstraintError('dup'))).toBe(false);
    expect(isQuotaError(undefined)).toBe(false);
    expect(isQuotaError('QuotaExceededError')).toBe(false);
  });
});

describe('withRetryQueue', () => {
  it('keeps a write refused for lack of space and replays it later, so nothing is lost', async () => {
    const db = freshDB();
    const p = post();
    const put = vi
      .spyOn(db.histories, 'bulkPut')
      .mockRejectedValueOnce(new Dexie.AbortError('Transaction aborted', quota()));

    const outcome = await withRetryQueue(db, { kind: 'recordPosts', items: [{ post: p, verdict: verdict(3) }], now: T0 });
    expect(outcome).toMatchObject({ ok: false, quota: true, message: QUOTA_MESSAGE, kept: 'pending-store' });
    // The failed transaction left no half record behind.
    expect(await db.contacts.count()).toBe(0);
    expect(await db.pending.count()).toBe(1);

    put.mockRestore();
    expect(await retryPending(db)).toEqual({ replayed: 1, dropped: 0, remaining: 0 });
    expect(await countInteractions(db)).toBe(1);
    expect((await allInteractions(db))[0]?.severity).toBe(3);
  });

  it('hands the write back to the caller when even the pending store is full', async () => {
    const db = freshDB();
    vi.spyOn(db.histories, 'bulkPut').mockRejectedValue(quota());
    vi.spyOn(db.pending, 'add').mockRejectedValue(quota());
    const items = [{ post: post(), verdict: verdict(2) }];
    const outcome = await withRetryQueue(db, { kind: 'recordPosts', items, now: T0 });
    expect(outcome).toMatchObject({ ok: false, kept: 'caller', write: { kind: 'recordPosts', items, now: T0 } });
  });

  it('passes through ordinary success and rethrows non-quota errors', async () => {
    const db = freshDB();
    const ok = await withRetryQueue(db, { kind: 'recordPosts', items: [{ post: post(), verdict: verdict(1) }], now: T0 });
    expect(ok).toMatchObject({ ok: true, value: [{ known: false }] });
    await expect(
      withRetryQueue(db, { kind: 'recordEvent', input: { interactionId: 'nope', type: 'helper-opened', at: T0 } }),
    ).rejects.toThrow('no interaction');
    expect(await db.pending.count()).toBe(0);
  });
});

describe('openDB', () => {
  it('fails fast with a clear message when an old tab blocks the upgrade', async () => {
    const idb = isolatedIDB();
    const old = new Dexie('frontline', idb);
    old.version(1).stores(SCHEMA_V1);
    await old.open();
    // An old page that ignores upgrade requests (no close on versionchange).
    old.on('versionchange', () => false);

    const onBlocked = vi.fn();
    await expect(openDB('frontline', { dexie: idb, onBlocked })).rejects.toBeInstanceOf(DatabaseBlockedError);
    expect(onBlocked).toHaveBeenCalledOnce();
    expect(onBlocked.mock.calls[0]?.[0].message).toMatch(/close or reload the other Frontline tabs/i);

    old.close();
    const db = await openDB('frontline', { dexie: idb });
    expect(db.verno).toBe(9);
    db.close();
  });

  it('closes itself when another tab upgrades, and says so', async () => {
    const idb = isolatedIDB();
    const onVersionChange = vi.fn();
    const db = await openDB('frontline', { dexie: idb, onVersionChange });
    await recordPosts(db, [{ post: post(), verdict: verdict(2) }], T0);

    // A newer Frontline (one version up) opens in another tab; it must not hang.
    const newer = new Dexie('frontline', idb);
    newer.version(10).stores({ contacts: 'id' });
    await newer.open();
    expect(onVersionChange).toHaveBeenCalledOnce();
    expect(db.isOpen()).toBe(false);
    newer.close();
  });
});
