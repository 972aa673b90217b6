import { z } from 'zod';

/**
 * Where replication stands, kept in extension storage (not Dexie: the log's schema stays the
 * log's). The MV3 worker sleeps, so nothing of this lives only in memory.
 */
export const SyncStateSchema = z.object({
  /** Random per browser profile: marks this profile's documents (event-doc.ts `device`). */
  device: z.string().min(8).max(64),
  /** Own events at or after this time (ms) are pushed again; earlier ones are on the server. */
  pushedUpTo: z.number().int().nonnegative(),
  /** CouchDB `_changes` checkpoint: the last sequence whose documents are in the log. */
  since: z.union([z.string().max(500), z.number()]),
  /** For the server this state belongs to: another server or database starts from scratch. */
  target: z.string().max(2_500),
  failures: z.number().int().nonnegative(),
  /** Backoff: the alarm does not try before this time (ms). */
  nextTryAt: z.number().nonnegative(),
  lastOkAt: z.number().nonnegative().nullable(),
  lastError: z.string().max(1_000).nullable(),
  /** The last documents the server sent that were refused, with why (shown as text). */
  rejected: z.array(z.string().max(300)).max(20),
  /** How many incoming documents were refused since the state was made. */
  rejectedCount: z.number().int().nonnegative(),
});
export type SyncState = z.infer<typeof SyncStateSchema>;

export interface StateStore {
  load(): Promise<unknown>;
  save(state: SyncState): Promise<void>;
}

export function randomDevice(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function freshState(target: string, device = randomDevice()): SyncState {
  return { device, pushedUpTo: 0, since: 0, target, failures: 0, nextTryAt: 0, lastOkAt: null, lastError: null, rejected: [], rejectedCount: 0 };
}

/**
 * The stored state for this target, or a fresh one (kept device id) when there is none, it is
 * unreadable, or it was for another server or database.
 */
export function stateFor(raw: unknown, target: string): SyncState {
  const parsed = SyncStateSchema.safeParse(raw);
  if (!parsed.success) return freshState(target);
  if (parsed.data.target !== target) return freshState(target, parsed.data.device);
  return parsed.data;
}

/** Waits while offline: 30 s, 1, 2, 4 … minutes, at most 30. */
export function backoffMs(failures: number): number {
  return Math.min(30 * 60_000, 30_000 * 2 ** Math.max(0, failures - 1));
}
