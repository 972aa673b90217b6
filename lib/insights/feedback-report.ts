import type { FrontlineDB } from '../db/schema';
import { firstSeenBetween } from '../db/queries';
import type { Interaction } from '../db/records';
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

/** The recurring themes of complaints first seen in [from, to), for the people who can fix them. */
export async function feedbackReport(db: FrontlineDB, range: { from: number; to: number }): Promise<FeedbackReport> {
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
    return { theme, label: THEME_LABELS[theme], count: matching.length, previous, trend: trendOf(matching.length, previous), examples };
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
  };
}
