import Dexie, { type EntityTable } from 'dexie';
import { hashString } from '../model/hash';
import type { StoredInteraction } from './records';

/** The stores this module reads and writes (FrontlineDB has them; schema.ts imports this module). */
interface FrontlineDB {
  histories: EntityTable<History, 'id'>;
  locator: EntityTable<LocatorShard, 'shard'>;
}

/**
 * Schema v8: a person's interactions (each with its events inside, v5) are stored together, one
 * `histories` record per contact, keyed by the contact's id. Why: in Chromium every IndexedDB
 * record written costs 85–300 µs whatever its size, and so does every index entry; a restore of
 * 100,000 interactions wrote 120,000 records. Grouped, it writes 20,000 (research/db/probe-restore.ts
 * group: 36.5 s → 9.9 s for the same data on a loaded machine).
 *
 * Every read and write of interactions goes through this module, so the record layout is in one
 * place. Indexes on a history (each costs on every write, so only what a query reads):
 * - lastEventAt: the latest of its interactions' (counts, team sync, insights: "active since");
 * - idleSince: the earliest (retention and seen-expiry: "idle before");
 * - *due: `[followUpDue, interactionId]` per pending follow-up (the due list and its count).
 * The id of an interaction does not name its contact, and an index of all ids cost as much as the
 * records it saved (probe: 20.7 s with `*ids`), so a derived **locator** maps ids to contacts:
 * LOCATOR_SHARDS records of parallel arrays, patched by writeInteractions in the same transaction.
 */
export const HISTORY_STORE = 'histories';
export const LOCATOR_STORE = 'locator';
export const LOCATOR_SHARDS = 256;

export interface History {
  /** The contact's id. */
  id: string;
  /** Oldest first: by firstSeenAt, then id (the order the [contactId+firstSeenAt] index gave). */
  interactions: StoredInteraction[];
  lastEventAt: number;
  idleSince: number;
  due: Array<[number, string]>;
}

export interface LocatorShard {
  shard: number;
  ids: string[];
  owners: string[];
}

export function locatorShardOf(interactionId: string): number {
  return (hashString(interactionId) >>> 0) % LOCATOR_SHARDS;
}

