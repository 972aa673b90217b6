import type { ContactListItem } from '@/lib/db';
import { PLATFORM_LABELS, displayName, relativeTime, dateTime } from './format';
import { SeverityBadge, StatusTag } from './SeverityBadge';

interface Props {
  contact: ContactListItem;
  now: number;
  active: boolean;
  onFocusRow: () => void;
  onOpen: () => void;
  onHistory: () => void;
}

/** One customer: who, where, how upset at worst, where things stand. Click or Enter opens their post. */
export function ContactRow({ contact, now, active, onFocusRow, onOpen, onHistory }: Props) {
  const name = displayName(contact);
  return (
    <li
      className="list-item contact-item"
      tabIndex={active ? 0 : -1}
      data-row
      aria-keyshortcuts="Enter r s"
      data-active={active}
      aria-label={`${name}, ${PLATFORM_LABELS[contact.platform]}, ${contact.lastStatus ?? 'no status'}`}
      onFocus={onFocusRow}
      onClick={(e) => {
        if ((e.target as HTMLElement).closest('button')) return;
        onOpen();
      }}
    >
      <div className="row">
        <span className="name grow" title={name}>
          <bdi>{name}</bdi>
        </span>
        <SeverityBadge severity={contact.maxSeverity} />
      </div>
      <div className="row small">
        <span className="tag">{PLATFORM_LABELS[contact.platform]}</span>
        <StatusTag status={contact.lastStatus} />
        {contact.interactionCount > 1 && <span className="tag">{contact.interactionCount} posts</span>}
        <span className="handle grow">{contact.handle && `@${contact.handle}`}</span>
        <time className="muted nowrap" dateTime={new Date(contact.lastSeenAt).toISOString()} title={dateTime(contact.lastSeenAt)}>
          {relativeTime(contact.lastSeenAt, now)}
        </time>
        <button type="button" className="btn-link small" onClick={onHistory} tabIndex={active ? 0 : -1} aria-label={`History of ${name}`}>
          History
        </button>
      </div>
    </li>
  );
}
