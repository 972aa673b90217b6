import { now } from '../time/clock';
import type { IndexableType, Table } from 'dexie';
import { z } from 'zod';
import type { FrontlineDB } from './schema';
import { toCSV } from './csv';
import { throwIfAborted } from './errors';
import { isWebUrl } from '../web-url';
import { ContactSchema, CorrectionSchema, MergedContactSchema, EventSchema, InteractionSchema, type InteractionEvent, type StoredInteraction } from './records';
import { withOwner, withoutEvents } from './event-shape';
import { allInteractions, logTables, type History } from './histories';

export const EXPORT_FORMAT = 'frontline-export';
export const EXPORT_VERSION = 1;

/** A file is anyone's: a permalink in it ends up behind a click, so only web links are read. */
const WebLink = z.string().max(2_000).refine(isWebUrl, { error: 'expected an http(s) link' });

export const ExportFileSchema = z.object({
  format: z.literal(EXPORT_FORMAT, { error: 'not a Frontline export' }),
  version: z.literal(EXPORT_VERSION, { error: `unsupported export version (this Frontline reads version ${EXPORT_VERSION})` }),
  exportedAt: z.number().int().nonnegative(),
  contacts: z.array(
    ContactSchema.extend({
      lastPermalink: WebLink.nullable(),
      // A merged contact comes back on undo (merge.ts): its link is checked like any other.
      merged: z.array(MergedContactSchema.extend({ contact: MergedContactSchema.shape.contact.extend({ lastPermalink: WebLink.nullable() }) })).optional(),
    }),
  ),
  interactions: z.array(InteractionSchema.extend({ permalink: WebLink.nullable() })),
  events: z.array(EventSchema),
  /** The agent's corrections of verdicts (schema v7); files from before have none. */
  corrections: z.array(CorrectionSchema).default([]),
});
export type ExportFile = z.infer<typeof ExportFileSchema>;

export interface Progress {
  phase: 'contacts' | 'interactions' | 'events';
  done: number;
  total: number;
}
export interface TransferOptions {
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
}

/**
 * Everything in one versioned object, read in one transaction so it is a consistent snapshot.
 * The file keeps the flat layout of export version 1 (events in their own list, naming their
 * interaction and contact), whatever the stores look like: files from any schema read back.
 */
export async function exportJSON(db: FrontlineDB, options: TransferOptions = {}): Promise<ExportFile> {
  const { onProgress, signal } = options;
  return db.transaction('r', [db.contacts, ...logTables(db), db.corrections], async () => {
    throwIfAborted(signal, 'Export');
    const contacts = await db.contacts.toArray();
    onProgress?.({ phase: 'contacts', done: contacts.length, total: contacts.length });
    throwIfAborted(signal, 'Export');
    // In id order, as the interactions store gave them up to schema v7: the file is unchanged.
    const stored = (await allInteractions(db)).sort(byId);
    const interactions = stored.map(withoutEvents);
    onProgress?.({ phase: 'interactions', done: interactions.length, total: interactions.length });
    throwIfAborted(signal, 'Export');
    const events: InteractionEvent[] = [];
    for (const i of stored) for (const e of i.events) events.push(withOwner(i, e));
    onProgress?.({ phase: 'events', done: events.length, total: events.length });
    const corrections = await db.corrections.toArray();
    return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now(), contacts, interactions, events, corrections };
  });
}

/** Records per read while streaming an export. */
const EXPORT_CHUNK = 10_000;

export interface StreamOptions extends TransferOptions {
  /** Records per read (tests use small ones to cross chunk boundaries). */
  chunk?: number;
}

/**
 * The same file as JSON.stringify(await exportJSON(db)), byte for byte, as a list of text
 * parts: see exportJSONStream. Tests compare it to exportJSON.
 */
export async function exportJSONParts(db: FrontlineDB, options: StreamOptions = {}): Promise<string[]> {
  return (await exportJSONStream(db, options)) as string[];
}

