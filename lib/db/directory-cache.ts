import Dexie from 'dexie';
import { now as clockNow } from '../time/clock';
import type { FrontlineDB } from './schema';
import { DIRECTORY_SHARDS, DIRECTORY_STORE, matchDirectory, type DirectoryMatch, type DirectoryShard } from './directory';
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

/** Shards per request when the directory is read ahead: a quarter of it, ~350 kB on the bench data. */
export const DIRECTORY_PIECE = DIRECTORY_SHARDS / 4;

/**
 * The whole directory as DIRECTORY_SHARDS / DIRECTORY_PIECE range reads, all asked at once in one
 * read transaction (one snapshot). Why not one getAll (issue 22, branch firstquery): read as the
 * popup opens, its ~1.4 MB held IndexedDB while the first screen's 20 contact reads, asked for a
 * moment later, waited behind it (research/db/probe-first-paint.ts: up to 60 ms under load);
 * behind four pieces they took 10–25 ms. Pieces asked one after another freed them as well, but
 * each round trip waited for the page's busy main thread: the directory landed later, and so did
 * a first query typed before it (first "nadia pa" median ~65 ms against ~50 ms, load 13–15).
 */
async function readDirectory(db: FrontlineDB): Promise<DirectoryShard[]> {
  return db.transaction('r', db.directory, async () => {
    const pieces: Array<Promise<DirectoryShard[]>> = [];
    for (let from = 0; from < DIRECTORY_SHARDS; from += DIRECTORY_PIECE) {
      pieces.push(db.directory.where('shard').between(from, from + DIRECTORY_PIECE).toArray());
    }
    return (await Promise.all(pieces)).flat();
  });
}

function keptIndex(db: FrontlineDB, entry: Kept): Promise<DirectoryIndex> {
  if (entry.index) return entry.index;
  const generation = entry.generation;
  const reading = readDirectory(db).then(buildDirectoryIndex);
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

export interface SearchOptions {
  /**
   * False for a read shown outside a live query, ended by the next write (the popup's answer to a
   * keystroke, useTypedRead.ts): the directory is then not counted, and with the index kept the
   * match needs no round trip, so the people's reads are asked for in the keystroke's own task.
   */
  live?: boolean;
}

/**
 * The people whose name or handle words start with every token of `query`, newest first, and
 * which of them have a follow-up due by `now`. Undefined for an empty query.
 */
export async function searchDirectory(
  db: FrontlineDB,
  query: string,
  now: number = clockNow(),
  { live = true }: SearchOptions = {},
): Promise<DirectoryMatch | undefined> {
  if (!searchTokens(query).length) return undefined;
  // Inside a write transaction the directory may hold writes not yet committed (and not yet
  // announced): read it as that transaction sees it.
  if (Dexie.currentTransaction?.mode === 'readwrite') return matchDirectory(await db.directory.toArray(), query, now);
  // A live query reading this subscribes to every shard; once it has settled every listener
  // has heard of writes committed before it, so what is kept is current.
  if (live) await db.directory.count();
  return matchIndex(await keptIndex(db, keptFor(db)), query, now);
}

/** Reads the directory ahead of the first search (the popup, once its first screen is up); laid out for matching at once. */
export async function prepareSearch(db: FrontlineDB): Promise<void> {
  await db.open();
  await keptIndex(db, keptFor(db));
}
