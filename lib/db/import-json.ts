import type { FrontlineDB } from './schema';
import { CancelledError, isQuotaError, throwIfAborted } from './errors';
import { eventsOf } from './events-of';
import { describeIssue, type Contact, type Interaction, type InteractionEvent } from './records';
import { SummaryBuilder, refreshSummaries, setFollowUpDue, withSummary } from './summary';
import { ExportFileSchema, type ExportFile, type Progress, type TransferOptions } from './transfer';

export type ImportResult =
  | {
      ok: true;
      contacts: { added: number; updated: number };
      interactions: { added: number; updated: number };
      events: { added: number; skipped: number };
    }
  | { ok: false; cancelled: boolean; error: string };

/** Records per write request; each chunk ends with a progress report and a cancel check. */
const CHUNK = 5_000;
/** Beyond this many sequence numbers to check, reading all keys once beats one get() each. */
const SEQ_LOOKUP_MAX = 2_000;

/**
 * Reads an export back. Everything is validated before anything is written; the writes
 * then happen in ONE read-write transaction, so a bad file, a broken reference or the user
 * pressing cancel leaves the database exactly as it was. Merging: for the same contact or
 * interaction the more recently active copy wins (earliest first-seen time kept); events
 * are unioned by (interaction, time, type), so importing the same file twice adds nothing.
 */
export async function importJSON(db: FrontlineDB, data: unknown, options: TransferOptions = {}): Promise<ImportResult> {
  const { onProgress, signal } = options;
  let file: ExportFile;
  try {
    const raw = typeof data === 'string' ? parseJSONText(data) : data;
    const parsed = ExportFileSchema.safeParse(raw);
    if (!parsed.success) return { ok: false, cancelled: false, error: describeIssue(parsed.error) };
    file = parsed.data;
    throwIfAborted(signal, 'Import');
  } catch (error) {
    return failure(error);
  }

  try {
    return await db.transaction('rw', db.contacts, db.interactions, db.events, async () => {
      await checkReferences(db, file);
      const step = (phase: Progress['phase'], done: number, total: number) => {
        onProgress?.({ phase, done, total });
        // Throwing inside the transaction aborts it: every write so far is rolled back.
        throwIfAborted(signal, 'Import');
      };
      // Derived fields (summary.ts) are recomputed, whatever the file says.
      for (const i of file.interactions) setFollowUpDue(i);
      const fresh =
        (await db.contacts.limit(1).primaryKeys()).length === 0 && (await db.interactions.limit(1).primaryKeys()).length === 0;
      const touched = new Set<string>();
      if (fresh) {
        // A restore: the file holds every interaction each person will have; summarise in memory.
        const byId = new Map<string, Interaction>();
        for (const i of file.interactions) {
          const seen = byId.get(i.id);
          byId.set(i.id, seen ? newerInteraction(seen, i) : i);
        }
        const builders = new Map<string, SummaryBuilder>();
        for (const i of byId.values()) {
          let b = builders.get(i.contactId);
          if (!b) builders.set(i.contactId, (b = new SummaryBuilder()));
          b.add(i);
        }
        file.contacts = file.contacts.map((c) => withSummary(c, (builders.get(c.id) ?? new SummaryBuilder()).summary));
      }
      const contacts = await mergeByKey(db.contacts, file.contacts, newerContact, (d, t) => step('contacts', d, t), (written) => {
        if (!fresh) for (const c of written) touched.add(c.id);
      });
      const interactions = await mergeByKey(
        db.interactions,
        file.interactions,
        newerInteraction,
        (d, t) => step('interactions', d, t),
        (written) => {
          if (!fresh) for (const i of written) touched.add(i.contactId);
        },
      );
      // A merge: everyone whose record or interactions were written gets their summary recomputed.
      await refreshSummaries(db, touched);
      const events = await unionEvents(db, file.events, (d, t) => step('events', d, t));
      return { ok: true as const, contacts, interactions, events };
    });
  } catch (error) {
    return failure(error);
  }
}

class ImportProblem extends Error {}

