import { useMemo, useState } from 'react';
import { findTicketRefs } from '@/lib/detect/ticket-refs';
import type { CustomerHistory } from '@/lib/messages';
import type { HistoryEntry } from '@/lib/model/returning';
import { SEVERITY_LABELS } from '@/lib/model';
import { now } from '@/lib/time/clock';
import { relativeTime, shortDate } from '../pages/format';
import { BlurredInsults, insultSpans, revealLabel } from './Insults';

/** "3 Mar (12 d ago)": the date for the record, the distance for the agent; "now" from the injectable clock. */
function when(t: number, at: number): string {
  return `${shortDate(t)} (${relativeTime(t, at)})`;
}

const STATUS_WORDS: Record<HistoryEntry['status'], string> = { open: 'open', waiting: 'waiting on them', resolved: 'resolved' };

/**
 * Where this post stands, when the agent already acted on it: a reply, a follow-up, a resolution.
 * Shown first, so reopening a post never looks like a fresh case.
 */
function ThisPost({ entry, at }: { entry: HistoryEntry; at: number }) {
  const parts: string[] = [];
  if (entry.repliedAt !== undefined) parts.push(`replied ${when(entry.repliedAt, at)}`);
  if (entry.followUpDue !== undefined) parts.push(`follow-up ${entry.followUpDue <= at ? 'due' : 'set for'} ${when(entry.followUpDue, at)}`);
  parts.push(`status ${STATUS_WORDS[entry.status]}`);
  return (
    <div className="fl-history-current" role="note" aria-label="This post so far">
      <strong>This post:</strong> {parts.join(' · ')}.
      {entry.lastReply ? <blockquote className="fl-last-reply">Our reply: {entry.lastReply}</blockquote> : null}
    </div>
  );
}

/** The ticket numbers that post quoted ("Ticket #48213"), so the agent can look the case up. */
function Tickets({ text }: { text: string }) {
  const refs = findTicketRefs(text);
  return refs.length ? <strong className="fl-history-ticket"> · {refs.map((r) => r.label).join(', ')}</strong> : null;
}

/**
 * The customer's earlier interactions with us, newest first: when, how severe, where it ended,
 * their words and our last reply. Rendered only in our overlay frame; all of it is React text.
 */
export function CustomerHistoryList({ history }: { history: CustomerHistory }) {
  const at = now();
  // An earlier post's insults are blurred too, behind one switch for the whole list (issue 21, item 9).
  const [revealed, setRevealed] = useState(false);
  const spans = useMemo(() => history.earlier.map((e) => insultSpans(e.text)), [history.earlier]);
  const insults = spans.reduce((n, s) => n + s.length, 0);
  return (
    <>
      {history.current ? <ThisPost entry={history.current} at={at} /> : null}
      {history.earlier.length > 0 ? (
        <section className="fl-history" aria-label="Earlier with us">
          <h3 className="fl-h3">Earlier with us</h3>
          {insults > 0 ? (
            <button type="button" className="fl-link-btn" aria-pressed={revealed} onClick={() => setRevealed((r) => !r)}>
              {revealLabel(insults, revealed, ' in earlier posts')}
            </button>
          ) : null}
          <ol className="fl-history-list">
            {history.earlier.map((e, i) => (
              <li key={`${e.firstSeenAt}-${e.text.slice(0, 20)}`} className="fl-history-item">
                <div className="fl-history-meta">
                  <time dateTime={new Date(e.firstSeenAt).toISOString()}>{when(e.firstSeenAt, at)}</time>
                  {' · '}
                  <span className={`fl-sev-text fl-sev-text-${e.severity}`}>{SEVERITY_LABELS[e.severity]}</span>
                  {' · '}
                  {STATUS_WORDS[e.status]}
                  {e.repliedAt !== undefined ? ` · replied ${relativeTime(e.repliedAt, at)}` : ' · no reply logged'}
                  <Tickets text={e.text} />
                </div>
                <q className="fl-history-text">
                  <BlurredInsults text={e.text} spans={spans[i]!} revealed={revealed} />
                </q>
                {e.lastReply ? <div className="fl-history-reply">Our reply: {e.lastReply}</div> : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </>
  );
}
