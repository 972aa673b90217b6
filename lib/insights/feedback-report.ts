import type { FrontlineDB } from '../db/schema';
import { firstSeenBetween } from '../db/queries';
import type { Interaction, StoredInteraction } from '../db/records';
import type { Platform } from '../types';
import { THEME_LABELS, THEMES, type Theme } from '../model/themes';

/** Longest quote in a report: enough to hear the customer, short enough to scan. */
const QUOTE_MAX = 280;

export type Trend = 'new' | 'rising' | 'steady' | 'falling';

export interface ThemeReport {
  theme: Theme;
  label: string;
  count: number;
  /** Count in the period of equal length just before `from`. */
  previous: number;
  trend: Trend;
  examples: Array<{ text: string; severity: number; platform: Platform; permalink: string | null }>;
  /** The team's report only: how many of these complaints each agent saw first. */
  seenBy?: AgentCount[];
}

export interface AgentCount {
  agent: string;
  count: number;
}

export interface FeedbackReport {
  from: number;
  to: number;
  complaints: number;
  previousComplaints: number;
  /** Most frequent first; only themes that occurred in the period. */
  themes: ThemeReport[];
  /** Complaints that matched no theme: worth reading by hand. */
  uncategorised: number;
  /** The team's report only: who saw the period's complaints first, most first. */
  seenBy?: AgentCount[];
}

/**
 * Who saw a post first: the author of its earliest event (a colleague's carry `by`, lib/db/team.ts),
 * else this agent. The flag is usually that event, shared with the team since issue 19.
 */
export function firstSeer(i: Pick<StoredInteraction, 'events'>, me: string): string {
  let first: StoredInteraction['events'][number] | undefined;
  for (const e of i.events) if (!first || e.at < first.at) first = e;
  return first?.by ?? me;
}

function countByAgent(list: readonly StoredInteraction[], me: string): AgentCount[] {
  const counts = new Map<string, number>();
  for (const i of list) {
    const agent = firstSeer(i, me);
    counts.set(agent, (counts.get(agent) ?? 0) + 1);
  }
  return [...counts].map(([agent, count]) => ({ agent, count })).sort((a, b) => b.count - a.count || a.agent.localeCompare(b.agent));
}

/**
 * Trend against the previous period: 'rising'/'falling' need a change of at least 25% AND at
 * least 2 complaints, so 1 → 2 on a quiet week is not sold to product teams as a surge.
 */
export function trendOf(count: number, previous: number): Trend {
  if (previous === 0) return count > 0 ? 'new' : 'steady';
  if (count - previous >= 2 && count >= previous * 1.25) return 'rising';
  if (previous - count >= 2 && count <= previous * 0.8) return 'falling';
  return 'steady';
}

function quote(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= QUOTE_MAX ? oneLine : `${oneLine.slice(0, QUOTE_MAX - 1)}…`;
}

/**
 * The recurring themes of complaints first seen in [from, to), for the people who can fix them.
 * `team`: the same report over the team's log as this browser holds it (colleagues' flags and
 * replies merged in by sync), with who on the team saw each theme's complaints first.
 */
export async function feedbackReport(db: FrontlineDB, range: { from: number; to: number }, team?: { me: string }): Promise<FeedbackReport> {
  const { from, to } = range;
  const span = Math.max(0, to - from);
  const inRange = async (a: number, b: number) =>
    (await firstSeenBetween(db, a, b)).filter((i) => i.complaint);
  const [current, before] = await Promise.all([inRange(from, to), inRange(from - span, from)]);

  const count = (list: Interaction[], theme: Theme) => list.filter((i) => i.themes.includes(theme)).length;
  const themes: ThemeReport[] = THEMES.map((theme) => {
    const matching = current.filter((i) => i.themes.includes(theme));
    const previous = count(before, theme);
    // Most severe first, then most recent; one quote per distinct text.
    const seen = new Set<string>();
    const examples = [...matching]
      .sort((a, b) => b.severity - a.severity || b.firstSeenAt - a.firstSeenAt)
      .filter((i) => {
        const key = quote(i.text).toLowerCase();
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .slice(0, 3)
      .map((i) => ({ text: quote(i.text), severity: i.severity, platform: i.platform, permalink: i.permalink }));
    const report: ThemeReport = { theme, label: THEME_LABELS[theme], count: matching.length, previous, trend: trendOf(matching.length, previous), examples };
    return team ? { ...report, seenBy: countByAgent(matching, team.me) } : report;
  })
    .filter((t) => t.count > 0)
    .sort((a, b) => b.count - a.count || THEMES.indexOf(a.theme) - THEMES.indexOf(b.theme));

  return {
    from,
    to,
    complaints: current.length,
    previousComplaints: before.length,
    themes,
    uncategorised: current.filter((i) => i.themes.length === 0).length,
    ...(team ? { seenBy: countByAgent(current, team.me) } : {}),
  };
}
