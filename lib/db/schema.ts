import Dexie, { type DexieOptions, type EntityTable, type IndexableType, type Table } from 'dexie';
import { themesOf } from '../model/themes';
import type { Contact, Correction, Interaction, InteractionEvent, StoredEvent, StoredInteraction } from './records';
import { toStoredEvent } from './event-shape';
import type { PendingWrite } from './pending-write';
import { DIRECTORY_STORE, buildShards, directoryMiddleware, type DirectoryShard } from './directory';
import { searchWordsFor } from './normalise';
import { SummaryBuilder, followUpDueOf, setFollowUpDue, withSummary } from './summary';
import { HISTORY_STORE, LOCATOR_STORE, buildLocator, historiesOf, type History, type LocatorShard } from './histories';
import { rethemed } from './retheme';

/** Records per read in the v4 upgrade. */
const UPGRADE_CHUNK = 10_000;

/** Walks a store in primary-key order, UPGRADE_CHUNK records at a time: an upgrade never holds a whole store. */
async function inKeyChunks<T, K extends IndexableType>(table: Table<T, K>, keyOf: (record: T) => K, each: (chunk: T[]) => unknown): Promise<void> {
  for (let last: K | undefined; ; ) {
    const chunk = await (last === undefined ? table.orderBy(':id') : table.where(':id').above(last)).limit(UPGRADE_CHUNK).toArray();
    await each(chunk);
    if (chunk.length < UPGRADE_CHUNK) break;
    last = keyOf(chunk[chunk.length - 1]!);
  }
}

export const DEFAULT_DB_NAME = 'frontline';

/**
 * Index lists per version, exported so the migration tests can build real older databases.
 * In the current version (6) every index serves a query (see queries.ts / insights):
 * - contacts: lastSeenAt (recent list)
 * - interactions: [contactId+firstSeenAt] (a customer's history in order, newest page, count),
 *   followUpDue (due list, pending only), lastEventAt (counts, charts, retention),
 *   [contactId+followUpDue] (a searched person's pending follow-ups)
 * - directory: shard (name/handle search and who has a follow-up due, read whole)
 * Queries read an index range with toArray() and filter in JavaScript: a Dexie .filter() on a
 * range walks a cursor one record per request, measured 30-100x slower than one getAll().
 */
export const SCHEMA_V1 = {
  contacts: 'id, lastSeenAt, platform',
  interactions: 'id, [contactId+firstSeenAt], status, followUpAt, firstSeenAt, severity',
  events: '++seq, interactionId, at',
} as const;

/** v2: name/handle prefix search, theme filter, and a store for writes refused by quota. */
export const SCHEMA_V2 = {
  contacts: 'id, lastSeenAt, platform, *searchWords',
  interactions: 'id, [contactId+firstSeenAt], status, followUpAt, firstSeenAt, severity, *themes',
  events: '++seq, interactionId, at',
  pending: '++id, createdAt',
} as const;

/**
 * v3: only indexes a query reads. Dropped: contacts.platform, interactions.status, .severity
 * and *themes: no query reads them, and every index is paid on every write (measured in
 * Chromium: ~205 µs per interaction written with six indexes, ~130 µs with the three kept).
 * No record changes and no new index, so no upgrade function and nothing to build.
 */
export const SCHEMA_V3 = {
  contacts: 'id, lastSeenAt, *searchWords',
  interactions: 'id, [contactId+firstSeenAt], followUpAt, firstSeenAt',
  events: '++seq, interactionId, at',
  pending: '++id, createdAt',
} as const;

/**
 * v4: derived fields that spare the lists their history reads (summary.ts). Contacts carry
 * interactionCount / lastStatus / maxSeverity and followUpDue (their earliest pending follow-up,
 * indexed: a search finds the people with one due from keys alone); interactions carry followUpDue, set only while a
 * follow-up is pending, and its index replaces followUpAt's: the due list is one index range
 * holding only pending follow-ups (the old index also held every done or resolved one).
 * The upgrade computes both for existing records.
 */
export const SCHEMA_V4 = {
  contacts: 'id, lastSeenAt, *searchWords, followUpDue',
  interactions: 'id, [contactId+firstSeenAt], followUpDue, firstSeenAt',
  events: '++seq, interactionId, at',
  pending: '++id, createdAt',
} as const;