function parseJSONText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ImportProblem('the file is not valid JSON (it may be truncated)');
  }
}

function failure(error: unknown): ImportResult {
  if (error instanceof CancelledError) return { ok: false, cancelled: true, error: error.message };
  if (error instanceof ImportProblem) return { ok: false, cancelled: false, error: error.message };
  if (isQuotaError(error)) {
    return { ok: false, cancelled: false, error: 'storage is full; nothing was imported. Free space (retention, delete old data) and try again' };
  }
  return { ok: false, cancelled: false, error: `import failed: ${error instanceof Error ? error.message : String(error)}` };
}

/** Every interaction needs its contact and every event its interaction, in the file or already stored. */
async function checkReferences(db: FrontlineDB, file: ExportFile) {
  const contactIds = new Set(file.contacts.map((c) => c.id));
  const missingContacts = [...new Set(file.interactions.map((i) => i.contactId).filter((id) => !contactIds.has(id)))];
  const storedContacts = await db.contacts.bulkGet(missingContacts);
  missingContacts.forEach((id, n) => {
    if (!storedContacts[n]) {
      const at = file.interactions.findIndex((i) => i.contactId === id);
      throw new ImportProblem(`interactions[${at}].contactId: no contact "${id}" in the file or the database`);
    }
  });
  const interactionIds = new Set(file.interactions.map((i) => i.id));
  const missing = [...new Set(file.events.map((e) => e.interactionId).filter((id) => !interactionIds.has(id)))];
  const stored = await db.interactions.bulkGet(missing);
  missing.forEach((id, n) => {
    if (!stored[n]) {
      const at = file.events.findIndex((e) => e.interactionId === id);
      throw new ImportProblem(`events[${at}].interactionId: no interaction "${id}" in the file or the database`);
    }
  });
}

function newerContact(a: Contact, b: Contact): Contact {
  const newer = b.lastSeenAt > a.lastSeenAt ? b : a;
  return { ...newer, firstSeenAt: Math.min(a.firstSeenAt, b.firstSeenAt) };
}

function newerInteraction(a: Interaction, b: Interaction): Interaction {
  const newer = b.lastEventAt > a.lastEventAt ? b : a;
  const merged = { ...newer, firstSeenAt: Math.min(a.firstSeenAt, b.firstSeenAt) };
  const replies = [a.firstReplyAt, b.firstReplyAt].filter((t): t is number => t !== undefined);
  if (replies.length) merged.firstReplyAt = Math.min(...replies);
  return merged;
}

/**
 * The stored copies of `ids` (same order, undefined where absent). An export lists records in
 * key order, so a chunk's ids usually cover a narrow key range: one getAll() over that range
 * (bounded) replaces thousands of get() requests. Ids past what the bounded read reached
 * are fetched with bulkGet, so the answer is exact whatever the order.
 */
async function storedCopies<T extends { id: string }>(table: KeyedTable<T>, ids: string[]): Promise<Array<T | undefined>> {
  if (ids.length < 50) return table.bulkGet(ids);
  const sorted = [...ids].sort();
  const cap = ids.length * 4;
  const read = await table.where(':id').between(sorted[0]!, sorted[sorted.length - 1]!, true, true).limit(cap).toArray();
  const found = new Map(read.map((r) => [r.id, r]));
  // A capped read saw every key up to its last record; anything after it is unknown yet.
  const reached = read.length === cap ? read[read.length - 1]!.id : undefined;
  const rest = reached === undefined ? [] : ids.filter((id) => id > reached);
  if (rest.length) (await table.bulkGet(rest)).forEach((r, n) => r && found.set(rest[n]!, r));
  return ids.map((id) => found.get(id));
}

interface KeyedTable<T> {
  where(index: ':id'): { between(lower: string, upper: string, includeLower: boolean, includeUpper: boolean): { limit(n: number): { toArray(): Promise<T[]> } } };
  /** limit(1).primaryKeys() tells empty from not: count() walks the whole store. */
  limit(n: number): { primaryKeys(): Promise<unknown[]> };
  bulkGet(keys: string[]): Promise<Array<T | undefined>>;
  bulkPut(items: readonly T[]): Promise<unknown>;
  bulkAdd(items: readonly T[]): Promise<unknown>;
}

