import { forwardRef } from 'react';
import { NO_FILTERS as NONE, type ListFilters } from '@/lib/db/popup-lists';
import { STATUSES, type Status } from '@/lib/model/statuses';
import { PLATFORMS, type Platform } from '@/lib/types';
import { PLATFORM_LABELS } from './format';

export type Filters = ListFilters;

export const NO_FILTERS: Filters = NONE;

interface Props {
  filters: Filters;
  onChange: (next: Filters) => void;
  /** Lets the list take over arrow keys from the search box. */
  onSearchKeyDown?: (event: React.KeyboardEvent<HTMLInputElement>) => void;
  /** The search box got focus: a page can read what a search needs before the first key. */
  onSearchFocus?: () => void;
}

/** Search (the start of any words of a name or handle: the search directory) plus platform and status filters. */
export const ContactFilters = forwardRef<HTMLInputElement, Props>(function ContactFilters(
  { filters, onChange, onSearchKeyDown, onSearchFocus },
  searchRef,
) {
  return (
    <div className="filters">
      <input
        ref={searchRef}
        type="search"
        className="input search"
        aria-label="Search contacts"
        placeholder="Search contacts  ( / )"
        value={filters.query}
        onChange={(e) => onChange({ ...filters, query: e.target.value })}
        onKeyDown={onSearchKeyDown}
        onFocus={onSearchFocus}
        autoComplete="off"
        spellCheck={false}
      />
      <div className="row">
        <select
          className="select grow"
          aria-label="Platform"
          value={filters.platform}
          onChange={(e) => onChange({ ...filters, platform: e.target.value as Platform | '' })}
        >
          <option value="">All platforms</option>
          {PLATFORMS.map((p) => (
            <option key={p} value={p}>
              {PLATFORM_LABELS[p]}
            </option>
          ))}
        </select>
        <select
          className="select grow"
          aria-label="Status"
          value={filters.status}
          onChange={(e) => onChange({ ...filters, status: e.target.value as Status | '' })}
        >
          <option value="">Any status</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {s[0]!.toUpperCase() + s.slice(1)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
});

/** The options recentContacts takes, without the empty ones. */
