import type { AgentCounts, TeamActivity, TeamReply, UnansweredPost } from '@/lib/insights';
import { count, dateTime, duration, relativeTime } from './format';
import { SeverityBadge } from './SeverityBadge';

/** Per-agent rows and a team total: replies, resolutions, median first-reply wait. */
export function TeamCounts({ agents, team }: { agents: AgentCounts[]; team: TeamActivity['team'] }) {
  const row = (name: string, c: Omit<AgentCounts, 'agent'>, total = false) => (
    <tr key={name} className={total ? 'total' : undefined}>
      <th scope="row">{name}</th>
      <td className="num">{count(c.replies)}</td>
      <td className="num">{count(c.resolved)}</td>
      <td className="num">{duration(c.medianFirstReplyMs)}</td>
      <td className="num">{count(c.firstReplies)}</td>
    </tr>
  );
  return (
    <section className="card">
      <table className="table">
        <caption className="table-caption">Replies and waits per agent</caption>
        <thead>
          <tr>
            <th scope="col">Agent</th>
            <th scope="col" className="num">Replies</th>
            <th scope="col" className="num">Resolved</th>
            <th scope="col" className="num">Median first reply</th>
            <th scope="col" className="num">First replies</th>
          </tr>
        </thead>
        <tbody>
          {agents.map((a) => row(a.agent, a))}
          {row('Team', team, true)}
        </tbody>
      </table>
      <p className="muted small">Median first reply: from the post first being seen to its first reply, for the agent who wrote it.</p>
    </section>
  );
}

/** Recent replies, newest first: who, to whom, when, and how it began (as text). */
export function TeamReplies({ replies, onOpen, now }: { replies: TeamReply[]; onOpen: (contactId: string) => void; now: number }) {
  return (
    <section className="card">
      <table className="table">
        <caption className="table-caption">Who answered what</caption>
        <thead>
          <tr>
            <th scope="col">Agent</th>
            <th scope="col">Customer</th>
            <th scope="col">When</th>
            <th scope="col">Reply</th>
          </tr>
        </thead>
        <tbody>
          {replies.length === 0 ? (
            <tr>
              <td colSpan={4} className="muted">No replies in this period. A longer period (above) may show some.</td>
            </tr>
          ) : (
            replies.map((r) => (
              <tr key={`${r.interactionId}:${r.at}:${r.agent}`}>
                <td>{r.agent}</td>
                <td>
                  <button type="button" className="btn-link align-left" onClick={() => onOpen(r.contactId)}>
                    <bdi>{r.customer}</bdi>
                  </button>
                </td>
                <td>
                  <time dateTime={new Date(r.at).toISOString()} title={dateTime(r.at)}>
                    {relativeTime(r.at, now)}
                  </time>
                </td>
                <td dir="auto">{r.firstWords}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </section>
  );
}

/** Flagged posts nobody answered or resolved, oldest first: the ones waiting longest lead. */
export function TeamUnanswered({ posts, onOpen }: { posts: UnansweredPost[]; onOpen: (contactId: string) => void }) {
  return (
    <section className="card">
      <table className="table">
        <caption className="table-caption">Unanswered flagged posts, oldest first</caption>
        <thead>
          <tr>
            <th scope="col">Waiting</th>
            <th scope="col">Customer</th>
            <th scope="col">Severity</th>
            <th scope="col">Post</th>
          </tr>
        </thead>
        <tbody>
          {posts.length === 0 ? (
            <tr>
              <td colSpan={4} className="muted">Every flagged post seen in this period has an answer.</td>
            </tr>
          ) : (
            posts.map((p) => (
              <tr key={p.interactionId}>
                <td title={dateTime(p.seenAt)}>{duration(p.ageMs)}</td>
                <td>
                  <button type="button" className="btn-link align-left" onClick={() => onOpen(p.contactId)}>
                    <bdi>{p.customer}</bdi>
                  </button>
                </td>
                <td>
                  <SeverityBadge severity={p.severity} />
                </td>
                <td className="team-post" dir="auto">{p.text.length > 200 ? `${p.text.slice(0, 200)}…` : p.text}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </section>
  );
}
