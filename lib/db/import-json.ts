import type { FrontlineDB } from './schema';
import { CancelledError, isQuotaError, throwIfAborted } from './errors';
import { type Contact, type Correction, type Interaction, type InteractionEvent, type StoredEvent, type StoredInteraction } from './records';
import { toStoredEvent, withoutEvents } from './event-shape';
import { SummaryBuilder, setFollowUpDue, withSummary } from './summary';
import { refreshSummaries } from './summary-refresh';
import { buildLocator, getInteractions, historiesOf, logTables, writeInteractions } from './histories';
import { checkExportFile } from './export-file-check';
import { mergedOwnersOf } from './merged';
import { type ExportFile, type Progress, type TransferOptions } from './transfer';

export type ImportResult =
  | {
      ok: true;
      contacts: { added: number; updated: number };
      interactions: { added: number; updated: number };
      events: { added: number; skipped: number };
      corrections: { added: number; updated: number };
      /**
       * Who each merged-away account belongs to after the import (merged contact id → kept id,
       * merged.ts), for lib/actions to keep beside the log. A restore knows it from what it wrote;
       * reading 20,000 contacts back for it took ~1 s of the bench's restore.
       */
      mergedOwners: Record<string, string>;
    }
  | { ok: false; cancelled: boolean; error: string };

/** Records per write request; each chunk ends with a progress report and a cancel check. */
const CHUNK = 5_000;

/**
 * Reads an export back. Everything is validated before anything is written; the writes
 * then happen in ONE read-write transaction, so a bad file, a broken reference or the user
 * pressing cancel leaves the database exactly as it was. Merging: for the same contact or
 * interaction the more recently active copy wins (earliest first-seen time kept); events
 * are unioned by (interaction, time, type), so importing the same file twice adds nothing.
 * Events are stored inside their interaction (schema v5) and only ever appended: a merge keeps
 * the stored log as it is and appends the file's events it lacks. Files keep the flat layout
 * (events in their own list), so exports from every earlier schema import unchanged.
 */
