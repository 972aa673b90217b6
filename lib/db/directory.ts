import type { DBCore, DBCoreKeyRange, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTransaction, Middleware } from 'dexie';
import type { Contact } from './records';
import { hashString } from '../model/hash';
import { searchTokens, searchWordsFor } from './normalise';

/**
 * The search directory (schema v6): every contact's id, last-seen time, earliest pending
 * follow-up and search words, packed into DIRECTORY_SHARDS records. A search reads the whole
 * directory in one request (~1 MB for 20,000 people) and matches in memory; before v6 it read
 * a multiEntry index range per word, and a common first name alone (the seed's "nadia": 2,500
 * index entries) cost more than the whole directory does now. Measured in Chromium: an
 * IndexedDB key costs ~4.6 µs to read, a record ~10 µs, whatever its size; one record of 300
 * people costs about what one person does.
 *
 * The directory is derived, never written by hand: directoryMiddleware patches it inside every
 * read-write transaction that writes contacts (put, add, delete, clear), whoever writes them,
 * so it cannot drift from the contacts store. The v6 upgrade builds it.
 */
export const DIRECTORY_SHARDS = 64;
export const DIRECTORY_STORE = 'directory';

/** One shard: parallel arrays, one slot per contact, in no particular order. */
export interface DirectoryShard {
  shard: number;
  ids: string[];
  lastSeenAt: number[];
  /** Earliest pending follow-up, 0 for none. */
  followUpDue: number[];
  /** The contact's search words, each preceded by a space (" nadia park nadiapark12"). */
  words: string[];
}

/** FNV-1a (the detector's hash): a stable, even spread of ids over the shards. */
export function shardOf(id: string): number {
  return (hashString(id) >>> 0) % DIRECTORY_SHARDS;
}

export function emptyShard(shard: number): DirectoryShard {
  return { shard, ids: [], lastSeenAt: [], followUpDue: [], words: [] };
}

function wordsOf(c: Contact): string {
  const words = c.searchWords?.length ? c.searchWords : searchWordsFor(c.name ?? '', c.handle ?? '');
  return ` ${words.join(' ')}`;
}

/** Writes `puts` into the shard (replacing a contact already there) and removes `deletes`. */
export function patchShard(s: DirectoryShard, puts: readonly Contact[], deletes: readonly string[] = []): void {
  const slot = new Map<string, number>();
  s.ids.forEach((id, n) => slot.set(id, n));
  for (const c of puts) {
    const n = slot.get(c.id) ?? s.ids.length;
    slot.set(c.id, n);
    s.ids[n] = c.id;
    s.lastSeenAt[n] = c.lastSeenAt;
    s.followUpDue[n] = c.followUpDue ?? 0;
    s.words[n] = wordsOf(c);
  }
  for (const id of deletes) {
    const n = slot.get(id);
    if (n === undefined) continue;
    // Swap with the last slot and shrink: order within a shard means nothing.
    const last = s.ids.length - 1;
    for (const list of [s.ids, s.lastSeenAt, s.followUpDue, s.words] as unknown[][]) {
      list[n] = list[last];
      list.length = last;
    }
    if (n !== last) slot.set(s.ids[n]!, n);
    slot.delete(id);
  }
}

/** Builds the whole directory from contacts (the v6 upgrade, and after a clear()). */
export function buildShards(contacts: Iterable<Contact>, into: Map<number, DirectoryShard> = new Map()): Map<number, DirectoryShard> {
  const byShard = new Map<number, Contact[]>();
  for (const c of contacts) {
    const k = shardOf(c.id);
    let list = byShard.get(k);
    if (!list) byShard.set(k, (list = []));
    list.push(c);
  }
  for (const [k, list] of byShard) {
    let s = into.get(k);
    if (!s) into.set(k, (s = emptyShard(k)));
    patchShard(s, list);
  }
  return into;
}

export interface DirectoryMatch {
  /** Matching contact ids, most recently seen first (ties: id descending, as the lastSeenAt index walks). */
  newestFirst: string[];
  /** Of those, the ones with a follow-up pending and due by `now`. */
  due: string[];
  /** Each `due` person's earliest pending follow-up (same order). */
  dueAt: number[];
}

/**
 * The people whose name or handle words start with every token of `query` ("jan do" finds Jane
 * Doe and @jandoe), newest first; undefined for an empty query.
 */