/**
 * v5: an interaction's events live inside its record (`events`, an append-only array) instead of
 * one record each in an `events` store: every IndexedDB record written costs ≥ 50–70 µs in
 * Chromium whatever its size, and events were 200,000 of a 100,000-interaction log's 320,000
 * records. The events store is gone. `lastEventAt` (the time of an interaction's latest event,
 * never before its firstSeenAt) is indexed in place of firstSeenAt and of events' `at`: the
 * today/this-week counts read the interactions active since Monday, retention the ones idle
 * since the cutoff, and insights ("first seen in [from, to)", periods ending now) the ones
 * active since `from`, filtered (queries.ts firstSeenBetween). So an interaction still costs
 * three index entries. The upgrade moves every event into its interaction, in sequence order.
 */
export const SCHEMA_V5 = {
  contacts: 'id, lastSeenAt, *searchWords, followUpDue',
  interactions: 'id, [contactId+firstSeenAt], followUpDue, lastEventAt',
  events: null,
  pending: '++id, createdAt',
} as const;

/**
 * v6: search reads a derived directory (directory.ts) instead of index ranges, so contacts lose
 * the *searchWords and followUpDue indexes (no query reads them any more, and each cost index
 * entries on every write); the directory holds the same words and due times in 64 records.
 * Interactions gain [contactId+followUpDue]: a person's pending follow-ups are read without
 * their whole history (a 300-post customer with one promise due reads one record).
 * The upgrade builds the directory from the contacts.
 */
export const SCHEMA_V6 = {
  contacts: 'id, lastSeenAt',
  interactions: 'id, [contactId+firstSeenAt], followUpDue, lastEventAt, [contactId+followUpDue]',
  pending: '++id, createdAt',
  directory: 'shard',
} as const;

/**
 * v7: the agent's corrections of verdicts (records.ts CorrectionSchema), one per post, keyed by
 * interaction id; `at` orders them for the correction layer and answers retention. A new store
 * only: every existing record stays as it is, so no upgrade function.
 */
export const SCHEMA_V7 = { ...SCHEMA_V6, corrections: 'id, at' } as const;

/**
 * v8: a person's interactions live together, one `histories` record per contact (histories.ts),
 * and a derived `locator` maps an interaction id to its contact. Every IndexedDB record and every
 * index entry written costs about the same in Chromium (85–300 µs here), so a restore of 100,000
 * interactions wrote 120,000 records and 400,000 index entries; now 20,000 contacts, ~20,000
 * histories, 256 locator shards, and on histories three small indexes: lastEventAt (the latest of
 * theirs: "active since"), idleSince (the earliest: "idle before") and *due (one
 * [followUpDue, interactionId] per pending follow-up). [contactId+firstSeenAt] and
 * [contactId+followUpDue] are the history record itself. The upgrade reads the interactions in
 * [contactId+firstSeenAt] order, 10,000 at a time, and writes each person's history once.
 */
export const SCHEMA_V8 = {
  contacts: 'id, lastSeenAt',
  interactions: null,
  histories: 'id, lastEventAt, idleSince, *due',
  locator: 'shard',
  pending: '++id, createdAt',
  directory: 'shard',
  corrections: 'id, at',
} as const;

export class FrontlineDB extends Dexie {
  contacts!: EntityTable<Contact, 'id'>;
  histories!: EntityTable<History, 'id'>;
  locator!: EntityTable<LocatorShard, 'shard'>;
  pending!: EntityTable<PendingWrite, 'id'>;
  directory!: EntityTable<DirectoryShard, 'shard'>;
  corrections!: EntityTable<Correction, 'id'>;

  /** The IDBKeyRange of this database's IndexedDB (the global one, or the one given in options). */
  readonly keyRange: typeof IDBKeyRange | undefined;

