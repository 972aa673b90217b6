import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createVisitBudget, VISIT_LIMITS, withinVisitBudget } from '../../../lib/actions/visit-budget';
import { FrontlineDB, recordEvent, recordPosts } from '../../../lib/db';
import type { Post, Verdict } from '../../../lib/types';
import { countInteractions } from '../../../lib/db/histories';

/** What a mere visit may write: a flood page fills a budget, not the log (issue 16, slice 5). */

const verdict: Verdict = {
  complaint: true,
  score: 0.9,
  severity: 3,
  cues: ['never came'],
  signals: { brand: true, churn: false, abuse: false, question: false, urgency: true },
};
const T0 = Date.UTC(2026, 0, 5, 10, 0, 0);
const MINUTE = 60_000;
const post = (n: number, site = 'flood.example'): Post & { site: string } => ({
  id: `wp:${n}`,
  platform: 'wordpress',
  site,
  author: `Fake ${n}`,
  handle: '',
  text: 'My refund never came, third time asking',
  permalink: null,
  time: null,
});
const batch = (from: number, count: number, site?: string) =>
  Array.from({ length: count }, (_, i) => ({ post: post(from + i, site), verdict }));

/** A visit as the background logs it: batches of at most 200 posts (the message's limit). */
async function visit(db: FrontlineDB, budget: ReturnType<typeof createVisitBudget>, items: ReturnType<typeof batch>, now: number) {
  const summaries = [];
  for (let i = 0; i < items.length; i += 200) {
    summaries.push(...(await recordPosts(db, withinVisitBudget(items.slice(i, i + 200), budget, now).items, now)));
  }
  return summaries;
}

describe('bounded automatic logging', () => {
  it('logs a flood page only up to the per-minute budget, and more in the next minute', async () => {
    const db = new FrontlineDB(`budget-${Math.random()}`);
    const budget = createVisitBudget();
    const summaries = await visit(db, budget, batch(0, 1_000), T0);
    expect(summaries).toHaveLength(1_000);
    expect(await db.contacts.count()).toBe(VISIT_LIMITS.perMinute);
    await visit(db, budget, batch(1_000, 1_000), T0 + 30_000);
    expect(await db.contacts.count()).toBe(VISIT_LIMITS.perMinute);
    await visit(db, budget, batch(2_000, 1_000), T0 + MINUTE);
    expect(await countInteractions(db)).toBe(2 * VISIT_LIMITS.perMinute);
  });

  it('stops at the daily cap per site, while another site keeps its own budget', () => {
    const budget = createVisitBudget({ perMinute: 10, perDay: 25 });
    const granted = [0, 1, 2, 3].map((m) => withinVisitBudget(batch(m * 100, 10), budget, T0 + m * MINUTE).overBudget);
    expect(granted).toEqual([0, 0, 5, 10]);
    expect(withinVisitBudget(batch(0, 10, 'other.example'), budget, T0 + 3 * MINUTE).overBudget).toBe(0);
    expect(withinVisitBudget(batch(900, 10), budget, T0 + 24 * 60 * MINUTE).overBudget).toBe(0);
  });

  it('costs nothing for posts that are no complaint', () => {
    const budget = createVisitBudget({ perMinute: 1, perDay: 1 });
    const calm = batch(0, 5).map((i) => ({ ...i, verdict: { ...verdict, complaint: false, severity: 0 as const } }));
    expect(withinVisitBudget(calm, budget, T0).overBudget).toBe(0);
    expect(withinVisitBudget(batch(10, 1), budget, T0).overBudget).toBe(0);
  });

  it('over budget, a known customer still gets their summary, and the agent acting creates the record', async () => {
    const db = new FrontlineDB(`budget-${Math.random()}`);
    const budget = createVisitBudget({ perMinute: 1, perDay: 10 });
    await visit(db, budget, batch(0, 1), T0);
    const again = { post: { ...post(5), author: 'Fake 0', id: 'wp:5' }, verdict };
    const [summary] = await visit(db, budget, [again], T0 + 1_000);
    expect(summary).toMatchObject({ known: true, earlierInteractions: 1 });
    expect(await countInteractions(db)).toBe(1);
    const stranger = post(7);
    await visit(db, budget, [{ post: stranger, verdict }], T0 + 2_000);
    expect(await countInteractions(db)).toBe(1);
    await recordEvent(db, { post: stranger, verdict, type: 'reply-inserted', at: T0 + 3_000, text: 'Sorry, sending it now' });
    expect(await countInteractions(db)).toBe(2);
    expect(await db.contacts.count()).toBe(2);
  });
});