export async function importJSON(db: FrontlineDB, data: unknown, options: TransferOptions = {}): Promise<ImportResult> {
  const { onProgress, signal } = options;
  let file: ExportFile;
  try {
    // Parsed here, the records are nobody else's: the check may keep them rather than copy them.
    const owned = typeof data === 'string';
    let raw = owned ? parseJSONText(data as string) : data;
    // The text (100+ MB for a big log) and the parsed copy are not needed past this point:
    // dropping them lets the garbage collector reclaim them during the writes.
    data = undefined;
    // zod's verdict, most records checked by hand (export-file-check.ts: zod alone took 3.2 s).
    const checked = checkExportFile(raw, owned);
    raw = undefined;
    if (!checked.ok) return { ok: false, cancelled: false, error: checked.error };
    file = checked.file;
    throwIfAborted(signal, 'Import');
  } catch (error) {
    return failure(error);
  }

  try {
    return await db.transaction('rw', [db.contacts, ...logTables(db), db.corrections], async () => {
      const inFile = await checkReferences(db, file);
      const step = (phase: Progress['phase'], done: number, total: number) => {
        onProgress?.({ phase, done, total });
        // Throwing inside the transaction aborts it: every write so far is rolled back.
        throwIfAborted(signal, 'Import');
      };
      // Derived fields (summary.ts) are recomputed, whatever the file says.
      for (const i of file.interactions) setFollowUpDue(i);
      const fresh =
        (await db.contacts.limit(1).primaryKeys()).length === 0 && (await db.histories.limit(1).primaryKeys()).length === 0;
      const touched = new Set<string>();
      const holders: Contact[] = [];
      // A restore hands the contacts to IndexedDB without waiting for them, as soon as their
      // summaries are known: the database writes them while this page groups the events and
      // prepares and serialises the histories (restoreHistories), which it did before only once the
      // last contact was confirmed.
      let contactsWritten: Promise<unknown> = Promise.resolve();
      let contacts: { added: number; updated: number } | undefined;
      const restoreContacts = (interactions: Iterable<Interaction>) => {
        // The file holds every interaction each person will have; summarise in memory.
        const builders = new Map<string, SummaryBuilder>();
        for (const i of interactions) {
          let b = builders.get(i.contactId);
          if (!b) builders.set(i.contactId, (b = new SummaryBuilder()));
          b.add(i);
        }
        const latest = latestById(file.contacts, newerContact).map((c) => withSummary(c, (builders.get(c.id) ?? new SummaryBuilder()).summary));
        for (const c of latest) if (c.merged?.length) holders.push(c);
        contactsWritten = writeAhead(latest, CHUNK, Infinity, (chunk) => db.contacts.bulkAdd(chunk), (d) => step('contacts', d, latest.length));
        // Awaited once the histories are handed over; a failure (or Cancel) aborts the transaction then or sooner.
        contactsWritten.catch(() => {});
        contacts = { added: latest.length, updated: 0 };
      };
      // Which copy of a repeated interaction counts depends on its events (lastEventAt, set below):
      // only a file without repeats is summarised before they are attached. Exports have none.
      const repeated = fresh && inFile.size !== file.interactions.length;
      if (fresh && !repeated) restoreContacts(file.interactions);
      // Each interaction carries its events; the file's events of an interaction that is only in
      // the database (checkReferences made sure it is; never in a restore) are appended to the stored record.
      const eventsById = groupEvents(file.events);
      const incoming: StoredInteraction[] = file.interactions.map((i) => withLog(i, eventsById.get(i.id) ?? []));
      const onlyStored = fresh ? [] : [...eventsById.keys()].filter((id) => !inFile.has(id));
      if (onlyStored.length) {
        (await getInteractions(db, onlyStored)).forEach((s, n) => s && incoming.push(withLog(s, eventsById.get(onlyStored[n]!)!)));
      }
      if (repeated) {
        const byId = new Map<string, Interaction>();
        for (const i of file.interactions) {
          const seen = byId.get(i.id);
          byId.set(i.id, seen ? newerInteraction(seen, i) : i);
        }
        restoreContacts(byId.values());
      }
      if (!fresh) {
        contacts = await mergeByKey(db.contacts, file.contacts, newerContact, (d, t) => step('contacts', d, t), (written) => {
          for (const [, c] of written) touched.add(c.id);
        });
      }
      let eventsAdded = 0;
      const interactions = fresh
        ? await restoreHistories(db, incoming, (d, t) => step('interactions', d, t), (n) => (eventsAdded = n))
        : await mergeByKey(
        interactionTable(db, incoming),
        // By person: a chunk holds whole histories, so each is read once (the file is in id order).
        [...incoming].sort((a, b) => (a.contactId < b.contactId ? -1 : a.contactId > b.contactId ? 1 : 0)),
        mergeInteraction,
        (d, t) => step('interactions', d, t),
        (written) => {
          for (const [before, after] of written) {
            eventsAdded += after.events.length - (before?.events.length ?? 0);
            if (!fresh) touched.add(after.contactId);
            if (!fresh && before) touched.add(before.contactId);
          }
        },
        // Only appended events: the interaction itself is not "updated".
        (before, after) => !sameJSON(withoutEvents(before), withoutEvents(after)),
      );
      await contactsWritten;
      // A merge: everyone whose record or interactions were written gets their summary recomputed.
      await refreshSummaries(db, touched);
      // The events went in with their interactions; the phase is reported for the progress bar.
      step('events', eventsAdded, eventsAdded);
      const corrections = await mergeCorrections(db, file.corrections);
      // A merge may keep or replace stored people holding merges: those are read back, as before.
      const mergedOwners = mergedOwnersOf(fresh ? holders : await db.contacts.filter((c) => (c.merged?.length ?? 0) > 0).toArray());
      return { ok: true as const, contacts: contacts!, interactions, events: { added: eventsAdded, skipped: file.events.length - eventsAdded }, corrections, mergedOwners };
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

/**
 * Every interaction needs its contact and every event its interaction, in the file or already
 * stored. Returns the file's interaction ids. Plain loops: a big file has 300,000 references.
 */
async function checkReferences(db: FrontlineDB, file: ExportFile): Promise<Set<string>> {
  const contactIds = new Set<string>();
  for (const c of file.contacts) contactIds.add(c.id);
  const notInFile = new Set<string>();
  for (const i of file.interactions) if (!contactIds.has(i.contactId)) notInFile.add(i.contactId);
  const missingContacts = [...notInFile];
  const storedContacts = await db.contacts.bulkGet(missingContacts);
  missingContacts.forEach((id, n) => {
    if (!storedContacts[n]) {
      const at = file.interactions.findIndex((i) => i.contactId === id);
      throw new ImportProblem(`interactions[${at}].contactId: no contact "${id}" in the file or the database`);
    }
  });
  const interactionIds = new Set<string>();
  for (const i of file.interactions) interactionIds.add(i.id);
  const eventsNotInFile = new Set<string>();
  for (const e of file.events) if (!interactionIds.has(e.interactionId)) eventsNotInFile.add(e.interactionId);
  const missing = [...eventsNotInFile];
  const stored = await getInteractions(db, missing);
  missing.forEach((id, n) => {
    if (!stored[n]) {
      const at = file.events.findIndex((e) => e.interactionId === id);
      throw new ImportProblem(`events[${at}].interactionId: no interaction "${id}" in the file or the database`);
    }
  });
  return interactionIds;
}

/** One correction per post: the agent's later word wins, whichever side it is on. */
async function mergeCorrections(db: FrontlineDB, incoming: readonly Correction[]): Promise<{ added: number; updated: number }> {
  const latest = new Map<string, Correction>();
  for (const c of incoming) {
    const seen = latest.get(c.id);
    if (!seen || c.at > seen.at) latest.set(c.id, c);
  }
  const ids = [...latest.keys()];
  const stored = await db.corrections.bulkGet(ids);
  const write: Correction[] = [];
  let added = 0;
  ids.forEach((id, n) => {
    const before = stored[n];
    const c = latest.get(id)!;
    if (!before) added++;
    if (!before || (c.at > before.at && !sameJSON(before, c))) write.push(c);
  });
  if (write.length) await db.corrections.bulkPut(write);
  return { added, updated: write.length - added };
}

function newerContact(a: Contact, b: Contact): Contact {
  const newer = b.lastSeenAt > a.lastSeenAt ? b : a;
  return { ...newer, firstSeenAt: Math.min(a.firstSeenAt, b.firstSeenAt) };
}

function newerInteraction<T extends Interaction>(a: T, b: T): T {
  const newer = b.lastEventAt > a.lastEventAt ? b : a;
  const merged = { ...newer, firstSeenAt: Math.min(a.firstSeenAt, b.firstSeenAt) };
  const replies = [a.firstReplyAt, b.firstReplyAt].filter((t): t is number => t !== undefined);
  if (replies.length) merged.firstReplyAt = Math.min(...replies);
  return merged;
}

/** Events are the same when they happened at the same time and are of the same type. */
const sameEvent = (a: Pick<StoredEvent, 'at' | 'type'>, b: Pick<StoredEvent, 'at' | 'type'>) => a.at === b.at && a.type === b.type;

/** Whether `list` holds an event like `e`. Logs are short (a handful of events), so a scan beats a Set each. */
function holds(list: readonly StoredEvent[], e: StoredEvent): boolean {
  for (let n = 0; n < list.length; n++) if (sameEvent(list[n]!, e)) return true;
  return false;
}

/** The file's events by interaction, in file order, without repeats of (interaction, time, type). */
function groupEvents(events: readonly InteractionEvent[]): Map<string, StoredEvent[]> {
  const byId = new Map<string, StoredEvent[]>();
  for (const e of events) {
    let list = byId.get(e.interactionId);
    if (!list) byId.set(e.interactionId, (list = []));
    if (!holds(list, e)) list.push(toStoredEvent(e));
  }
  return byId;
}

/**
 * The record with this event log; lastEventAt is never older than its latest event nor than the
 * interaction. In place: the records are the import's own copies (zod's output, or just read).
 */
function withLog(i: Interaction, events: StoredEvent[]): StoredInteraction {
  const record = i as StoredInteraction;
  record.events = events;
  if (record.firstSeenAt > record.lastEventAt) record.lastEventAt = record.firstSeenAt;
  for (const e of events) if (e.at > record.lastEventAt) record.lastEventAt = e.at;
  return record;
}

/** The newer copy's fields; the log is `existing`'s, untouched, plus the events it lacks, appended. */
function mergeInteraction(existing: StoredInteraction, incoming: StoredInteraction): StoredInteraction {
  const merged = newerInteraction(existing, incoming);
  let events = existing.events;
  for (const e of incoming.events) {
    if (holds(events, e)) continue;
    if (events === existing.events) events = [...events];
    events.push(e);
  }
  merged.events = events;
  for (let n = existing.events.length; n < events.length; n++) if (events[n]!.at > merged.lastEventAt) merged.lastEventAt = events[n]!.at;
  return merged;
}

/**
 * The stored copies of `ids` (same order, undefined where absent). An export lists records in
 * key order, so a chunk's ids usually cover a narrow key range: one getAll() over that range
 * (bounded) replaces thousands of get() requests. Ids past what the bounded read reached
 * are fetched with bulkGet, so the answer is exact whatever the order.
 */
async function storedCopies<T extends { id: string }>(table: KeyedTable<T>, ids: string[]): Promise<Array<T | undefined>> {
  if (ids.length < 50 || !table.where) return table.bulkGet(ids);
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

/**
 * A restore into empty stores (schema v8): each person's interactions become one history record,
 * written HISTORY_CHUNK at a time (the next chunk handed to IndexedDB before the previous one is
 * confirmed), then the locator. Progress counts interactions.
 */
async function restoreHistories(
  db: FrontlineDB,
  incoming: readonly StoredInteraction[],
  progress: (done: number, total: number) => void,
  onEvents: (added: number) => void,
): Promise<{ added: number; updated: number }> {
  const byId = new Map<string, StoredInteraction>();
  for (const item of incoming) {
    const seen = byId.get(item.id);
    byId.set(item.id, seen ? mergeInteraction(seen, item) : item);
  }
  const items = [...byId.values()];
  let events = 0;
  for (const i of items) events += i.events.length;
  onEvents(events);
  const histories = historiesOf(items);
  progress(0, items.length);
  // The locator first, not after the last history is confirmed: the database writes it while the
  // page serialises the histories (the same transaction either way).
  const located = db.locator.bulkAdd([...buildLocator(histories).values()]);
  located.catch(() => {});
  let done = 0;
  await writeAhead(histories, HISTORY_CHUNK, HISTORY_CHUNKS_AHEAD, (chunk) => db.histories.bulkAdd(chunk), (_, chunk) => {
    for (const h of chunk) done += h.interactions.length;
    progress(done, items.length);
  });
  await located;
  return { added: items.length, updated: 0 };
}

/** Histories per write request in a restore (~5 interactions each: about CHUNK interactions). */
const HISTORY_CHUNK = 1_000;

/**
 * Chunks of histories handed to IndexedDB before the oldest is confirmed. With one ahead (before
 * issue 22, branch query4) the page stopped after serialising each chunk until the database had
 * written the one before, and the contacts, handed over just before, held the database for the
 * first ~2.5 s: the page idled. Eight (~40 MB of serialised records at most) keep both at work.
 */
const HISTORY_CHUNKS_AHEAD = 8;

/**
 * Hands `items` to `write` `size` at a time, up to `ahead` requests unconfirmed (the next chunk is
 * serialised while the database writes the ones before), reporting each chunk as handed over;
 * resolves once every chunk is written. A failed chunk rejects it, at the latest at the end, and
 * the caller's transaction then aborts: nothing is kept. `progress` may throw (Cancel) to stop.
 */
async function writeAhead<T>(
  items: readonly T[],
  size: number,
  ahead: number,
  write: (chunk: T[]) => Promise<unknown>,
  progress: (handed: number, chunk: T[]) => void,
): Promise<void> {
  const inFlight: Array<Promise<unknown>> = [];
  for (let start = 0; start < items.length; start += size) {
    const chunk = items.slice(start, start + size);
    const written = write(chunk);
    // Awaited below (or at the end); until then a failure must not count as unhandled.
    written.catch(() => {});
    inFlight.push(written);
    if (inFlight.length > ahead) await inFlight.shift();
    progress(Math.min(start + size, items.length), chunk);
  }
  await Promise.all(inFlight);
}

/** One record per id, as mergeByKey keeps them (`merge` decides between copies). */
function latestById<T extends { id: string }>(incoming: readonly T[], merge: (existing: T, incoming: T) => T): T[] {
  const byId = new Map<string, T>();
  for (const item of incoming) {
    const seen = byId.get(item.id);
    byId.set(item.id, seen ? merge(seen, item) : item);
  }
  return [...byId.values()];
}

/**
 * The interactions as mergeByKey's table. A lookup reads the histories of the people the file
 * names (one get per person, no locator); only what is not there (new, or moved by a merge) is
 * looked up through the locator. Writes go through writeInteractions.
 */
function interactionTable(db: FrontlineDB, incoming: readonly StoredInteraction[]): KeyedTable<StoredInteraction> {
  const claimed = new Map(incoming.map((i) => [i.id, i.contactId]));
  return {
    limit: (n) => db.histories.limit(n),
    bulkGet: async (ids) => {
      const people = [...new Set(ids.map((id) => claimed.get(id)!))];
      const byId = new Map<string, StoredInteraction>();
      for (const h of await db.histories.bulkGet(people)) if (h) for (const i of h.interactions) byId.set(i.id, i);
      const missing = ids.filter((id) => !byId.has(id));
      if (missing.length) (await getInteractions(db, missing)).forEach((i) => i && byId.set(i.id, i));
      return ids.map((id) => byId.get(id));
    },
    bulkPut: (items) => writeInteractions(db, items),
    bulkAdd: (items) => writeInteractions(db, items),
  };
}

interface KeyedTable<T> {
  where?(index: ':id'): { between(lower: string, upper: string, includeLower: boolean, includeUpper: boolean): { limit(n: number): { toArray(): Promise<T[]> } } };
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
  /** Each write as [the stored copy or undefined, what is written]. */
  onWrite: (written: ReadonlyArray<readonly [T | undefined, T]>) => void = () => {},
  /** Whether a changed record counts as updated (all writes happen either way). */
  isUpdate: (before: T, after: T) => boolean = () => true,
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
  let inFlight: Promise<unknown> | undefined;
  for (let start = 0; start < items.length; start += CHUNK) {
    const chunk = items.slice(start, start + CHUNK);
    let writes: T[];
    let pairs: Array<readonly [T | undefined, T]>;
    if (empty) {
      writes = chunk;
      pairs = chunk.map((item) => [undefined, item] as const);
      added += chunk.length;
    } else {
      const stored = await storedCopies(table, chunk.map((i) => i.id));
      writes = [];
      pairs = [];
      chunk.forEach((item, n) => {
        const before = stored[n];
        if (!before) {
          added++;
          writes.push(item);
          pairs.push([undefined, item]);
          return;
        }
        const merged = merge(before, item);
        if (!sameJSON(merged, before)) {
          if (isUpdate(before, merged)) updated++;
          writes.push(merged);
          pairs.push([before, merged]);
        }
      });
    }
    if (empty && writes.length) {
      // A restore: the next chunk is handed to IndexedDB before this one is confirmed, so the page
      // prepares (serialises) one chunk while the database writes the previous one. A failed or
      // aborted write still rejects where it is awaited (and aborts the one transaction).
      const write = table.bulkAdd(writes);
      write.catch(() => {});
      if (inFlight) await inFlight;
      inFlight = write;
    } else if (writes.length) {
      await table.bulkPut(writes);
    }
    onWrite(pairs);
    progress(Math.min(start + CHUNK, items.length), items.length);
  }
  if (inFlight) await inFlight;
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
