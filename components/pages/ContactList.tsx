import { useVirtualizer } from '@tanstack/react-virtual';
import { useLiveQuery } from 'dexie-react-hooks';
import { useRef, useState } from 'react';
import { contactQuery, contactSummary, prepareSearch, recentContactsBare, type Contact, type FrontlineDB } from '@/lib/db';
import { ContactFilters, NO_FILTERS, type Filters } from './ContactFilters';
import { PLATFORM_LABELS, count, displayName, relativeTime } from './format';
import { SeverityBadge, StatusTag } from './SeverityBadge';
import { useNow } from './useNow';
import { useSlashToSearch } from './useSlashToSearch';

/** recentContacts caps at 500; beyond that the agent narrows with search and filters. */
const LIST_LIMIT = 500;
const ROW_HEIGHT = 64;

interface Props {
  db: FrontlineDB;
  selectedId: string | null;
  onSelect: (contactId: string) => void;
}

/**
 * The dashboard's people list. Only visible rows are in the DOM (react-virtual), so 500
 * rows scroll like 5; arrow keys move the selection, as in a mail client.
 */
export function ContactList({ db, selectedId, onSelect }: Props) {
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const now = useNow(60_000);
  const contacts = useLiveQuery(
    async () => {
      // Subscribes to the search directory (64 records), written with every contact: a contact
      // deleted by key (a merge) moves no lastSeenAt key this list's live query would notice.
      await db.directory.count();
      return recentContactsBare(db, contactQuery(filters, LIST_LIMIT));
    },
    [db, filters.query, filters.platform, filters.status],
  );
  const scrollRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  useSlashToSearch(searchRef);
  const list = contacts ?? [];
  const filtering = filters.query.trim() !== '' || filters.platform !== '' || filters.status !== '';
  const virtualizer = useVirtualizer({
    count: list.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });

  const selectedIndex = list.findIndex((c) => c.id === selectedId);
  const move = (delta: number) => {
    if (list.length === 0) return;
    const next = Math.max(0, Math.min(list.length - 1, (selectedIndex < 0 ? -1 : selectedIndex) + delta));
    onSelect(list[next]!.id);
    virtualizer.scrollToIndex(next);
  };

  return (
    <nav className="contact-pane" aria-label="Contacts">
      <div className="contact-pane-filters">
        <ContactFilters
          ref={searchRef}
          filters={filters}
          onChange={setFilters}
          // The search directory (~1 MB for 20,000 people) is read when the agent goes to the search
          // box, not with the dashboard (which may never search), so the first key only matches.
          onSearchFocus={() => void prepareSearch(db).catch(() => undefined)}
        />
        <p className="muted small" aria-live="polite">
          {contacts === undefined
            ? 'Loading…'
            : `${count(list.length)}${list.length === LIST_LIMIT ? '+' : ''} ${list.length === 1 ? 'contact' : 'contacts'}`}
        </p>
      </div>
      <div
        ref={scrollRef}
        className="contact-scroll"
        // Empty, it is not a listbox (a listbox must hold options): just the words saying why.
        role={list.length > 0 ? 'listbox' : undefined}
        aria-label={list.length > 0 ? 'Contact list' : undefined}
        tabIndex={list.length > 0 ? 0 : undefined}
        aria-activedescendant={selectedIndex >= 0 ? `contact-option-${selectedIndex}` : undefined}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            move(e.key === 'ArrowDown' ? 1 : -1);
          }
        }}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((row) => {
            const c = list[row.index]!;
            return (
              <div
                key={c.id}
                id={`contact-option-${row.index}`}
                role="option"
                aria-selected={c.id === selectedId}
                className="list-item contact-option"
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${row.start}px)` }}
                onClick={() => onSelect(c.id)}
              >
                <ContactOptionBody db={db} contact={c} now={now} />
              </div>
            );
          })}
        </div>
        {contacts && list.length === 0 && (
          <p className="pane-message muted">
            {filtering
              ? 'No contact matches these filters. Clear the search, or choose All platforms and Any status.'
              : 'No customers yet. Complaints flagged on X, blogs and forums land here once you see them; answer one with Reply as support.'}
          </p>
        )}
      </div>
    </nav>
  );
}

/**
 * One row's text. Its summary (worst severity, last status) is read per row when the row is
 * on screen: with 500 people in the list only the ~20 visible ones cost a query.
 */
function ContactOptionBody({ db, contact: c, now }: { db: FrontlineDB; contact: Contact; now: number }) {
  const summary = useLiveQuery(() => contactSummary(db, c.id), [db, c.id]);
  return (
    <>
      <div className="row">
        <span className="name grow" title={displayName(c)}>
          <bdi>{displayName(c)}</bdi>
        </span>
        {summary && <SeverityBadge severity={summary.maxSeverity} />}
      </div>
      <div className="row small">
        <span className="tag">{PLATFORM_LABELS[c.platform]}</span>
        {summary && <StatusTag status={summary.lastStatus} />}
        <span className="handle grow">{c.handle && `@${c.handle}`}</span>
        <span className="muted">{relativeTime(c.lastSeenAt, now)}</span>
      </div>
    </>
  );
}