/** Text held before it becomes a Blob (UTF-16 code units: ~64 MB of this page's memory). */
const BLOB_EVERY_CHARS = 32 * 2 ** 20;

/**
 * The export as a Blob built as it is read (the dashboard's Export JSON): whenever the text
 * produced reaches `blobEvery` characters, it becomes a Blob (its bytes go to the browser, this
 * page drops the text), so the page never holds the whole 100+ MB file, only a bounded part.
 */
export async function exportJSONBlob(db: FrontlineDB, options: StreamOptions & { blobEvery?: number } = {}): Promise<Blob> {
  const parts = await exportJSONStream(db, options, options.blobEvery ?? BLOB_EVERY_CHARS);
  return new Blob(parts, { type: 'application/json' });
}

/** A section's parts: text as produced, turned into one Blob whenever `blobEvery` characters are pending. */
class Parts {
  readonly list: Array<string | Blob> = [];
  private pendingFrom = 0;
  private pendingChars = 0;
  constructor(private readonly blobEvery: number | undefined) {}

  push(text: string): void {
    this.list.push(text);
    this.pendingChars += text.length;
    if (this.blobEvery !== undefined && this.pendingChars >= this.blobEvery) this.flush();
  }

  flush(): void {
    if (this.blobEvery === undefined || this.pendingFrom === this.list.length) return;
    this.list.push(new Blob(this.list.splice(this.pendingFrom) as string[]));
    this.pendingFrom = this.list.length;
    this.pendingChars = 0;
  }
}

/**
 * The file of exportJSON, streamed: each table is read in key order, `chunk` records at a time
 * (`where(':id').above(lastKey)`), and each chunk is stringified while the next one is read, so
 * there is never one giant array of records nor, with `blobEvery`, more than that much text. One
 * read transaction, so it is still a consistent snapshot. The events list is written from the
 * interaction chunks as they pass (their events are stored inside them).
 */
