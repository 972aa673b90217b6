import Dexie from 'dexie';
import { now as clockNow } from '../time/clock';
import type { FrontlineDB } from './schema';
import { DIRECTORY_STORE, matchDirectory, type DirectoryMatch } from './directory';
import { buildDirectoryIndex, matchIndex, type DirectoryIndex } from './directory-index';
import { searchTokens } from './normalise';

/**
 * The search directory, read and indexed once per page and kept until it changes. Reading it
 * costs one request but decoding its ~20,000 rows is most of a search; with the index kept, a
 * keystroke costs a count (which also makes a live query re-run when the directory changes) and
 * the match. Any write to the directory, in this page or another (Dexie relays them between
 * pages of the extension), drops the kept index; the next search reads it again.
 */
interface Kept {
  /** Bumped by every write to the directory: an index read before it is not kept. */
  generation: number;
  index?: Promise<DirectoryIndex>;
}

/** Per open connection: a database deleted and opened again is a new connection. */
const kept = new WeakMap<IDBDatabase, Kept>();

function keptFor(db: FrontlineDB): Kept {
  const connection = db.backendDB();
  let entry = kept.get(connection);
  if (entry) return entry;
  const made: Kept = { generation: 0 };
  const prefix = `idb://${db.name}/${DIRECTORY_STORE}/`;
  Dexie.on('storagemutated', (parts: Record<string, unknown>) => {
    if (!Object.keys(parts).some((part) => part.startsWith(prefix))) return;
    made.generation++;
    made.index = undefined;
  });
  kept.set(connection, (entry = made));
  return entry;
}

async function directoryIndex(db: FrontlineDB): Promise<DirectoryIndex> {
  const entry = keptFor(db);
  if (entry.index) return entry.index;
  const generation = entry.generation;
  const loading = db.directory.toArray().then(buildDirectoryIndex);
  entry.index = loading;
  loading.then(
    // Written to while it was read: this answer is for this call only.
    () => { if (entry.generation !== generation && entry.index === loading) entry.index = undefined; },
    () => { if (entry.index === loading) entry.index = undefined; },
  );
  return loading;
}

/**
 * The people whose name or handle words start with every token of `query`, newest first, and
 * which of them have a follow-up due by `now` (directory-index.ts). Undefined for an empty query.
 */
export async function searchDirectory(db: FrontlineDB, query: string, now: number = clockNow()): Promise<DirectoryMatch | undefined> {
  if (!searchTokens(query).length) return undefined;
  // Inside a write transaction the directory may hold writes not yet committed (and not yet
  // announced): read it as that transaction sees it.
  if (Dexie.currentTransaction?.mode === 'readwrite') return matchDirectory(await db.directory.toArray(), query, now);
  // A live query reading this subscribes to every shard; once it has settled every listener
  // has heard of writes committed before it, so the kept index is current.
  await db.directory.count();
  return matchIndex(await directoryIndex(db), query, now);
}

/** Reads and indexes the directory ahead of the first search (the popup, once its first screen is up). */
export async function prepareSearch(db: FrontlineDB): Promise<void> {
  await db.open();
  await directoryIndex(db);
}
