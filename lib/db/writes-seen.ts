import Dexie from 'dexie';
import type { FrontlineDB } from './schema';

/**
 * Calls `listener` after every committed write to `db`, in this page or another extension page
 * (Dexie relays them: its `storagemutated` event). For a read that is shown without a live query's
 * subscription (the popup's answer to a keystroke, useTypedRead.ts): any write ends it. Returns the
 * unsubscribe.
 */
export function onWrite(db: FrontlineDB, listener: () => void): () => void {
  const prefix = `idb://${db.name}/`;
  const heard = (parts: Record<string, unknown>) => {
    if (Object.keys(parts).some((part) => part.startsWith(prefix))) listener();
  };
  Dexie.on('storagemutated', heard);
  return () => Dexie.on('storagemutated').unsubscribe(heard);
}
