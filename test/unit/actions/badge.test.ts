// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { IDBIndex, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fixedClock, now as clockNow, setClock } from '@/lib/time/clock';
import { refreshBadge } from '@/lib/actions';
import { dueFollowUps, markResolved, recordEvent } from '@/lib/db';
import { DAY, HOUR, flag, freshDB, post, promiseFollowUp } from '../pages/seed';

beforeEach(() => setClock(fixedClock(new Date(2026, 11, 9, 14, 0))));
afterEach(() => {
  setClock(null);
  vi.restoreAllMocks();
});

describe('the toolbar badge', () => {
  const badge: string[] = [];
  beforeEach(() => {
    fakeBrowser.reset();
    badge.length = 0;
    (fakeBrowser as unknown as Record<string, unknown>).action = {
      setBadgeText: async ({ text }: { text: string }) => void badge.push(text),
      setBadgeBackgroundColor: async () => undefined,
    };
  });

  it('shows how many follow-ups are due, counted without reading anyone\'s history', async () => {
    const db = freshDB();
    const now = clockNow();
    const ask = async (author: string, handle: string, dueAt: number) => {
      const id = await flag(db, post({ author, handle }), 2, now - 3 * DAY);
      await promiseFollowUp(db, id, dueAt, now - 3 * DAY + HOUR);
      return id;
    };
    await ask('Jane Doe', '@janedoe', now - HOUR);
    await ask('Jane Doe', '@janedoe', now - 2 * HOUR);
    await ask('Omar Haddad', '@omarh', now - DAY);
    // Not due: later, done, resolved.
    await ask('Li Wei', '@liwei', now + DAY);
    const done = await ask('Sara Berg', '@saraberg', now - HOUR);
    await recordEvent(db, { interactionId: done, type: 'follow-up-done', at: now - HOUR / 2 });
    await markResolved(db, await ask('Tom Reyes', '@tomreyes', now - HOUR), now - HOUR / 2);
    expect(await dueFollowUps(db, now)).toHaveLength(3);

    const historyReads: string[] = [];
    for (const proto of [IDBObjectStore.prototype, IDBIndex.prototype] as unknown as Array<Record<string, unknown>>) {
      for (const name of ['get', 'getAll', 'openCursor']) {
        const original = proto[name] as (...args: unknown[]) => unknown;
        vi.spyOn(proto as Record<string, (...args: unknown[]) => unknown>, name).mockImplementation(function (this: { name: string; objectStore?: { name: string } }, ...args) {
          const store = this.objectStore?.name ?? this.name;
          if (store === 'histories' || store === 'contacts') historyReads.push(`${name} ${store}`);
          return original.apply(this, args);
        });
      }
    }
    await expect(refreshBadge(db, now)).resolves.toBe(3);
    expect(badge.at(-1)).toBe('3');
    expect(historyReads).toEqual([]);
    db.close();
  });
});
