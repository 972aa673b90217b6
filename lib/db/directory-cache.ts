import Dexie from 'dexie';
import { now as clockNow } from '../time/clock';
import type { FrontlineDB } from './schema';
import { DIRECTORY_STORE, matchDirectory, type DirectoryMatch } from './directory';
import { buildDirectoryIndex, matchIndex, type DirectoryIndex } from './directory-index';
import { searchTokens } from './normalise';

/**
 * The search directory, read once per page and kept until it changes. Decoding its ~20,000 rows
 * is most of a search, so a keystroke costs a count (which also makes a live query re-run when
 * the directory changes) and the match. The rows are laid out for matching (directory-index.ts,
 * a few ms) as soon as they are read. Any write to the directory, in this page or another (Dexie
 * relays them between the extension's pages), drops what is kept; the next search reads the
 * directory again.
 */
interface Kept {
  /** Bumped by every write to the directory: what was read before it is not kept. */
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

function keptIndex(db: FrontlineDB, entry: Kept): Promise<DirectoryIndex> {
  if (entry.index) return entry.index;
  const generation = entry.generation;
  const reading = db.directory.toArray().then(buildDirectoryIndex);
  entry.index = reading;
  const forget = () => {
    if (entry.index === reading) entry.index = undefined;
  };
  reading.then(
    // Written to while it was read: this answer is for this call only.
    () => entry.generation !== generation && forget(),
    forget,
  );
  return reading;
}

/**
 * The people whose name or handle words start with every token of `query`, newest first, and
 * which of them have a follow-up due by `now`. Undefined for an empty query.
 */
export async function searchDirectory(db: FrontlineDB, query: string, now: number = clockNow()): Promise<DirectoryMatch | undefined> {
  if (!searchTokens(query).length) return undefined;
  // Inside a write transaction the directory may hold writes not yet committed (and not yet
  // announced): read it as that transaction sees it.
  if (Dexie.currentTransaction?.mode === 'readwrite') return matchDirectory(await db.directory.toArray(), query, now);
  // A live query reading this subscribes to every shard; once it has settled every listener
  // has heard of writes committed before it, so what is kept is current.
  await db.directory.count();
  return matchIndex(await keptIndex(db, keptFor(db)), query, now);
}

/** Reads the directory ahead of the first search (the popup, once its first screen is up); laid out for matching at once. */
export async function prepareSearch(db: FrontlineDB): Promise<void> {
  await db.open();
  await keptIndex(db, keptFor(db));
}