export function matchDirectory(shards: readonly DirectoryShard[], query: string, now: number): DirectoryMatch | undefined {
  const tokens = searchTokens(query).map((t) => ` ${t}`);
  if (!tokens.length) return undefined;
  const hits: Array<{ id: string; seen: number }> = [];
  const due: string[] = [];
  const dueAt: number[] = [];
  for (const s of shards) {
    for (let n = 0; n < s.ids.length; n++) {
      const words = s.words[n]!;
      if (!tokens.every((t) => words.includes(t))) continue;
      hits.push({ id: s.ids[n]!, seen: s.lastSeenAt[n]! });
      const at = s.followUpDue[n]!;
      if (at > 0 && at <= now) {
        due.push(s.ids[n]!);
        dueAt.push(at);
      }
    }
  }
  hits.sort((a, b) => b.seen - a.seen || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  return { newestFirst: hits.map((h) => h.id), due, dueAt };
}

/**
 * Keeps the directory in step with the contacts store: every read-write transaction on
 * contacts also covers the directory, and each write to contacts patches the shards it
 * touches in the same transaction (so an abort undoes both). Sits above Dexie's observability
 * middleware (default level), so live queries reading the directory see its changes.
 */
export const directoryMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'FrontlineDirectory',
  create(down) {
    // Shards read in a transaction, kept for its later writes: a 20,000-contact import
    // patches each shard many times but reads it once.
    const loaded = new WeakMap<DBCoreTransaction, Map<number, Promise<DirectoryShard>>>();
    // The schema is fixed for this core: whether the directory exists is decided once, not per transaction.
    const hasDirectory = down.schema.tables.some((t) => t.name === DIRECTORY_STORE);

    const shardIn = (trans: DBCoreTransaction, k: number): Promise<DirectoryShard> => {
      let cache = loaded.get(trans);
      if (!cache) loaded.set(trans, (cache = new Map()));
      let s = cache.get(k);
      if (!s) {
        s = down.table(DIRECTORY_STORE).get({ trans, key: k }).then((found: DirectoryShard | undefined) => found ?? emptyShard(k));
        cache.set(k, s);
      }
      return s;
    };

    const writeShards = async (trans: DBCoreTransaction, shards: DirectoryShard[]) => {
      if (!shards.length) return;
      const res = await down.table(DIRECTORY_STORE).mutate({ type: 'put', trans, values: shards });
      if (res.numFailures) throw Object.values(res.failures)[0];
    };

    const afterContactsWrite = async (req: DBCoreMutateRequest, res: DBCoreMutateResponse) => {
      const trans = req.trans;
      if (req.type === 'deleteRange') {
        // contacts.clear() (delete all data) or a range delete: rebuild from what remains.
        const contacts = down.table('contacts');
        const rest = await contacts.query({ trans, values: true, query: { index: contacts.schema.primaryKey, range: ANY_RANGE } });
        loaded.delete(trans);
        await down.table(DIRECTORY_STORE).mutate({ type: 'deleteRange', trans, range: ANY_RANGE });
        await writeShards(trans, [...buildShards(rest.result as Contact[]).values()]);
        return;
      }
      const puts = new Map<number, Contact[]>();
      const deletes = new Map<number, string[]>();
      if (req.type === 'delete') {
        for (const id of req.keys as string[]) {
          const k = shardOf(id);
          (deletes.get(k) ?? deletes.set(k, []).get(k)!).push(id);
        }
      } else {
        req.values.forEach((c: Contact, n) => {
          if (res.failures[n]) return;
          const k = shardOf(c.id);
          (puts.get(k) ?? puts.set(k, []).get(k)!).push(c);
        });
      }
      const keys = new Set([...puts.keys(), ...deletes.keys()]);
      const shards = await Promise.all([...keys].map((k) => shardIn(trans, k)));
      for (const s of shards) patchShard(s, puts.get(s.shard) ?? [], deletes.get(s.shard));
      await writeShards(trans, shards);
    };

    return {
      ...down,
      transaction(stores, mode, options) {
        const widen = mode === 'readwrite' && stores.includes('contacts') && !stores.includes(DIRECTORY_STORE) && hasDirectory;
        return down.transaction(widen ? [...stores, DIRECTORY_STORE] : stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (name !== 'contacts') return table;
        return {
          ...table,
          async mutate(req) {
            const res = await table.mutate(req);
            // Before v6 (an older version's upgrade writing contacts) there is no directory yet.
            if (storeInScope(req.trans, DIRECTORY_STORE)) await afterContactsWrite(req, res);
            return res;
          },
        };
      },
    };
  },
};

/** Dexie's own "every key" range (as Table.clear() sends it). */
const ANY_RANGE: DBCoreKeyRange = { type: 3, lower: -Infinity, lowerOpen: false, upper: [[]], upperOpen: false };

function storeInScope(trans: DBCoreTransaction, store: string): boolean {
  const names = (trans as unknown as IDBTransaction).objectStoreNames;
  return !names || names.contains(store);
}
