import { useEffect, useRef, useState } from 'react';
// The first screen loads only what draws the lists (issue 22): the writes, team sync and the text
// search are imported when first used, so the browser compiles far less before the first render.
import type { FrontlineDB } from '@/lib/db/schema';
import { popupLists } from '@/lib/db/popup-lists';
import { latestInteractionId } from '@/lib/db/queries';
import { prepareSearch } from '@/lib/db/directory-cache';
import type { Severity } from '@/lib/model/severity';
import { useLiveQuery } from 'dexie-react-hooks';
import { ActivityCounts } from './ActivityCounts';
import { ContactFilters, NO_FILTERS, type Filters } from './ContactFilters';
import { ContactRow } from './ContactRow';
import { DueFollowUpRow } from './DueFollowUpRow';
import { EmptyState } from './EmptyState';
import { StatusMessage, type Status } from './StatusMessage';
import { displayName, dateTime } from './format';
import { openDashboard, openInNewTab, openOptions } from './open-tab';
import { useListKeys } from './useListKeys';
import { useNow } from './useNow';
import { useSlashToSearch } from './useSlashToSearch';
import { TextMatchRow } from './TextMatchRow';
import { useTextSearch } from './useTextSearch';
import { useTyping } from './useTyping';
import { useQuietAfter } from './useQuietAfter';
import { useFirstScreenFirst } from './useFirstScreenFirst';
import { useTypedRead } from './useTypedRead';
import type { FirstScreen } from './popup-start';
import './theme.css';
import './popup.css';

type Row =
  | { kind: 'due'; key: string; interactionId: string; contactId: string; name: string; permalink: string | null }
  | { kind: 'contact'; key: string; contactId: string; name: string; permalink: string | null }
  | { kind: 'text'; key: string; interactionId: string; contactId: string; name: string; permalink: string | null };

/** The toolbar popup: today's numbers, promises that are due, then everyone seen recently. */
/** "Not a complaint / More / Less severe" on a due follow-up: written through the one write path. */
async function correctFromPopup(db: FrontlineDB, interaction: { id: string; text: string; severity: Severity }, level: Severity) {
  const { recordAgentCorrection } = await import('@/lib/actions/correct');
  await recordAgentCorrection(db, { interactionId: interaction.id, text: interaction.text, level, detected: interaction.severity });
  return { ok: true };
}