/** `existing` wins ties, so re-importing an identical file changes nothing. */
async function mergeByKey<T extends { id: string }>(
  table: KeyedTable<T>,
  incoming: readonly T[],
  merge: (existing: T, incoming: T) => T,
  progress: (done: number, total: number) => void,
  onWrite: (written: readonly T[]) => void = () => {},
): Promise<{ added: number; updated: number }> {
  const byId = new Map<string, T>();
  for (const item of incoming) {
    const seen = byId.get(item.id);
    byId.set(item.id, seen ? merge(seen, item) : item);
  }
  const items = [...byId.values()];
  // A fresh profile (a restore) has nothing to merge with: no lookups, just writes.
  const empty = (await table.limit(1).primaryKeys()).length === 0;
  let added = 0;
  let updated = 0;
  progress(0, items.length);
  for (let start = 0; start < items.length; start += CHUNK) {
    const chunk = items.slice(start, start + CHUNK);
    let writes: T[];
    if (empty) {
      writes = chunk;
      added += chunk.length;
    } else {
      const stored = await storedCopies(table, chunk.map((i) => i.id));
      writes = [];
      chunk.forEach((item, n) => {
        const before = stored[n];
        if (!before) {
          added++;
          writes.push(item);
          return;
        }
        const merged = merge(before, item);
        if (!sameJSON(merged, before)) {
          updated++;
          writes.push(merged);
        }
      });
    }
    if (writes.length) await (empty ? table.bulkAdd(writes) : table.bulkPut(writes));
    onWrite(writes);
    progress(Math.min(start + CHUNK, items.length), items.length);
  }
  return { added, updated };
}

/** Equal as JSON would write them (keys in any order, undefined = absent), without stringifying. */
function sameJSON(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((v, n) => sameJSON(v, b[n]));
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = (o: Record<string, unknown>) => Object.keys(o).filter((k) => o[k] !== undefined);
  const kx = keys(x);
  if (kx.length !== keys(y).length) return false;
  return kx.every((k) => sameJSON(x[k], y[k]));
}

const eventKey = (e: InteractionEvent) => `${e.interactionId}\u0000${e.at}\u0000${e.type}`;

async function unionEvents(
  db: FrontlineDB,
  incoming: readonly InteractionEvent[],
  progress: (done: number, total: number) => void,
): Promise<{ added: number; skipped: number }> {
  const empty = (await db.events.limit(1).primaryKeys()).length === 0;
  const stored = empty ? [] : await eventsOf(db, new Set(incoming.map((e) => e.interactionId)));
  const seen = new Set(stored.map(eventKey));
  const fresh: InteractionEvent[] = [];
  for (const event of incoming) {
    const key = eventKey(event);
    if (seen.has(key)) continue;
    seen.add(key);
    fresh.push(event);
  }
  // Keep the exported sequence number when it is free, so export → delete → import is a
  // faithful restore; otherwise let the store number it.
  const taken = new Set<number>();
  const seqs = fresh.map((e) => e.seq).filter((s): s is number => s !== undefined);
  if (!empty && seqs.length > SEQ_LOOKUP_MAX) {
    for (const key of await db.events.toCollection().primaryKeys()) if (key !== undefined) taken.add(key);
  } else if (!empty && seqs.length) {
    (await db.events.bulkGet(seqs)).forEach((e, n) => e && taken.add(seqs[n]!));
  }
  const rows = fresh.map((e) => {
    if (e.seq === undefined || taken.has(e.seq)) {
      const { seq: _drop, ...rest } = e;
      return rest;
    }
    taken.add(e.seq);
    return e;
  });
  progress(0, rows.length);
  for (let start = 0; start < rows.length; start += CHUNK) {
    await db.events.bulkAdd(rows.slice(start, start + CHUNK));
    progress(Math.min(start + CHUNK, rows.length), rows.length);
  }
  return { added: rows.length, skipped: incoming.length - rows.length };
}
