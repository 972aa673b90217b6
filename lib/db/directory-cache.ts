import Dexie from 'dexie';
import { now as clockNow } from '../time/clock';
import type { FrontlineDB } from './schema';
import { DIRECTORY_STORE, matchDirectory, type DirectoryMatch, type DirectoryShard } from './directory';
import { buildDirectoryIndex, matchIndex, type DirectoryIndex } from './directory-index';
import { searchTokens } from './normalise';

/**
 * The search directory, read once per page and kept until it changes. Decoding its ~20,000 rows
 * is most of a search, so a keystroke costs a count (which also makes a live query re-run when
 * the directory changes) and the match. The rows are kept as read and, once the page is idle,
 * as an index (directory-index.ts): until the index exists a search scans the rows (a few ms),
 * so no keystroke waits for the index to be built. Any write to the directory, in this page or
 * another (Dexie relays them between the extension's pages), drops both; the next search reads
 * the directory again.
 */
interface Kept {
  /** Bumped by every write to the directory: what was read before it is not kept. */
  generation: number;
  shards?: Promise<DirectoryShard[]>;
  index?: DirectoryIndex;
  building?: ReturnType<typeof setTimeout>;
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
    made.shards = undefined;
    made.index = undefined;
  });
  kept.set(connection, (entry = made));
  return entry;
}

function keptShards(db: FrontlineDB, entry: Kept): Promise<DirectoryShard[]> {
  if (entry.shards) return entry.shards;
  const generation = entry.generation;
  const reading = db.directory.toArray();
  entry.shards = reading;
  reading.then(
    (shards) => {
      // Written to while it was read: this answer is for this call only.
      if (entry.generation !== generation) {
        if (entry.shards === reading) entry.shards = undefined;
        return;
      }
      // Built when the page is idle, not in the keystroke that read the rows.
      clearTimeout(entry.building);
      entry.building = setTimeout(() => {
        if (entry.generation === generation && !entry.index) entry.index = buildDirectoryIndex(shards);
      }, INDEX_DELAY_MS);
    },
    () => {
      if (entry.shards === reading) entry.shards = undefined;
    },
  );
  return reading;
}

/** Long enough for the answer that read the rows to be on screen first. */
const INDEX_DELAY_MS = 50;

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
  const entry = keptFor(db);
  if (entry.index) return matchIndex(entry.index, query, now);
  return matchDirectory(await keptShards(db, entry), query, now);
}

/** Reads the directory ahead of the first search (the popup, once its first screen is up); indexed soon after. */
export async function prepareSearch(db: FrontlineDB): Promise<void> {
  await db.open();
  await keptShards(db, keptFor(db));
}