async function exportJSONStream(db: FrontlineDB, options: StreamOptions, blobEvery?: number): Promise<Array<string | Blob>> {
  const { onProgress, signal } = options;
  const chunk = options.chunk ?? EXPORT_CHUNK;
  return db.transaction('r', [db.contacts, ...logTables(db), db.corrections], async () => {
    const head = `{"format":${JSON.stringify(EXPORT_FORMAT)},"version":${EXPORT_VERSION},"exportedAt":${now()}`;
    const eventParts = new Parts(blobEvery);
    let eventsDone = 0;
    // The two tables are read concurrently in the one transaction: IndexedDB reads the next
    // chunk of one store while this thread decodes and stringifies another's.
    const readTable = async (phase: 'contacts' | 'interactions', table: Table): Promise<Parts> => {
      const out = new Parts(blobEvery);
      out.push(`,"${phase}":[`);
      throwIfAborted(signal, 'Export');
      let done = 0;
      // Interactions (schema v8) are stored by person: all of them are read (histories in key
      // chunks), then written in id order, as the file has always listed them.
      const byIdOrder = phase === 'interactions' ? await interactionsInIdOrder(db, chunk, signal) : undefined;
      const read = (after?: IndexableType): Promise<Array<Record<string, unknown>>> => {
        if (byIdOrder) {
          const from = after === undefined ? 0 : byIdOrder.next;
          byIdOrder.next = from + chunk;
          return Promise.resolve(byIdOrder.list.slice(from, from + chunk) as unknown as Array<Record<string, unknown>>);
        }
        return (after === undefined ? table.orderBy(':id') : table.where(':id').above(after)).limit(chunk).toArray();
      };
      let next = read();
      for (;;) {
        const rows = await next;
        if (rows.length === 0) break;
        const lastKey = rows[rows.length - 1]!.id as IndexableType;
        // Read ahead while this chunk is turned into text.
        next = rows.length < chunk ? Promise.resolve([]) : read(lastKey);
        if (phase === 'interactions') {
          const stored = rows as unknown as StoredInteraction[];
          const events: InteractionEvent[] = [];
          for (const i of stored) for (const e of i.events) events.push(withOwner(i, e));
          if (events.length) {
            const text = JSON.stringify(events);
            eventParts.push(eventsDone === 0 ? text.slice(1, -1) : `,${text.slice(1, -1)}`);
            eventsDone += events.length;
            onProgress?.({ phase: 'events', done: eventsDone, total: eventsDone });
          }
          // In place (these records were just read for this export): JSON.stringify leaves out a
          // property set to undefined, so the text is as if the record had no events field.
          for (const i of stored) (i as { events?: unknown }).events = undefined;
        }
        const text = JSON.stringify(rows);
        out.push(done === 0 ? text.slice(1, -1) : `,${text.slice(1, -1)}`);
        done += rows.length;
        // count() would walk the whole store first; the total is known once the last chunk is read.
        onProgress?.({ phase, done, total: rows.length < chunk ? done : done + chunk });
        throwIfAborted(signal, 'Export');
      }
      if (done % chunk === 0) onProgress?.({ phase, done, total: done });
      out.push(']');
      out.flush();
      return out;
    };
    const [contactParts, interactionParts] = await Promise.all([
      readTable('contacts', db.contacts as unknown as Table),
      readTable('interactions', db.histories as unknown as Table),
    ]);
    eventParts.flush();
    // A few thousand at most (MAX_CORRECTIONS is what the layer reads): one read, one string.
    const corrections = JSON.stringify(await db.corrections.toArray());
    return [head, ...contactParts.list, ...interactionParts.list, ',"events":[', ...eventParts.list, '],"corrections":', corrections, '}'];
  });
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Every interaction, read a chunk of histories at a time (the next read while one is unpacked), sorted by id. */
async function interactionsInIdOrder(db: FrontlineDB, chunk: number, signal?: AbortSignal): Promise<{ list: StoredInteraction[]; next: number }> {
  const size = Math.max(1, Math.ceil(chunk / 5));
  const list: StoredInteraction[] = [];
  let next: Promise<History[]> = db.histories.orderBy(':id').limit(size).toArray();
  for (;;) {
    const rows = await next;
    if (rows.length === 0) break;
    next = rows.length < size ? Promise.resolve([]) : db.histories.where(':id').above(rows[rows.length - 1]!.id).limit(size).toArray();
    for (const h of rows) for (const i of h.interactions) list.push(i);
    throwIfAborted(signal, 'Export');
  }
  return { list: list.sort(byId), next: 0 };
}

const CONTACT_COLUMNS = ['id', 'platform', 'name', 'handle', 'firstSeenAt', 'lastSeenAt', 'lastPermalink'] as const;
const INTERACTION_COLUMNS = [
  'id', 'contactId', 'platform', 'permalink', 'text', 'severity', 'score', 'complaint', 'themes', 'cues',
  'status', 'firstSeenAt', 'lastEventAt', 'firstReplyAt', 'lastReply', 'resolvedAt', 'followUpAt', 'followUpDone',
] as const;

/** A spreadsheet of one table; times as ISO 8601 so people can read them. */
export async function exportCSV(db: FrontlineDB, table: 'contacts' | 'interactions'): Promise<string> {
  const iso = (v: unknown) => (typeof v === 'number' ? new Date(v).toISOString() : v);
  const cell = (record: Record<string, unknown>, key: string) => (/At$/.test(key) ? iso(record[key]) : record[key]);
  if (table === 'contacts') {
    const rows = await db.contacts.orderBy('lastSeenAt').reverse().toArray();
    return toCSV(CONTACT_COLUMNS, rows.map((r) => CONTACT_COLUMNS.map((k) => cell(r, k))));
  }
  // Newest first seen first (ties: higher id first), as the old firstSeenAt index gave them.
  const rows = (await allInteractions(db)).sort((a, b) => b.firstSeenAt - a.firstSeenAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  return toCSV(INTERACTION_COLUMNS, rows.map((r) => INTERACTION_COLUMNS.map((k) => cell(r, k))));
}
