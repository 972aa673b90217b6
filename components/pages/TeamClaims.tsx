import { useCallback, useEffect, useState } from 'react';
import type { PageResponseOf, Reply } from '@/lib/messages';
import { dateTime, relativeTime } from './format';
import { askTeamClaims } from './team-claims-client';
import { openInNewTab } from './open-tab';

type Answer = Reply<PageResponseOf<'page→bg:team-claims'>>;

/** Claims expire within minutes: asked again this often while the view is open. */
const REFRESH_MS = 30_000;

/**
 * Who is answering which post right now, from the team server (claims live only there): the
 * agent, the customer when this browser knows the post, and since when. Names, posts and reasons
 * are text, never markup. A new `refreshKey` (a sync landed) asks again at once.
 */
export function TeamClaims({ now, onOpen, refreshKey = 0 }: { now: number; onOpen: (contactId: string) => void; refreshKey?: number }) {
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [busy, setBusy] = useState(false);
  const refresh = useCallback(async () => {
    setBusy(true);
    const next = await askTeamClaims();
    setAnswer(next);
    setBusy(false);
  }, []);
  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh, refreshKey]);

  return (
    <section className="card" aria-labelledby="team-claims-title">
      <div className="row">
        <h3 id="team-claims-title" className="grow">
          Open claims
        </h3>
        <button type="button" className="btn" onClick={() => void refresh()} disabled={busy}>
          Refresh
        </button>
      </div>
      {answer === null ? (
        <p className="muted">Asking the team server…</p>
      ) : !answer.ok ? (
        <p role="alert">The open claims could not be read: {answer.error}</p>
      ) : (
        <>
          {answer.problem ? <p role="alert">{answer.problem}</p> : null}
          <ClaimsTable answer={answer} now={now} onOpen={onOpen} />
        </>
      )}
      <p className="muted small">A claim is made when an agent opens the reply helper on a post, and lapses after 10 minutes.</p>
    </section>
  );
}

function ClaimsTable({ answer, now, onOpen }: { answer: Extract<Answer, { ok: true }>; now: number; onOpen: (contactId: string) => void }) {
  if (answer.claims.length === 0 && answer.problem) return null;
  return (
    <table className="table">
      <caption className="sr-only">Who is answering what now</caption>
      <thead>
        <tr>
          <th scope="col">Agent</th>
          <th scope="col">Customer</th>
          <th scope="col">Since</th>
          <th scope="col">Post</th>
        </tr>
      </thead>
      <tbody>
        {answer.claims.length === 0 ? (
          <tr>
            <td colSpan={4} className="muted">Nobody on the team has a post open right now.</td>
          </tr>
        ) : (
          answer.claims.map((c) => (
            <tr key={`${c.agent}:${c.at}:${c.permalink ?? c.contactId ?? ''}`}>
              <td>{c.mine ? `${c.agent} (you)` : c.agent}</td>
              <td>
                {c.contactId && c.customer ? (
                  <button type="button" className="btn-link align-left" onClick={() => onOpen(c.contactId!)}>
                    <bdi>{c.customer}</bdi>
                  </button>
                ) : (
                  <span className="muted">Not in your log yet</span>
                )}
              </td>
              <td>
                <time dateTime={new Date(c.at).toISOString()} title={dateTime(c.at)}>
                  {relativeTime(c.at, now)}
                </time>
              </td>
              <td className="team-post">
                {/* Isolated: a right-to-left post must not pull the "Open post" link into its run. */}
                {c.postText ? <bdi>{c.postText}</bdi> : null}
                {c.permalink ? (
                  <>
                    {c.postText ? ' ' : ''}
                    <button type="button" className="btn-link" onClick={() => void openInNewTab(c.permalink!)}>
                      Open post
                    </button>
                  </>
                ) : null}
              </td>
            </tr>
          ))
        )}
      </tbody>
      {answer.more > 0 ? (
        <tfoot>
          <tr>
            <td colSpan={4} className="muted small">…and {answer.more} more.</td>
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}
