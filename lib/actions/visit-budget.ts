import type { PostItem } from '../messages';

/**
 * What a mere visit may write (issue 16, slice 5, first part). A page decides how many
 * complaints it shows, so without a bound one page can fill the log (50,000 fake complaints
 * became 50,000 contacts). Flagged posts seen without the agent doing anything are logged only
 * within a budget per site: VISIT_LIMITS.perMinute in any one minute and VISIT_LIMITS.perDay in
 * one UTC day. Beyond it a flagged post is still marked on the page and still gets its
 * returning-customer summary, but it is sent on as unflagged, which only refreshes a record
 * that already exists (lib/db/log.ts recordPosts) and creates nothing. When the agent opens the
 * helper and acts (reply, note, resolve, follow-up), the record is created then
 * (recordEvent), whatever the budget.
 *
 * The counts live in the service worker's memory: a restart of the worker starts them again.
 * A flooding page keeps the worker awake, so the bound holds while the flood lasts.
 */
export const VISIT_LIMITS = { perMinute: 60, perDay: 500 } as const;

const MINUTE = 60_000;
const DAY = 86_400_000;

interface Counts {
  minute: number;
  inMinute: number;
  day: number;
  inDay: number;
}

export interface VisitBudget {
  /** Takes up to `wanted` from `site`'s budget at `now`; returns how many were granted. */
  take(site: string, wanted: number, now: number): number;
}

export function createVisitBudget(limits: { perMinute: number; perDay: number } = VISIT_LIMITS): VisitBudget {
  const bySite = new Map<string, Counts>();
  return {
    take(site, wanted, now) {
      const minute = Math.floor(now / MINUTE);
      const day = Math.floor(now / DAY);
      const c = bySite.get(site) ?? { minute, inMinute: 0, day, inDay: 0 };
      if (c.minute !== minute) Object.assign(c, { minute, inMinute: 0 });
      if (c.day !== day) Object.assign(c, { day, inDay: 0 });
      const granted = Math.max(0, Math.min(wanted, limits.perMinute - c.inMinute, limits.perDay - c.inDay));
      c.inMinute += granted;
      c.inDay += granted;
      bySite.set(site, c);
      // Forget sites from earlier days so the map does not grow with every host visited.
      if (bySite.size > 1_000) for (const [k, v] of bySite) if (v.day !== day) bySite.delete(k);
      return granted;
    },
  };
}

/** The site a post's budget is counted against: its host for many-host platforms, else its platform. */
export const budgetSiteOf = (post: PostItem['post'] & { site?: string }) => post.site ?? post.platform;

/**
 * The batch as a visit may log it: flagged posts within the budget stay flagged, the others
 * are sent on unflagged (refresh only, never create). Unflagged posts cost nothing.
 */
export function withinVisitBudget<T extends { post: PostItem['post'] & { site?: string }; verdict: PostItem['verdict'] }>(
  items: readonly T[],
  budget: VisitBudget,
  now: number,
): { items: T[]; overBudget: number } {
  let overBudget = 0;
  const out = items.map((item) => {
    if (!item.verdict.complaint) return item;
    if (budget.take(budgetSiteOf(item.post), 1, now) === 1) return item;
    overBudget += 1;
    return { ...item, verdict: { ...item.verdict, complaint: false } };
  });
  return { items: out, overBudget };
}
