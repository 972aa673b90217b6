import { useEffect } from 'react';
import { prepareSearch, type FrontlineDB } from '@/lib/db';

/**
 * Once the first screen is up (`ready`), reads and indexes the search directory in the
 * background, so the agent's first keystroke does not pay for it. Not before: the first paint
 * shows no search. If it fails, the first search reads the directory itself.
 */
export function usePrepareSearch(db: FrontlineDB, ready: boolean): void {
  useEffect(() => {
    if (!ready) return;
    const timer = setTimeout(() => void prepareSearch(db).catch(() => undefined), 0);
    return () => clearTimeout(timer);
  }, [db, ready]);
}
