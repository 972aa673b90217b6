import type { DexieOptions } from 'dexie';
import { DatabaseBlockedError } from './errors';
import { DEFAULT_DB_NAME, FrontlineDB } from './schema';

export interface OpenOptions {
  /** Another tab holds an older version open: tell the user to close it. */
  onBlocked?: (error: DatabaseBlockedError) => void;
  /** Another tab upgraded or deleted the database: this connection was closed, reload the page. */
  onVersionChange?: () => void;
  dexie?: DexieOptions;
}

/**
 * Opens the database for the background or an extension page. Without these handlers an
 * upgrade waits forever behind an old tab (IndexedDB 'blocked'), and an old tab would keep
 * the new version from opening; here the first fails fast with a clear message and the
 * second closes itself.
 */
export async function openDB(name: string = DEFAULT_DB_NAME, options: OpenOptions = {}): Promise<FrontlineDB> {
  const db = new FrontlineDB(name, options.dexie);
  db.on('versionchange', () => {
    // Closed for good (no silent auto-reopen on the stale schema); the page reloads to pick up the new one.
    db.close({ disableAutoOpen: true });
    options.onVersionChange?.();
    return false; // skip Dexie's default handler, which would allow auto-reopen
  });

  let onBlocked: (() => void) | undefined;
  const blocked = new Promise<never>((_, reject) => {
    onBlocked = () => {
      const error = new DatabaseBlockedError();
      options.onBlocked?.(error);
      db.close({ disableAutoOpen: true });
      reject(error);
    };
  });
  db.on('blocked', () => onBlocked?.());
  try {
    await Promise.race([db.open(), blocked]);
  } finally {
    onBlocked = undefined;
  }
  return db;
}