export function PopupApp({ db, first }: { db: FrontlineDB; first?: FirstScreen }) {
  const listsFor = async (filters: Filters, now: number, live = true) => ({ ...(await popupLists(db, filters, now, { live })), query: filters.query, filters });
  const now = useNow(undefined, first?.now);
  const [filters, setFilters] = useState<Filters>(first?.filters ?? NO_FILTERS);
  const [status, setStatus] = useState<Status | null>(null);
  // Once the first screen is up, the search directory is read ahead (the first keystroke then
  // only matches), and only then are the counts read: each of those reads is heavy on a big log.
  const [searchReady, setSearchReady] = useState(false);
  // While the agent types (and a moment after), searches have the database to themselves.
  const typing = useTyping(filters);
  // The opening counts as a keystroke: what follows the first screen (the live query's re-read,
  // the counts, the rows below the fold, team sync) waits until the directory is in and the agent
  // has not typed for a moment. Started with the directory, it was what the first query typed
  // as the first row showed waited for in IndexedDB (useQuietAfter.ts).
  const settled = useQuietAfter(searchReady, typing);
  // Tagged with its query, so the text search below can wait until the name search has answered.
  // The first screen read before React mounted (popup-start.ts) is drawn in the first render, and
  // the live query reads (and subscribes) once the popup has settled or the filters change, not
  // in the moment of the agent's first keystroke (a write meanwhile shows then).
  const fromStart = first !== undefined && filters === first.filters && now === first.now && !settled;
  // New filters are read in the change handler itself, while React draws (useTypedRead.ts); that
  // answer is shown until a write, then the live query reads again and subscribes.
  const typedRead = useTypedRead(db, (typed: Filters, at: number) => listsFor(typed, at, false));
  const typed = !fromStart && typedRead.typed?.filters === filters && typedRead.typed.now === now ? typedRead.typed : undefined;
  const data = useLiveQuery(
    async () => (fromStart ? first : typed ? await typed.answer : await listsFor(filters, now)),
    [db, now, filters, fromStart, typed],
    first,
  );
  const listShown = data !== undefined;
  useEffect(() => {
    if (!listShown) return;
    let live = true;
    void prepareSearch(db)
      .catch(() => {})
      .finally(() => live && setSearchReady(true));
    return () => {
      live = false;
    };
  }, [db, listShown]);
  const searchRef = useRef<HTMLInputElement>(null);
  // Below the name matches: the posts and internal notes that contain the words typed.
  const texts = useTextSearch(db, filters.query, data?.query === filters.query);
  const textHits = texts.result?.hits ?? [];
  // Opening the popup syncs with the team (when on): the worker may have slept through its alarm.
  // The lists are live queries, so colleagues' events show as they land; a failure is in the options.
  // Not before the popup has settled, nor while the agent types: compiling and running sync then
  // competed with the first screen and the first keystroke.
  const syncNow = settled && !typing;
  const synced = useRef(false);
  useEffect(() => {
    if (!syncNow || synced.current) return;
    synced.current = true;
    void import('@/lib/background/team-sync').then(({ runTeamSync }) => runTeamSync(db, { force: true })).catch(() => undefined);
  }, [db, syncNow]);
  // The answer to new filters draws the first rows of each list first, the rest once the popup has
  // settled and the agent is not typing, or at once when the keyboard moves into the list
  // (a live update of the same list, or the clock, redraws it whole: the list never shrinks under the agent).
  const [inList, setInList] = useState(false);
  const drawn = useFirstScreenFirst(data?.filters, (typing || !settled) && !inList);

  const rows: Row[] = [
    ...(data?.due ?? []).map((d): Row => ({
      kind: 'due',
      key: `due:${d.interaction.id}`,
      interactionId: d.interaction.id,
      contactId: d.interaction.contactId,
      name: displayName(d.contact),
      permalink: d.interaction.permalink,
    })),
    ...(data?.recent ?? []).map((c): Row => ({
      kind: 'contact',
      key: `contact:${c.id}`,
      contactId: c.id,
      name: displayName(c),
      permalink: c.lastPermalink,
    })),
    ...textHits.map((h): Row => ({
      kind: 'text',
      key: `text:${h.key}`,
      interactionId: h.interactionId,
      contactId: h.contactId,
      name: displayName(h.contact),
      // Opens like a name result: the post, else the person's latest one.
      permalink: h.permalink ?? h.contact?.lastPermalink ?? null,
    })),
  ];

  const report = (run: () => Promise<string>) =>
    run().then(
      (text) => setStatus({ kind: 'ok', text }),
      (error: unknown) => setStatus({ kind: 'error', text: `That did not work: ${error instanceof Error ? error.message : String(error)}` }),
    );

  const interactionOf = async (row: Row) =>
    row.kind !== 'contact' ? row.interactionId : await latestInteractionId(db, row.contactId);

  const open = (row: Row | undefined) => {
    if (!row) return;
    if (row.permalink) void openInNewTab(row.permalink);
    else setStatus({ kind: 'info', text: `No link was saved for ${row.name}'s post.` });
  };
  const resolve = (row: Row | undefined) =>
    row &&
    report(async () => {
      const id = await interactionOf(row);
      if (!id) return `${row.name} has nothing to resolve.`;
      const { resolveInteraction } = await import('@/lib/actions/agent');
      await resolveInteraction(db, id);
      return `Marked ${row.name} resolved.`;
    });
  const snoozeRow = (row: Row | undefined) =>
    row &&
    report(async () => {
      const id = await interactionOf(row);
      if (!id) return `${row.name} has nothing to snooze.`;
      const { snoozeOneDay } = await import('@/lib/actions/agent');
      const until = await snoozeOneDay(db, id);
      return `Snoozed ${row.name} until ${dateTime(until)}.`;
    });

  const keys = useListKeys(rows.length, {
    open: (n) => open(rows[n]),
    resolve: (n) => void resolve(rows[n]),
    snooze: (n) => void snoozeRow(rows[n]),
  });

  useSlashToSearch(searchRef);

  const filtering = filters.query.trim() !== '' || filters.platform !== '' || filters.status !== '';
  const dueCount = data?.due.length ?? 0;
  const textStart = dueCount + (data?.recent.length ?? 0);
  const searchingText = filters.query.trim() !== '';

  return (
    <div className="popup">
      <header className="popup-header">
        <div className="row">
          <h1 className="grow">Frontline</h1>
          <button type="button" className="btn btn-small" onClick={() => void openDashboard()}>
            Open dashboard
          </button>
          <button type="button" className="btn btn-small" onClick={() => void openOptions()}>
            Options
          </button>
        </div>
        <ActivityCounts db={db} now={now} ready={settled && !typing} />
      </header>

      {data && !data.hasAny ? (
        <EmptyState />
      ) : (
        <>
          <div className="popup-filters">
            <ContactFilters
              ref={searchRef}
              filters={filters}
              onChange={(next) => {
                typedRead.start(next, now);
                setFilters(next);
                keys.setActive(0);
              }}
              onSearchKeyDown={(e) => {
                if (e.key === 'ArrowDown') {
                  e.preventDefault();
                  keys.focusRow(0);
                }
              }}
            />
          </div>
          <StatusMessage status={status} />
          <ul
            className="list popup-list"
            ref={keys.listRef}
            onKeyDown={keys.onKeyDown}
            onFocus={() => setInList(true)}
            onBlur={(e) => !e.currentTarget.contains(e.relatedTarget) && setInList(false)}
            aria-label="Follow-ups and recent contacts"
          >
            {dueCount > 0 && (
              <li className="section-title" aria-hidden="true">
                <span>Due follow-ups</span>
                <span>{data!.dueTotal > dueCount ? `${dueCount} of ${data!.dueTotal}` : dueCount}</span>
              </li>
            )}
            {data?.due.slice(0, drawn).map((item, n) => (
              <DueFollowUpRow
                key={`due:${item.interaction.id}`}
                item={item}
                now={now}
                active={keys.active === n}
                onFocusRow={() => keys.setActive(n)}
                onOpen={() => open(rows[n])}
                onResolve={() => void resolve(rows[n])}
                onSnooze={() => void snoozeRow(rows[n])}
                onCorrect={(level) => correctFromPopup(db, item.interaction, level)}
              />
            ))}
            <li className="section-title" aria-hidden="true">
              <span>{filtering ? 'Matching contacts' : 'Recent contacts'}</span>
            </li>
            {data?.recent.slice(0, drawn).map((contact, m) => {
              const n = dueCount + m;
              return (
                <ContactRow
                  key={`contact:${contact.id}`}
                  contact={contact}
                  now={now}
                  active={keys.active === n}
                  onFocusRow={() => keys.setActive(n)}
                  onOpen={() => open(rows[n])}
                  onHistory={() => void openDashboard(contact.id)}
                />
              );
            })}
            {data && data.recent.length === 0 && (
              <li className="list-empty muted">{filtering ? 'No contact matches these filters. Clear the search, or choose All platforms and Any status.' : 'No contacts yet.'}</li>
            )}
            {searchingText && (
              <li className="section-title" aria-hidden="true">
                <span>In posts and notes</span>
                <span>{texts.searching ? 'Searching…' : ''}</span>
              </li>
            )}
            {searchingText &&
              textHits.map((hit, m) => {
                const n = textStart + m;
                return (
                  <TextMatchRow
                    key={`text:${hit.key}`}
                    hit={hit}
                    now={now}
                    active={keys.active === n}
                    onFocusRow={() => keys.setActive(n)}
                    onOpen={() => open(rows[n])}
                  />
                );
              })}
            {searchingText && texts.result && !texts.searching && textHits.length === 0 && (
              <li className="list-empty muted">
                {texts.result.capped ? `No match in the ${texts.result.scanned} most recent posts.` : 'No post or note has these words.'}
              </li>
            )}
            {searchingText && texts.result?.more && !texts.searching && (
              <li className="list-more">
                <button type="button" className="btn-link small" onClick={texts.showMore}>
                  More…
                </button>
              </li>
            )}
          </ul>
          <footer className="popup-footer muted small" aria-hidden="true">
            <kbd>/</kbd> search · <kbd>↑</kbd>
            <kbd>↓</kbd> move · <kbd>Enter</kbd> open · <kbd>r</kbd> resolve · <kbd>s</kbd> snooze
          </footer>
        </>
      )}
    </div>
  );
}
