import { now } from '../time/clock';
import type { FrontlineDB } from './schema';
import { isQuotaError, QUOTA_MESSAGE } from './errors';
import { recordEvent, recordPosts } from './log';
import type { EventInput, RecordPostsItem } from './records';
import type { PendingInput, PendingWrite } from './pending-write';

export type { PendingInput, PendingWrite };

export type WriteOutcome<T> =
  | { ok: true; value: T }
  /**
   * Out of space. `kept` says where the write waits: in the pending store (replayed by
   * `retryPending`), or — when even that small write failed — handed back as `write` for the
   * caller to keep (e.g. in browser.storage.session) and pass to `withRetryQueue` later.
   */
  | { ok: false; quota: true; message: string; kept: 'pending-store' | 'caller'; write: PendingInput };

function run(db: FrontlineDB, write: PendingInput) {
  return write.kind === 'recordPosts' ? recordPosts(db, write.items, write.now) : recordEvent(db, write.input);
}

/**
 * Runs a write; on a quota failure keeps it instead of dropping it. Validation errors and
 * every other failure are rethrown: retrying them would fail the same way.
 */
export async function withRetryQueue(db: FrontlineDB, write: { kind: 'recordPosts'; items: RecordPostsItem[]; now: number }): Promise<WriteOutcome<Awaited<ReturnType<typeof recordPosts>>>>;
export async function withRetryQueue(db: FrontlineDB, write: { kind: 'recordEvent'; input: EventInput }): Promise<WriteOutcome<Awaited<ReturnType<typeof recordEvent>>>>;
export async function withRetryQueue(db: FrontlineDB, write: PendingInput): Promise<WriteOutcome<unknown>> {
  try {
    return { ok: true, value: await run(db, write) };
  } catch (error) {
    if (!isQuotaError(error)) throw error;
    try {
      await db.pending.add({ ...write, createdAt: now() } as PendingWrite);
      return { ok: false, quota: true, message: QUOTA_MESSAGE, kept: 'pending-store', write };
    } catch {
      return { ok: false, quota: true, message: QUOTA_MESSAGE, kept: 'caller', write };
    }
  }
}

/**
 * Replays kept writes oldest first, removing each once it lands. Stops at the first quota
 * failure (still full); a write that has become invalid is dropped rather than blocking the rest.
 */
export async function retryPending(db: FrontlineDB): Promise<{ replayed: number; dropped: number; remaining: number }> {
  let replayed = 0;
  let dropped = 0;
  for (const write of await db.pending.orderBy('id').toArray()) {
    try {
      // One transaction for the replay and the removal, so a worker killed in between never replays twice.
      await db.transaction('rw', [db.contacts, db.histories, db.locator, db.pending], async () => {
        await run(db, write);
        await db.pending.delete(write.id!);
      });
      replayed++;
    } catch (error) {
      if (isQuotaError(error)) break;
      await db.pending.delete(write.id!);
      dropped++;
    }
  }
  return { replayed, dropped, remaining: await db.pending.count() };
}