  constructor(name: string = DEFAULT_DB_NAME, options?: DexieOptions) {
    super(name, options);
    this.keyRange = (options?.IDBKeyRange as typeof IDBKeyRange | undefined) ?? globalThis.IDBKeyRange;
    this.version(1).stores(SCHEMA_V1);
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade(async (tx) => {
        // Version-1 records have neither field; compute them from what they do have.
        await tx
          .table('contacts')
          .toCollection()
          .modify((c: Partial<Contact>) => {
            c.searchWords = searchWordsFor(c.name ?? '', c.handle ?? '');
          });
        await tx
          .table('interactions')
          .toCollection()
          .modify((i: Partial<Interaction>) => {
            i.themes = themesOf(i.text ?? '');
          });
      });
    this.version(3).stores(SCHEMA_V3);
    this.version(4)
      .stores(SCHEMA_V4)
      .upgrade(async (tx) => {
        // Read in key-range chunks (getAll), not modify(): a cursor costs one round trip per
        // record (measured 25 s for 100,000 interactions in Chromium). Only the few interactions
        // with a pending follow-up change; every contact gets its summary.
        const summaries = new Map<string, SummaryBuilder>();
        const interactions = tx.table<Interaction, string>('interactions');
        await inKeyChunks(interactions, (i) => i.id, async (chunk) => {
          const pending: Interaction[] = [];
          for (const i of chunk) {
            if (followUpDueOf(i) !== i.followUpDue) pending.push(setFollowUpDue(i));
            let b = summaries.get(i.contactId);
            if (!b) summaries.set(i.contactId, (b = new SummaryBuilder()));
            b.add(i);
          }
          if (pending.length) await interactions.bulkPut(pending);
        });
        const contacts = tx.table<Contact, string>('contacts');
        await inKeyChunks(contacts, (c) => c.id, async (chunk) => {
          for (let n = 0; n < chunk.length; n++) chunk[n] = withSummary(chunk[n]!, (summaries.get(chunk[n]!.id) ?? new SummaryBuilder()).summary);
          if (chunk.length) await contacts.bulkPut(chunk);
        });
      });
    this.version(5)
      .stores(SCHEMA_V5)
      .upgrade(async (tx) => {
        // The events store still exists during this upgrade (Dexie deletes it afterwards).
        // Read it in sequence order, 10,000 at a time, and group by interaction.
        const byInteraction = new Map<string, StoredEvent[]>();
        const events = tx.table<InteractionEvent, number>('events');
        await inKeyChunks(events, (e) => e.seq!, (chunk) => {
          for (const e of chunk) {
            let list = byInteraction.get(e.interactionId);
            if (!list) byInteraction.set(e.interactionId, (list = []));
            list.push(toStoredEvent(e));
          }
        });
        const interactions = tx.table<StoredInteraction, string>('interactions');
        await inKeyChunks(interactions, (i) => i.id, async (chunk) => {
          for (const i of chunk) {
            i.events = byInteraction.get(i.id) ?? [];
            // lastEventAt is indexed now and answers "active since": never older than an event
            // or than the interaction itself.
            i.lastEventAt = Math.max(i.lastEventAt, i.firstSeenAt);
            for (const e of i.events) if (e.at > i.lastEventAt) i.lastEventAt = e.at;
          }
          if (chunk.length) await interactions.bulkPut(chunk);
        });
        // Events of interactions that no longer exist (none should) go with the store.
      });
    this.version(6)
      .stores(SCHEMA_V6)
      .upgrade(async (tx) => {
        const shards = new Map<number, DirectoryShard>();
        await inKeyChunks(tx.table<Contact, string>('contacts'), (c) => c.id, (chunk) => buildShards(chunk, shards));
        await tx.table<DirectoryShard, number>(DIRECTORY_STORE).bulkPut([...shards.values()]);
      });
    this.version(7).stores(SCHEMA_V7);
    this.version(8)
      .stores(SCHEMA_V8)
      .upgrade(async (tx) => {
        // People in key order, a slice at a time, each slice's interactions read in one
        // [contactId+firstSeenAt] range: a person's history is written once, complete. The slices
        // tile the whole key space, so an interaction whose contact is missing is kept too.
        const source = tx.table<StoredInteraction, string>('interactions');
        const histories = tx.table<History, string>(HISTORY_STORE);
        const locator = new Map<number, LocatorShard>();
        const people = (await tx.table<Contact, string>('contacts').toCollection().primaryKeys()) as string[];
        const per = UPGRADE_CHUNK / 5; // ~5 interactions a person: ~10,000 interactions a slice
        for (let start = 0; start <= people.length; start += per) {
          const from = start === 0 ? Dexie.minKey : people[start - 1]!;
          const end = start + per - 1;
          const to = end < people.length ? people[end]! : Dexie.maxKey;
          const chunk = await source
            .where('[contactId+firstSeenAt]')
            .between([from, Dexie.maxKey], [to, Dexie.maxKey], start === 0, true)
            .toArray();
          const groups = historiesOf(chunk);
          buildLocator(groups, locator);
          if (groups.length) await histories.bulkAdd(groups);
          if (end >= people.length) break;
        }
        await tx.table<LocatorShard, number>(LOCATOR_STORE).bulkAdd([...locator.values()]);
      });
    // v9: the same stores; every stored complaint's themes recomputed with the 2026-12-08 theme
    // words (retheme.ts), so the dashboard counts old and new complaints alike. Only histories
    // whose themes change are written. A later change to the theme words adds a version like this.
    this.version(9)
      .stores(SCHEMA_V8)
      .upgrade(async (tx) => {
        const histories = tx.table<History, string>(HISTORY_STORE);
        await inKeyChunks(histories, (h) => h.id, async (chunk) => {
          const changed = chunk.map(rethemed).filter((h): h is History => h !== undefined);
          if (changed.length) await histories.bulkPut(changed);
        });
      });
    this.use(directoryMiddleware);
  }
}
