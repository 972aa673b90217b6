import { useEffect, useState, type ReactNode } from 'react';
import type { FrontlineDB } from '@/lib/db/schema';
import { openDB } from '@/lib/db/open';

type State = { db: FrontlineDB } | { error: string } | { reloading: true } | null;

/**
 * Opens the extension's database once per page. A page left open across an update must
 * not block the new version: on 'versionchange' Dexie closes it and we reload. `opening`: a
 * database the page started opening before React mounted (the popup, popup-start.ts), opened
 * with the same rule.
 */
export function DatabaseGate({ children, opening }: { children: (db: FrontlineDB) => ReactNode; opening?: Promise<FrontlineDB> }) {
  const [state, setState] = useState<State>(null);
  useEffect(() => {
    let opened: FrontlineDB | undefined;
    let live = true;
    (
      opening ??
      openDB(undefined, {
        onVersionChange: () => {
          setState({ reloading: true });
          location.reload();
        },
      })
    )
      .then((db) => {
        opened = db;
        if (live) setState({ db });
        else db.close();
      })
      .catch((error: unknown) => live && setState({ error: error instanceof Error ? error.message : String(error) }));
    return () => {
      live = false;
      opened?.close();
    };
  }, [opening]);

  if (state === null) return <p className="muted page-message">Opening your contacts…</p>;
  if ('error' in state) return <p role="alert" className="notice notice-error page-message">{state.error}</p>;
  if ('reloading' in state) return <p className="muted page-message">Frontline was updated; reloading…</p>;
  return <>{children(state.db)}</>;
}
