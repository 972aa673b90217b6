import type { Contact, StoredEvent, StoredInteraction } from '../db/records';
import { daysBefore, startOfDay, startOfWeek } from '../time/calendar';
import { percentile } from './reply-time';

/**
 * The dashboard's Team view (issue 19), derived from the local log alone: colleagues' events
 * arrive there with `by` (lib/db/team.ts), the agent's own have none. Pure: callers pass the
 * interactions, their contacts and `now` (lib/time/clock.ts), so the figures never depend on
 * when or where they are computed except through the local calendar of the period.
 */

export type TeamPeriod = 'today' | 'week' | 'days30';
export const TEAM_PERIODS: ReadonlyArray<[TeamPeriod, string]> = [
  ['today', 'Today'],
  ['week', 'This week'],
  ['days30', 'Last 30 days'],
];

/** [from, to) of a period ending now, on the agent's local calendar (weeks start on Monday). */
export function teamPeriodRange(period: TeamPeriod, now: number): { from: number; to: number } {
  const from = period === 'today' ? startOfDay(now) : period === 'week' ? startOfWeek(now) : daysBefore(now, 29);
  return { from, to: now + 1 };
}

export interface TeamReply {
  agent: string;
  customer: string;
  contactId: string;
  interactionId: string;
  at: number;
  firstWords: string;
}

export interface AgentCounts {
  agent: string;
  replies: number;
  resolved: number;
  /** Posts whose first reply this agent wrote in the period. */
  firstReplies: number;
  medianFirstReplyMs: number | null;
}

export interface UnansweredPost {
  interactionId: string;
  contactId: string;
  customer: string;
  text: string;
  severity: number;
  seenAt: number;
  ageMs: number;
}

export interface TeamActivity {
  replies: TeamReply[];
  agents: AgentCounts[];
  team: Omit<AgentCounts, 'agent'>;
  unanswered: UnansweredPost[];
}

export const TEAM_LIST_LIMIT = 50;
const FIRST_WORDS = 12;

const isReply = (e: StoredEvent) => e.type === 'reply-inserted' || e.type === 'reply-confirmed';

/** The opening of a reply, as plain text (it is rendered as text, never markup). */
export function firstWords(text: string | undefined, words = FIRST_WORDS): string {
  const all = (text ?? '').trim().split(/\s+/).filter(Boolean);
  return all.length > words ? `${all.slice(0, words).join(' ')} …` : all.join(' ');
}

/**
 * Who answered what in [from, to): replies newest first, per-agent and team counts (replies,
 * resolutions, median wait from the post first being seen to its first reply, counted for the
 * agent who wrote that reply and the period it fell in), and flagged posts seen in the period
 * that nobody answered or resolved, oldest first. `me` names the agent's own events.
 */
export function teamActivity(
  interactions: readonly StoredInteraction[],
  contacts: ReadonlyMap<string, Pick<Contact, 'name' | 'handle'>>,
  opts: { me: string; from: number; to: number; now: number },
): TeamActivity {
  const { me, from, to, now } = opts;
  const inPeriod = (t: number) => t >= from && t < to;
  const customerOf = (i: StoredInteraction) => {
    const c = contacts.get(i.contactId);
    return c ? c.name || c.handle : i.contactId;
  };
  const replies: TeamReply[] = [];
  const counts = new Map<string, { replies: number; resolved: number; waits: number[] }>();
  const countsOf = (agent: string) => {
    let c = counts.get(agent);
    if (!c) counts.set(agent, (c = { replies: 0, resolved: 0, waits: [] }));
    return c;
  };
  const unanswered: UnansweredPost[] = [];

  for (const i of interactions) {
    let first: StoredEvent | undefined;
    for (const e of i.events) {
      if (isReply(e) && (!first || e.at < first.at)) first = e;
      if (!inPeriod(e.at)) continue;
      const agent = e.by ?? me;
      if (isReply(e)) {
        countsOf(agent).replies++;
        replies.push({ agent, customer: customerOf(i), contactId: i.contactId, interactionId: i.id, at: e.at, firstWords: firstWords(e.text) });
      } else if (e.type === 'status' && e.status === 'resolved') countsOf(agent).resolved++;
    }
    if (first && inPeriod(first.at)) countsOf(first.by ?? me).waits.push(Math.max(0, first.at - i.firstSeenAt));
    if (!first && i.complaint && i.status !== 'resolved' && inPeriod(i.firstSeenAt)) {
      unanswered.push({
        interactionId: i.id,
        contactId: i.contactId,
        customer: customerOf(i),
        text: i.text,
        severity: i.severity,
        seenAt: i.firstSeenAt,
        ageMs: Math.max(0, now - i.firstSeenAt),
      });
    }
  }

  const summary = (c: { replies: number; resolved: number; waits: number[] }) => {
    const waits = [...c.waits].sort((a, b) => a - b);
    return { replies: c.replies, resolved: c.resolved, firstReplies: waits.length, medianFirstReplyMs: percentile(waits, 50) };
  };
  const agents = [...counts].map(([agent, c]) => ({ agent, ...summary(c) })).sort((a, b) => b.replies - a.replies || a.agent.localeCompare(b.agent));
  const all = [...counts.values()];
  const team = summary({
    replies: all.reduce((n, c) => n + c.replies, 0),
    resolved: all.reduce((n, c) => n + c.resolved, 0),
    waits: all.flatMap((c) => c.waits),
  });
  return {
    replies: replies.sort((a, b) => b.at - a.at).slice(0, TEAM_LIST_LIMIT),
    agents,
    team,
    unanswered: unanswered.sort((a, b) => a.seenAt - b.seenAt || (a.interactionId < b.interactionId ? -1 : 1)).slice(0, TEAM_LIST_LIMIT),
  };
}
