import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock, now, setClock } from '@/lib/time/clock';
import { firstWords, teamActivity, teamPeriodRange } from '@/lib/insights';
import type { StoredEvent, StoredInteraction } from '@/lib/db';

const MIN = 60_000;
const HOUR = 60 * MIN;

// Wednesday 9 December 2026, 14:00 in the machine's zone: the week began Monday 7th at local midnight.
beforeEach(() => setClock(fixedClock(new Date(2026, 11, 9, 14, 0))));
afterEach(() => setClock(null));

let n = 0;
function interaction(customer: string, seenAt: number, events: StoredEvent[], extra: Partial<StoredInteraction> = {}): StoredInteraction {
  n++;
  const flagged: StoredEvent = { at: seenAt, type: 'flagged', severity: 3 };
  const all = [flagged, ...events];
  return {
    id: `x:p${n}`,
    contactId: `x:${customer}`,
    platform: 'x',
    postId: `p${n}`,
    permalink: null,
    text: `Post ${n} by ${customer}`,
    severity: 3,
    score: 0.9,
    complaint: true,
    signals: { brand: true, churn: false, abuse: false, question: false, urgency: false },
    cues: [],
    themes: [],
    status: 'open',
    firstSeenAt: seenAt,
    lastEventAt: Math.max(...all.map((e) => e.at)),
    events: all,
    ...extra,
  };
}
const contacts = new Map([
  ['x:jane', { name: 'Jane Doe', handle: '@jane' }],
  ['x:omar', { name: 'Omar K', handle: '@omar' }],
  ['x:lee', { name: '', handle: '@lee' }],
]);
const replyBy = (at: number, text: string, by?: string): StoredEvent => ({ at, type: 'reply-inserted', text, ...(by ? { by } : {}) });

describe('teamActivity', () => {
  it('splits replies, resolutions and first-reply waits between two agents, newest reply first', () => {
    const t = now();
    const log = [
      // Ana (this agent, no `by`) answers Jane 30 min after the post was seen, then resolves it.
      interaction('jane', t - 5 * HOUR, [replyBy(t - 5 * HOUR + 30 * MIN, 'Hi Jane, sorry about the double charge. I have asked billing to refund it.'), { at: t - 4 * HOUR, type: 'status', status: 'resolved' }]),
      // Ben answers Omar after 2 h; Ana adds a second reply later (not a first reply).
      interaction('omar', t - 3 * HOUR, [replyBy(t - HOUR, 'Hello Omar', 'ben'), { at: t - 30 * MIN, type: 'reply-confirmed', text: 'Following up' }]),
      // Ben answers Lee after 10 min.
      interaction('lee', t - 2 * HOUR, [replyBy(t - 2 * HOUR + 10 * MIN, 'Thanks Lee', 'ben')]),
    ];
    const { from, to } = teamPeriodRange('today', t);
    const a = teamActivity(log, contacts, { me: 'ana', from, to, now: t });
    expect(a.replies.map((r) => [r.agent, r.customer, r.at])).toEqual([
      ['ana', 'Omar K', t - 30 * MIN],
      ['ben', 'Omar K', t - HOUR],
      ['ben', '@lee', t - 2 * HOUR + 10 * MIN],
      ['ana', 'Jane Doe', t - 5 * HOUR + 30 * MIN],
    ]);
    expect(a.replies[3]!.firstWords).toBe('Hi Jane, sorry about the double charge. I have asked billing to …');
    expect(a.agents).toEqual([
      { agent: 'ana', replies: 2, resolved: 1, firstReplies: 1, medianFirstReplyMs: 30 * MIN },
      { agent: 'ben', replies: 2, resolved: 0, firstReplies: 2, medianFirstReplyMs: 10 * MIN },
    ]);
    // Team median over the three first replies (10 min, 30 min, 2 h): 30 min.
    expect(a.team).toEqual({ replies: 4, resolved: 1, firstReplies: 3, medianFirstReplyMs: 30 * MIN });
  });

  it('lists flagged posts nobody answered or resolved, oldest first, with their age', () => {
    const t = now();
    const log = [
      interaction('jane', t - 20 * MIN, []),
      interaction('omar', t - 26 * HOUR, []),
      interaction('lee', t - 3 * HOUR, [replyBy(t - 2 * HOUR, 'Answered', 'ben')]),
      interaction('lee', t - 4 * HOUR, [{ at: t - 3 * HOUR, type: 'status', status: 'resolved', by: 'ben' }], { status: 'resolved' }),
      interaction('lee', t - 5 * HOUR, [], { complaint: false }),
    ];
    const { from, to } = teamPeriodRange('week', t);
    const a = teamActivity(log, contacts, { me: 'ana', from, to, now: t });
    expect(a.unanswered.map((u) => [u.customer, u.ageMs])).toEqual([
      ['Omar K', 26 * HOUR],
      ['Jane Doe', 20 * MIN],
    ]);
  });

  it('periods start at local midnight: today, Monday of this week, 30 calendar days', () => {
    const t = now();
    expect(teamPeriodRange('today', t).from).toBe(new Date(2026, 11, 9).getTime());
    expect(teamPeriodRange('week', t).from).toBe(new Date(2026, 11, 7).getTime());
    expect(teamPeriodRange('days30', t).from).toBe(new Date(2026, 10, 10).getTime());
    const sundayNight = new Date(2026, 11, 6, 23, 59).getTime();
    const mondayMidnight = new Date(2026, 11, 7, 0, 0).getTime();
    const log = [
      interaction('jane', sundayNight - HOUR, [replyBy(sundayNight, 'Late Sunday', 'ben')]),
      interaction('omar', sundayNight, [replyBy(mondayMidnight, 'First thing Monday', 'ben')]),
    ];
    const week = teamActivity(log, contacts, { me: 'ana', ...teamPeriodRange('week', t), now: t });
    expect(week.replies.map((r) => r.firstWords)).toEqual(['First thing Monday']);
    // Omar's post was seen on Sunday, answered on Monday: the wait counts in the week it was answered.
    expect(week.agents).toEqual([{ agent: 'ben', replies: 1, resolved: 0, firstReplies: 1, medianFirstReplyMs: 1 * MIN }]);
    const today = teamActivity(log, contacts, { me: 'ana', ...teamPeriodRange('today', t), now: t });
    expect(today.replies).toEqual([]);
    expect(today.team).toEqual({ replies: 0, resolved: 0, firstReplies: 0, medianFirstReplyMs: null });
  });

  it('firstWords keeps short replies whole', () => {
    expect(firstWords('  Thanks   Lee ')).toBe('Thanks Lee');
    expect(firstWords(undefined)).toBe('');
  });
});
