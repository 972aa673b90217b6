import type { DueItem } from '@/lib/db';
import { displayName, excerpt, relativeTime, dateTime } from './format';
import { SeverityBadge } from './SeverityBadge';
import { CorrectionButtons, type TeachOutcome } from '../overlay/CorrectionButtons';
import type { Severity } from '@/lib/model/severity';

interface Props {
  item: DueItem;
  now: number;
  active: boolean;
  onFocusRow: () => void;
  onOpen: () => void;
  onResolve: () => void;
  onSnooze: () => void;
  /** The agent's word on the post's verdict (lib/actions/correct.ts). */
  onCorrect?: (level: Severity) => Promise<TeachOutcome>;
}

/** A promise the agent made: who, what was said, when it was due, and the three ways to act on it. */
export function DueFollowUpRow({ item, now, active, onFocusRow, onOpen, onResolve, onSnooze, onCorrect }: Props) {
  const { interaction, contact } = item;
  const name = displayName(contact);
  const dueAt = interaction.followUpAt ?? now;
  return (
    <li
      className="list-item due-item"
      tabIndex={active ? 0 : -1}
      data-row
      aria-keyshortcuts="Enter r s"
      data-active={active}
      aria-label={`Follow up with ${name}, due ${relativeTime(dueAt, now)}`}
      onFocus={onFocusRow}
    >
      <div className="row">
        <span className="name grow" title={name}>
          <bdi>{name}</bdi>
        </span>
        <SeverityBadge severity={interaction.severity} />
        <time className="due-time" dateTime={new Date(dueAt).toISOString()} title={dateTime(dueAt)}>
          due {relativeTime(dueAt, now)}
        </time>
      </div>
      {interaction.lastReply ? (
        <p className="promise">
          <span className="muted">You said: </span>
          {excerpt(interaction.lastReply, 160)}
        </p>
      ) : (
        <p className="promise">
          <span className="muted">They said: </span>
          {excerpt(interaction.text, 160)}
        </p>
      )}
      <div className="row actions">
        <button type="button" className="btn btn-small" onClick={onOpen} disabled={!interaction.permalink} tabIndex={active ? 0 : -1}>
          Open post
        </button>
        <button type="button" className="btn btn-small" onClick={onResolve} tabIndex={active ? 0 : -1}>
          Mark resolved
        </button>
        <button type="button" className="btn btn-small" onClick={onSnooze} tabIndex={active ? 0 : -1}>
          Snooze 1 day
        </button>
      </div>
      {onCorrect && <CorrectionButtons detected={interaction.severity} teach={onCorrect} buttonClassName="btn btn-small" tabIndex={active ? 0 : -1} />}
    </li>
  );
}
