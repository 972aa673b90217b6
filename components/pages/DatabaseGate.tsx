import { useEffect, useState, type ReactNode } from 'react';
import type { FrontlineDB } from '@/lib/db/schema';
import { openDB } from '@/lib/db/open';

type State = { db: FrontlineDB } | { error: string } | { reloading: true } | null;

/**
 * Opens the extension's database once per page. A page left open across an update must
 * not block the new version: on 'versionchange' Dexie closes it and we reload.
 */
export function DatabaseGate({ children }: { children: (db: FrontlineDB) => ReactNode }) {
  const [state, setState] = useState<State>(null);
  useEffect(() => {
    let opened: FrontlineDB | undefined;
    let live = true;
    openDB(undefined, {
      onVersionChange: () => {
        setState({ reloading: true });
        location.reload();
      },
    })
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
  }, []);

  if (state === null) return <p className="muted page-message">Opening your contacts…</p>;
  if ('error' in state) return <p role="alert" className="notice notice-error page-message">{state.error}</p>;
  if ('reloading' in state) return <p className="muted page-message">Frontline was updated; reloading…</p>;
  return <>{children(state.db)}</>;
}
