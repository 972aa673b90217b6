import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useRef, useState } from 'react';
import { recentContactsBare, type Contact, type FrontlineDB } from '@/lib/db';
import { PLATFORM_LABELS, displayName } from './format';

/** Candidates shown for a search: the agent types until the right person is among them. */
const PICKS = 8;

/** "Lena Kovač (@lkovac, Discourse)": enough to tell two people of the same name apart. */
export function whoIs(c: Pick<Contact, 'name' | 'handle' | 'platform'>): string {
  return `${displayName(c)} (${c.handle ? `@${c.handle}, ` : ''}${PLATFORM_LABELS[c.platform]})`;
}

interface Props {
  db: FrontlineDB;
  keep: Contact;
  /** Merges `other` into `keep`; resolves when done (the caller reports it, with an Undo). */
  onMerge: (other: Contact) => Promise<void>;
}

/**
 * "Same person as…": find the other contact by name or handle, confirm naming both, merge.
 * Keyboard: the button opens a search field; Tab reaches the candidates; Esc closes and gives
 * focus back to the button.
 */
export function MergePicker({ db, keep, onMerge }: Props) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<Contact | null>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const candidates = useLiveQuery(
    async () => (open && query.trim() ? (await recentContactsBare(db, { limit: PICKS + 1, query })).filter((c) => c.id !== keep.id).slice(0, PICKS) : []),
    [db, open, query, keep.id],
  );
  const close = () => {
    setOpen(false);
    setPicked(null);
    setQuery('');
    opener.current?.focus();
  };

  return (
    <div className="merge-picker" onKeyDown={(e) => e.key === 'Escape' && open && (e.preventDefault(), close())}>
      <button ref={opener} type="button" className="btn btn-small" aria-expanded={open} aria-controls={panelId} onClick={() => (open ? close() : setOpen(true))}>
        Same person as…
      </button>
      {open && (
        <div id={panelId} role="group" aria-label={`Merge another contact into ${displayName(keep)}`} className="merge-panel card">
          {picked ? (
            <div role="alertdialog" aria-label="Confirm merge" aria-describedby={`${panelId}-q`}>
              <p id={`${panelId}-q`}>
                Merge {whoIs(picked)} into {whoIs(keep)}? Their posts join this timeline and search finds this person by either
                name. You can undo it.
              </p>
              <p className="row">
                <button
                  type="button"
                  className="btn btn-small"
                  autoFocus
                  onClick={() => void onMerge(picked).then(close, close)}
                >
                  Merge {displayName(picked)} into {displayName(keep)}
                </button>
                <button type="button" className="btn btn-small" onClick={() => setPicked(null)}>
                  Cancel
                </button>
              </p>
            </div>
          ) : (
            <>
              <label className="small" htmlFor={`${panelId}-search`}>
                Find the other contact (name or handle)
              </label>
              <input
                id={`${panelId}-search`}
                type="search"
                autoFocus
                value={query}
                onChange={(e) => setQuery(e.target.value)}
                autoComplete="off"
              />
              <ul className="list" aria-label="Matching contacts">
                {(candidates ?? []).map((c) => (
                  <li key={c.id}>
                    <button type="button" className="btn btn-small" aria-label={`Same person: ${whoIs(c)}`} onClick={() => setPicked(c)}>
                      {whoIs(c)}
                    </button>
                  </li>
                ))}
              </ul>
              {query.trim() && candidates?.length === 0 && <p className="muted small">No other contact matches.</p>}
            </>
          )}
        </div>
      )}
    </div>
  );
}