export function byFirstSeen(a: StoredInteraction, b: StoredInteraction): number {
  return a.firstSeenAt - b.firstSeenAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The record for a contact's interactions (any order), with its derived index fields. */
export function historyOf(contactId: string, interactions: StoredInteraction[]): History {
  const list = [...interactions].sort(byFirstSeen);
  let lastEventAt = 0;
  let idleSince = Infinity;
  const due: Array<[number, string]> = [];
  for (const i of list) {
    if (i.lastEventAt > lastEventAt) lastEventAt = i.lastEventAt;
    if (i.lastEventAt < idleSince) idleSince = i.lastEventAt;
    if (i.followUpDue !== undefined) due.push([i.followUpDue, i.id]);
  }
  return { id: contactId, interactions: list, lastEventAt, idleSince: list.length ? idleSince : 0, due };
}

/** Groups interactions by contact into history records (a restore, an upgrade). */
export function historiesOf(interactions: Iterable<StoredInteraction>): History[] {
  const by = new Map<string, StoredInteraction[]>();
  for (const i of interactions) {
    let l = by.get(i.contactId);
    if (!l) by.set(i.contactId, (l = []));
    l.push(i);
  }
  return [...by].map(([id, list]) => historyOf(id, list));
}

/** Adds interactions to locator shards (new or given). */
export function buildLocator(histories: Iterable<Pick<History, 'id' | 'interactions'>>, into: Map<number, LocatorShard> = new Map()): Map<number, LocatorShard> {
  for (const h of histories) {
    for (const i of h.interactions) {
      const n = locatorShardOf(i.id);
      let s = into.get(n);
      if (!s) into.set(n, (s = { shard: n, ids: [], owners: [] }));
      s.ids.push(i.id);
      s.owners.push(h.id);
    }
  }
  return into;
}

/** The tables every interaction read or write needs in its transaction. */
export function logTables(db: FrontlineDB) {
  return [db.histories, db.locator] as const;
}

async function readShards(db: FrontlineDB, ids: Iterable<string>): Promise<Map<number, LocatorShard>> {
  const wanted = [...new Set([...ids].map(locatorShardOf))];
  const shards = await db.locator.bulkGet(wanted);
  const out = new Map<number, LocatorShard>();
  wanted.forEach((n, k) => out.set(n, shards[k] ?? { shard: n, ids: [], owners: [] }));
  return out;
}

function ownerIn(shards: Map<number, LocatorShard>, id: string): string | undefined {
  const s = shards.get(locatorShardOf(id));
  const at = s ? s.ids.indexOf(id) : -1;
  return at < 0 ? undefined : s!.owners[at];
}

/** The contact each interaction belongs to (absent: no such interaction). */
export async function ownersOf(db: FrontlineDB, ids: readonly string[]): Promise<Map<string, string>> {
  const shards = await readShards(db, ids);
  const out = new Map<string, string>();
  for (const id of ids) {
    const owner = ownerIn(shards, id);
    if (owner !== undefined) out.set(id, owner);
  }
  return out;
}

/** Interactions by id, in the order asked (undefined where none), like Table.bulkGet. */
export async function getInteractions(db: FrontlineDB, ids: readonly string[]): Promise<Array<StoredInteraction | undefined>> {
  if (ids.length === 0) return [];
  const owners = await ownersOf(db, ids);
  const contactIds = [...new Set(owners.values())];
  const histories = await db.histories.bulkGet(contactIds);
  const byId = new Map<string, StoredInteraction>();
  for (const h of histories) if (h) for (const i of h.interactions) byId.set(i.id, i);
  return ids.map((id) => byId.get(id));
}

export async function getInteraction(db: FrontlineDB, id: string): Promise<StoredInteraction | undefined> {
  return (await getInteractions(db, [id]))[0];
}

/** A contact's interactions, oldest first (by firstSeenAt, then id). */
export async function interactionsOf(db: FrontlineDB, contactId: string): Promise<StoredInteraction[]> {
  return (await db.histories.get(contactId))?.interactions ?? [];
}

/** Several contacts' interactions, each list oldest first, in the order asked. */
export async function interactionsOfMany(db: FrontlineDB, contactIds: readonly string[]): Promise<StoredInteraction[][]> {
  return (await db.histories.bulkGet([...contactIds])).map((h) => h?.interactions ?? []);
}

export function flatten(histories: Iterable<History | undefined>): StoredInteraction[] {
  const out: StoredInteraction[] = [];
  for (const h of histories) if (h) for (const i of h.interactions) out.push(i);
  return out;
}

const byActivity = (a: StoredInteraction, b: StoredInteraction) => a.lastEventAt - b.lastEventAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Interactions with an event at or after `t` (lastEventAt >= t), by lastEventAt then id (the v5–v7 index order). */
export async function activeSince(db: FrontlineDB, t: number): Promise<StoredInteraction[]> {
  return flatten(await db.histories.where('lastEventAt').aboveOrEqual(t).toArray())
    .filter((i) => i.lastEventAt >= t)
    .sort(byActivity);
}

/** Interactions idle since before `t` (lastEventAt < t). */
export async function idleBefore(db: FrontlineDB, t: number): Promise<StoredInteraction[]> {
  return flatten(await db.histories.where('idleSince').below(t).toArray())
    .filter((i) => i.lastEventAt < t)
    .sort(byActivity);
}

/** The due index range up to `now` (pending follow-ups only), for count() or histories. */
export function dueIndexRange(db: FrontlineDB, now: number) {
  return db.histories.where('due').between([Dexie.minKey, Dexie.minKey], [now, Dexie.maxKey], true, true);
}

/**
 * How many pending follow-ups due by `now` each of `contactIds` has (same order), from the due
 * index's keys alone: one entry per pending follow-up, keyed by its person, and no history read.
 * For a search's due list (popup-lists.ts): "h" on the bench data has 76 people due; reading the
 * histories of the 56 not shown, only to count them, was 56 requests and their whole histories
 * deserialised on every keystroke (issue 22, branch query3).
 */
export async function dueCountsOf(db: FrontlineDB, contactIds: readonly string[], now: number): Promise<number[]> {
  const counts = contactIds.map(() => 0);
  if (!contactIds.length) return counts;
  const slot = new Map(contactIds.map((id, n) => [id, n]));
  for (const owner of await dueIndexRange(db, now).primaryKeys()) {
    const n = slot.get(owner as string);
    if (n !== undefined) counts[n]!++;
  }
  return counts;
}

/**
 * Pending follow-ups due by `now`, oldest due first (then by id), at most `limit`: the due index
 * read `limit` entries far (each entry is one interaction) and the histories it names.
 */
export async function dueUpTo(db: FrontlineDB, now: number, limit?: number): Promise<StoredInteraction[]> {
  const range = dueIndexRange(db, now);
  const histories = await (limit === undefined ? range : range.limit(limit)).toArray();
  const seen = new Set<string>();
  const out: StoredInteraction[] = [];
  for (const h of histories) {
    if (seen.has(h.id)) continue;
    seen.add(h.id);
    for (const i of h.interactions) if (i.followUpDue !== undefined && i.followUpDue <= now) out.push(i);
  }
  out.sort((a, b) => a.followUpDue! - b.followUpDue! || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return limit === undefined ? out : out.slice(0, limit);
}

/** Pending follow-ups due after `now` (the reminders still to arm), in no particular order. */
export async function pendingAfter(db: FrontlineDB, now: number): Promise<StoredInteraction[]> {
  const histories = await db.histories.where('due').above([now, Dexie.maxKey]).distinct().toArray();
  return flatten(histories).filter((i) => i.followUpDue !== undefined && i.followUpDue > now);
}

/** Every interaction, by contact id then oldest first (the [contactId+firstSeenAt] order) (tests, small tools; exports read in chunks). */
export async function allInteractions(db: FrontlineDB): Promise<StoredInteraction[]> {
  return flatten(await db.histories.toArray());
}

const byId = (a: StoredInteraction, b: StoredInteraction) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Every interaction in id order (the order the interactions store kept up to schema v7). */
export async function allInteractionsById(db: FrontlineDB): Promise<StoredInteraction[]> {
  return (await allInteractions(db)).sort(byId);
}

/** How many interactions are stored. */
export async function countInteractions(db: FrontlineDB): Promise<number> {
  let n = 0;
  await db.histories.each((h) => (n += h.interactions.length));
  return n;
}

/**
 * Writes interactions (new or changed, possibly moved to another contact) and deletes others, in
 * the caller's read-write transaction: the histories they leave and join are rewritten (or deleted
 * when empty) and the locator follows.
 */
export async function writeInteractions(db: FrontlineDB, puts: readonly StoredInteraction[], deletes: readonly string[] = []): Promise<void> {
  if (puts.length === 0 && deletes.length === 0) return;
  const ids = [...puts.map((i) => i.id), ...deletes];
  const shards = await readShards(db, ids);
  const before = new Map<string, string>();
  for (const id of ids) {
    const o = ownerIn(shards, id);
    if (o !== undefined) before.set(id, o);
  }
  const touched = [...new Set([...puts.map((i) => i.contactId), ...before.values()])];
  const stored = await db.histories.bulkGet(touched);
  const lists = new Map<string, Map<string, StoredInteraction>>();
  touched.forEach((c, n) => lists.set(c, new Map((stored[n]?.interactions ?? []).map((i) => [i.id, i]))));
  const changedShards = new Set<number>();
  const setOwner = (id: string, owner: string | undefined) => {
    const s = shards.get(locatorShardOf(id))!;
    const at = s.ids.indexOf(id);
    if (owner === undefined) {
      if (at < 0) return;
      s.ids.splice(at, 1);
      s.owners.splice(at, 1);
    } else if (at < 0) {
      s.ids.push(id);
      s.owners.push(owner);
    } else if (s.owners[at] !== owner) s.owners[at] = owner;
    else return;
    changedShards.add(s.shard);
  };
  for (const id of deletes) {
    const o = before.get(id);
    if (o !== undefined) lists.get(o)!.delete(id);
    setOwner(id, undefined);
  }
  for (const i of puts) {
    const o = before.get(i.id);
    if (o !== undefined && o !== i.contactId) lists.get(o)!.delete(i.id);
    lists.get(i.contactId)!.set(i.id, i);
    setOwner(i.id, i.contactId);
  }
  const write: History[] = [];
  const remove: string[] = [];
  for (const [c, m] of lists) {
    if (m.size) write.push(historyOf(c, [...m.values()]));
    else remove.push(c);
  }
  await Promise.all([
    write.length ? db.histories.bulkPut(write) : undefined,
    remove.length ? db.histories.bulkDelete(remove) : undefined,
    changedShards.size ? db.locator.bulkPut([...changedShards].map((n) => shards.get(n)!)) : undefined,
  ]);
}

/** Bulk write of whole histories into empty stores (a restore, an upgrade): no reads. */
export async function addHistories(db: FrontlineDB, histories: History[], locator: Map<number, LocatorShard>): Promise<void> {
  await db.histories.bulkAdd(histories);
  await db.locator.bulkAdd([...locator.values()]);
}
