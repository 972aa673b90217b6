import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { contactHistory, type Contact, type FrontlineDB, type Interaction, type InteractionEvent } from '@/lib/db';
import { THEME_LABELS } from '@/lib/insights';
import { StatusMessage, type Status } from './StatusMessage';
import { mergeContacts, resolveInteraction, snoozeOneDay, undoMerge } from '@/lib/actions';
import { MergePicker, whoIs } from './MergePicker';
import { PLATFORM_LABELS, dateTime, displayName } from './format';
import { openInNewTab } from './open-tab';
import { SeverityBadge, StatusTag } from './SeverityBadge';
import { describeEvent, hasText } from './timeline-events';

/** Posts shown at first, and added by each "Show older posts". */
export const TIMELINE_PAGE = 25;

/**
 * Everything that happened with one customer, newest post first, each post with its own events.
 * Only the newest TIMELINE_PAGE posts are read and rendered at first (a returning customer can
 * have hundreds); "Show older posts" reads the next page.
 */
export function ContactTimeline({ db, contactId }: { db: FrontlineDB; contactId: string }) {
  const [shown, setShown] = useState({ contactId, limit: TIMELINE_PAGE });
  // Another contact starts again at one page.
  const limit = shown.contactId === contactId ? shown.limit : TIMELINE_PAGE;
  const history = useLiveQuery(async () => (await contactHistory(db, contactId, { limit })) ?? null, [db, contactId, limit]);
  const [status, setStatus] = useState<Status | null>(null);

  if (history === undefined) return <p className="muted pane-message">Loading…</p>;
  if (history === null) {
    return (
      <p className="pane-message" role="status">
        This contact is not in the database (it may have been deleted by retention).
      </p>
    );
  }
  const { contact, interactions, events, total } = history;
  const name = displayName(contact);
  // One pass over the events instead of one filter per card (300 posts × 900 events).
  const byInteraction = new Map<string, InteractionEvent[]>();
  for (const e of events) {
    const list = byInteraction.get(e.interactionId);
    if (list) list.push(e);
    else byInteraction.set(e.interactionId, [e]);
  }

  const act = async (run: () => Promise<string | Status>) => {
    try {
      const done = await run();
      setStatus(typeof done === 'string' ? { kind: 'ok', text: done } : done);
    } catch (error) {
      setStatus({ kind: 'error', text: `That did not work: ${error instanceof Error ? error.message : String(error)}` });
    }
  };

  const listApart = (other: Pick<Contact, 'id' | 'name' | 'handle' | 'platform'>) =>
    act(async () => (await undoMerge(db, contact.id, other.id), `${whoIs(other)} is listed apart again.`));
  const merge = (other: Contact) =>
    act(async () => {
      await mergeContacts(db, contact.id, other.id);
      return { kind: 'ok', text: `Merged ${whoIs(other)} into ${whoIs(contact)}.`, action: { label: 'Undo', run: () => void listApart(other) } };
    });

  return (
    <article className="timeline" aria-labelledby="timeline-name">
      <header className="timeline-header">
        <div className="grow">
          <h2 id="timeline-name">{name}</h2>
          <p className="muted small">
            {contact.handle && `@${contact.handle} · `}
            {PLATFORM_LABELS[contact.platform]} · first seen {dateTime(contact.firstSeenAt)} · {total}{' '}
            {total === 1 ? 'post' : 'posts'}
          </p>
          {contact.merged?.length ? (
            <ul className="list merged-list" aria-label="Also this person">
              {contact.merged.map(({ contact: other }) => (
                <li key={other.id} className="row small">
                  <span className="grow">Also {whoIs(other)}</span>
                  <button type="button" className="btn btn-small" aria-label={`List ${whoIs(other)} apart again`} onClick={() => void listApart(other)}>
                    List apart
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
        <MergePicker db={db} keep={contact} onMerge={merge} />
      </header>
      <StatusMessage status={status} />
      <ol className="list timeline-list" aria-label={`Timeline of ${name}`}>
        {interactions.map((interaction) => (
          <InteractionCard
            key={interaction.id}
            interaction={interaction}
            events={byInteraction.get(interaction.id) ?? NO_EVENTS}
            onResolve={() => act(async () => (await resolveInteraction(db, interaction.id), `Marked ${name}'s post resolved.`))}
            onSnooze={() => act(async () => `Snoozed until ${dateTime(await snoozeOneDay(db, interaction.id))}.`)}
          />
        ))}
      </ol>
      {total > interactions.length && (
        <p className="row">
          <span className="muted small grow">
            Showing the newest {interactions.length} of {total} posts.
          </span>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => setShown({ contactId, limit: interactions.length + TIMELINE_PAGE })}
          >
            Show older posts
          </button>
        </p>
      )}
    </article>
  );
}

const NO_EVENTS: InteractionEvent[] = [];

interface CardProps {
  interaction: Interaction;
  events: InteractionEvent[];
  onResolve: () => void;
  onSnooze: () => void;
}

function InteractionCard({ interaction, events, onResolve, onSnooze }: CardProps) {
  const oldestFirst = [...events].reverse();
  return (
    <li className="card interaction">
      <div className="row wrap">
        <SeverityBadge severity={interaction.severity} />
        <StatusTag status={interaction.status} />
        <span className="tag">{PLATFORM_LABELS[interaction.platform]}</span>
        <time className="muted small grow" dateTime={new Date(interaction.firstSeenAt).toISOString()}>
          {dateTime(interaction.firstSeenAt)}
        </time>
        {interaction.permalink && (
          <button type="button" className="btn btn-small" onClick={() => void openInNewTab(interaction.permalink!)}>
            Open post
          </button>
        )}
        {interaction.status !== 'resolved' && (
          <>
            <button type="button" className="btn btn-small" onClick={onResolve}>
              Mark resolved
            </button>
            <button type="button" className="btn btn-small" onClick={onSnooze}>
              Snooze 1 day
            </button>
          </>
        )}
      </div>
      <p className="quote customer-text">{interaction.text}</p>
      {interaction.themes.length > 0 && (
        <p className="muted small">Themes: {interaction.themes.map((t) => THEME_LABELS[t]).join(', ')}</p>
      )}
      <ol className="events" aria-label="Events">
        {oldestFirst.map((event, n) => (
          // Events have no numbers of their own since schema v5; a short list, keyed by position.
          <li key={n} className={`event event-${event.type}`}>
            <time className="muted small" dateTime={new Date(event.at).toISOString()}>
              {dateTime(event.at)}
            </time>
            <span className="event-what">{describeEvent(event)}</span>
            {hasText(event) && <p className="quote event-text">{event.text}</p>}
          </li>
        ))}
      </ol>
    </li>
  );
}
