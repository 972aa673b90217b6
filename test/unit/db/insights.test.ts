import { describe, expect, it } from 'vitest';
import { countsFor, interactionIdFor, recordEvent, recordPosts } from '../../../lib/db';
import {
  complaintsOverTime,
  feedbackReport,
  feedbackReportCSV,
  feedbackReportMarkdown,
  returningCustomers,
  timeToFirstReply,
} from '../../../lib/insights';
import type { Severity } from '../../../lib/types';
import { HOUR, freshDB, post, verdict } from './helpers';

const day = (d: number, h = 10) => new Date(2026, 10, d, h).getTime(); // local times, November 2026

async function log(db: ReturnType<typeof freshDB>, entries: Array<[number, Severity, string, string?]>) {
  for (const [at, severity, text, who = 'Jane'] of entries) {
    await recordPosts(db, [{ post: post({ author: who, handle: `@${who}`, text }), verdict: verdict(severity) }], at);
  }
}

describe('complaintsOverTime', () => {
  it('counts per day by severity and theme, with quiet days as zero', async () => {
    const db = freshDB();
    await log(db, [
      [day(2), 2, 'charged twice'],
      [day(2, 18), 4, 'refund now or I cancel'],
      [day(4), 1, 'app crashes'],
      [day(9), 3, 'charged again'], // outside the range
    ]);
    await recordPosts(db, [{ post: post({ text: 'love it' }), verdict: verdict(0) }], day(3)); // not a complaint: not stored
    const buckets = await complaintsOverTime(db, { bucket: 'day', from: day(2, 0), to: day(5, 0) });
    expect(buckets.map((b) => b.total)).toEqual([2, 0, 1]);
    expect(buckets[0]).toMatchObject({ bySeverity: [0, 0, 1, 0, 1], byTheme: { billing: 1, refunds: 1, cancellation: 1 } });
    expect(buckets[2]?.byTheme).toEqual({ bugs: 1 });

    const weeks = await complaintsOverTime(db, { bucket: 'week', from: day(2, 0), to: day(16, 0) });
    expect(weeks.map((w) => [new Date(w.start).getDate(), w.total])).toEqual([[2, 3], [9, 1]]);
  });
});

describe('periods and activity (schema v5 reads "first seen in a period" through lastEventAt)', () => {
  it('an old complaint answered today counts as a reply today but stays in the week it was first seen', async () => {
    const db = freshDB();
    const old = post({ handle: '@old', text: 'charged twice' });
    await recordPosts(db, [{ post: old, verdict: verdict(2) }], day(2));
    await log(db, [[day(16), 3, 'refund now']]);
    // Two weeks later the agent answers the old one.
    await recordEvent(db, { interactionId: interactionIdFor(old), type: 'reply-inserted', text: 'sorry', at: day(16, 12) });
    const weeks = await complaintsOverTime(db, { bucket: 'week', from: day(2, 0), to: day(23, 0) });
    expect(weeks.map((w) => [new Date(w.start).getDate(), w.total])).toEqual([[2, 1], [9, 0], [16, 1]]);
    // Only the new one was first seen in the week of the 16th, though both were active in it.
    const report = await feedbackReport(db, { from: day(16, 0), to: day(23, 0) });
    expect(report.complaints).toBe(1);
    expect(await countsFor(db, day(16, 18))).toMatchObject({ today: { flagged: 1, replied: 1, resolved: 0 } });
  });
});

describe('timeToFirstReply', () => {
  it('gives median and p90 over the interactions that got a reply', async () => {
    const db = freshDB();
    const waits = [1, 2, 3, 4, 5, 6, 7, 8, 9, 20]; // hours
    for (const [n, h] of waits.entries()) {
      const p = post({ handle: `@c${n}` });
      await recordPosts(db, [{ post: p, verdict: verdict(2) }], day(2));
      await recordEvent(db, { interactionId: interactionIdFor(p), type: 'reply-inserted', text: 'hi', at: day(2) + h * HOUR });
    }
    await recordPosts(db, [{ post: post({ handle: '@unanswered' }), verdict: verdict(2) }], day(2));
    expect(await timeToFirstReply(db)).toEqual({ count: 10, medianMs: 5 * HOUR, p90Ms: 9 * HOUR });
    expect(await timeToFirstReply(freshDB())).toEqual({ count: 0, medianMs: null, p90Ms: null });
  });
});

describe('returningCustomers', () => {
  it('lists people seen more than once, the ones coming back angrier first', async () => {
    const db = freshDB();
    await log(db, [
      [day(2), 3, 'a', 'Calmer'], [day(3), 1, 'b', 'Calmer'], [day(4), 1, 'c', 'Calmer'],
      [day(2), 1, 'd', 'Angrier'], [day(5), 4, 'e', 'Angrier'],
      [day(2), 2, 'f', 'Once'],
    ]);
    const r = await returningCustomers(db);
    expect(r.contacts).toBe(3);
    expect(r.returning).toBe(2);
    expect(r.customers.map((c) => [c.contact.name, c.interactions, c.severityRising, c.maxSeverity])).toEqual([
      ['Angrier', 2, true, 4],
      ['Calmer', 3, false, 3],
    ]);
  });
});

describe('feedbackReport', () => {
  async function twoWeeks() {
    const db = freshDB();
    // Previous week: one billing complaint. This week: four billing, one delivery, one unthemed.
    await log(db, [
      [day(3), 2, 'I was charged twice'],
      [day(10), 1, 'Why was I charged for a plan I cancelled?', 'A'],
      [day(11), 4, 'Charged AGAIN. Unbelievable. *Fraud* <script>', 'B'],
      [day(11, 12), 2, 'billing page shows the wrong invoice', 'C'],
      [day(12), 3, 'I was charged twice', 'D'],
      [day(12, 14), 2, 'Where is my package?', 'E'],
      [day(13), 1, 'meh', 'F'],
    ]);
    return db;
  }

  it('counts recurring themes with trend and the most severe quotes', async () => {
    const db = await twoWeeks();
    const r = await feedbackReport(db, { from: day(9, 0), to: day(16, 0) });
    expect(r).toMatchObject({ complaints: 6, previousComplaints: 1, uncategorised: 1 });
    const billing = r.themes[0]!;
    expect(billing).toMatchObject({ theme: 'billing', count: 4, previous: 1, trend: 'rising' });
    expect(billing.examples.map((e) => e.severity)).toEqual([4, 3, 2]);
    expect(r.themes.find((t) => t.theme === 'delivery')).toMatchObject({ count: 1, previous: 0, trend: 'new' });
  });

  it('renders Markdown with customer text escaped, and CSV with a row per theme', async () => {
    const db = await twoWeeks();
    const r = await feedbackReport(db, { from: day(9, 0), to: day(16, 0) });
    const md = feedbackReportMarkdown(r);
    expect(md).toContain('| Billing and charges | 4 | 1 | rising |');
    expect(md).toContain('> Charged AGAIN. Unbelievable. \\*Fraud\\* \\<script\\> (x, severity 4)');
    expect(md).not.toContain('<script>');
    const csv = feedbackReportCSV(r).split('\r\n');
    expect(csv[0]).toBe('theme,label,complaints,previous,trend,example1,example2,example3');
    expect(csv[1]).toMatch(/^billing,Billing and charges,4,1,rising,/);
  });

  it('says so when there is nothing to report', async () => {
    const md = feedbackReportMarkdown(await feedbackReport(freshDB(), { from: day(9, 0), to: day(16, 0) }));
    expect(md).toContain('0 complaints');
    expect(md).toContain('No recurring themes in this period.');
  });
});
