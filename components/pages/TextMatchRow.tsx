import type { TextHit } from '@/lib/db';
import { PLATFORM_LABELS, displayName, relativeTime, dateTime } from './format';

interface Props {
  hit: TextHit;
  now: number;
  active: boolean;
  onFocusRow: () => void;
  onOpen: () => void;
}

/** A post or note matching the search: whose, which, and the words around the match, marked. */
export function TextMatchRow({ hit, now, active, onFocusRow, onOpen }: Props) {
  const name = displayName(hit.contact);
  const what = hit.source === 'note' ? 'Note' : 'Post';
  return (
    <li
      className="list-item text-match-item"
      tabIndex={active ? 0 : -1}
      data-row
      aria-keyshortcuts="Enter r s"
      data-active={active}
      aria-label={`${name}, ${what.toLowerCase()}: ${hit.runs.map((r) => r.text).join('')}`}
      onFocus={onFocusRow}
      onClick={onOpen}
    >
      <div className="row small">
        <span className="name grow" title={name}>
          <bdi>{name}</bdi>
        </span>
        <span className="tag">{what}</span>
        {hit.contact && <span className="tag">{PLATFORM_LABELS[hit.contact.platform]}</span>}
        <time className="muted nowrap" dateTime={new Date(hit.at).toISOString()} title={dateTime(hit.at)}>
          {relativeTime(hit.at, now)}
        </time>
      </div>
      {/* Customer and note text as text nodes and <mark>s, never markup. */}
      <p className="snippet small">
        {hit.runs.map((r, n) => (r.hit ? <mark key={n}>{r.text}</mark> : <span key={n}>{r.text}</span>))}
      </p>
    </li>
  );
}
