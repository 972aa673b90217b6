import Dexie from 'dexie';
import { now as clockNow } from '../time/clock';
import type { FrontlineDB } from './schema';
import { DIRECTORY_STORE, matchDirectory, type DirectoryMatch, type DirectoryShard } from './directory';
import { buildDirectoryIndexInSlices, matchIndex, type DirectoryIndex } from './directory-index';
import { searchTokens } from './normalise';

/**
 * The search directory, read once per page and kept until it changes. Decoding its ~20,000 rows
 * is most of a search, so a keystroke costs a count (which also makes a live query re-run when
 * the directory changes) and the match. The rows are kept as read and indexed (directory-index.ts)
 * in slices of a few milliseconds between other tasks: until the index exists a search scans the
 * rows (a few ms), and no keystroke or rendering waits for the build (built in one go it was a
 * 150–250 ms task in Chromium). Any write to the directory, in this page or another (Dexie relays
 * them between the extension's pages), drops both and stops a build under way; the next search
 * reads the directory again.
 */
interface Kept {
  /** Bumped by every write to the directory: what was read before it is not kept. */
  generation: number;
  shards?: Promise<DirectoryShard[]>;
  index?: DirectoryIndex;
  /** The generation an index is being built for. */
  building?: number;
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
      if (entry.building !== generation) void buildIndex(entry, generation, shards);
    },
    () => {
      if (entry.shards === reading) entry.shards = undefined;
    },
  );
  return reading;
}

/** Longest stretch of index building before the page gets a turn. */
const SLICE_MS = 5;

/** Stops a build when the directory changes under it: its rows are no longer the directory. */
class Outdated extends Error {}

async function buildIndex(entry: Kept, generation: number, shards: DirectoryShard[]): Promise<void> {
  entry.building = generation;
  let sliceStart = 0;
  try {
    // Not in the task that read the rows: the search that read them answers first.
    await new Promise((resolve) => setTimeout(resolve, 0));
    sliceStart = performance.now();
    const index = await buildDirectoryIndexInSlices(shards, {
      shouldYield: () => performance.now() - sliceStart > SLICE_MS,
      pause: async () => {
        // A timer, not a microtask: input, rendering and IndexedDB's answers run in between.
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (entry.generation !== generation) throw new Outdated();
        sliceStart = performance.now();
      },
    });
    if (entry.generation === generation) entry.index = index;
  } catch {
    // Outdated, or anything else: without an index the search scans the rows, as it did meanwhile.
  } finally {
    if (entry.building === generation) entry.building = undefined;
  }
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
  const entry = keptFor(db);
  if (entry.index) return matchIndex(entry.index, query, now);
  return matchDirectory(await keptShards(db, entry), query, now);
}

/** Reads the directory ahead of the first search (the popup, once its first screen is up); indexed soon after. */
export async function prepareSearch(db: FrontlineDB): Promise<void> {
  await db.open();
  await keptShards(db, keptFor(db));
}
