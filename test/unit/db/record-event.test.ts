import { describe, expect, it } from 'vitest';
import {
  contactHistory,
  countsFor,
  dueFollowUps,
  interactionIdFor,
  markResolved,
  recentContacts,
  recordEvent,
  recordPosts,
  snooze,
} from '../../../lib/db';
import { DAY, HOUR, T0, freshDB, post, snapshot, verdict } from './helpers';
import { allInteractionsById, getInteraction } from '../../../lib/db/histories';

async function flagged(db: ReturnType<typeof freshDB>, overrides = {}, at = T0) {
  const p = post(overrides);
  await recordPosts(db, [{ post: p, verdict: verdict(2) }], at);
  return interactionIdFor(p);
}

describe('recordEvent', () => {
  it('keeps the first reply time, the latest reply text and its template', async () => {
    const db = freshDB();
    const id = await flagged(db);
    await recordEvent(db, { interactionId: id, type: 'helper-opened', at: T0 + HOUR });
    await recordEvent(db, { interactionId: id, type: 'reply-inserted', text: 'First answer', templateId: 'billing-1', at: T0 + 2 * HOUR });
    await recordEvent(db, { interactionId: id, type: 'reply-copied', text: 'Second answer', at: T0 + 5 * HOUR });
    await recordEvent(db, { interactionId: id, type: 'reply-confirmed', text: 'Second answer', at: T0 + 6 * HOUR });

    const i = await getInteraction(db, id);
    expect(i).toMatchObject({ firstReplyAt: T0 + 2 * HOUR, lastReply: 'Second answer', lastEventAt: T0 + 6 * HOUR });
    // Stored in its interaction, in the order they happened (append-only).
    const events = i!.events;
    expect(events.map((e) => e.type)).toEqual(['flagged', 'helper-opened', 'reply-inserted', 'reply-copied', 'reply-confirmed']);
    expect(events[2]).toMatchObject({ text: 'First answer', templateId: 'billing-1' });
  });

  it('moves status open → waiting → resolved', async () => {
    const db = freshDB();
    const id = await flagged(db);
    await recordEvent(db, { interactionId: id, type: 'status', status: 'waiting', at: T0 + HOUR });
    expect((await getInteraction(db, id))?.status).toBe('waiting');
    await markResolved(db, id, T0 + 2 * HOUR);
    expect(await getInteraction(db, id)).toMatchObject({ status: 'resolved', resolvedAt: T0 + 2 * HOUR });
  });

  it('creates the interaction when the agent engages with a post that was never flagged', async () => {
    const db = freshDB();
    const p = post({ text: 'Does anyone know how to export my invoices?' });
    await recordEvent(db, { post: p, verdict: verdict(0), type: 'note', text: 'Asked about invoices', at: T0 });
    const history = await contactHistory(db, 'x:janedoe');
    expect(history?.interactions).toHaveLength(1);
    expect(history?.events.map((e) => e.type)).toEqual(['note']);
  });

  it('rejects an incomplete event and writes nothing', async () => {
    const db = freshDB();
    const id = await flagged(db);
    const before = await snapshot(db);
    await expect(recordEvent(db, { interactionId: id, type: 'status', at: T0 })).rejects.toThrow('status: a status event needs a status');
    await expect(recordEvent(db, { interactionId: 'https://nowhere', type: 'helper-opened', at: T0 })).rejects.toThrow(
      'no interaction',
    );
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('follow-ups', () => {
  it('lists due follow-ups until they are done, snoozed or resolved', async () => {
    const db = freshDB();
    const a = await flagged(db, { author: 'Ann', handle: '@ann' });
    const b = await flagged(db, { author: 'Ben', handle: '@ben' });
    const c = await flagged(db, { author: 'Cat', handle: '@cat' });
    await recordEvent(db, { interactionId: a, type: 'follow-up-set', dueAt: T0 + DAY, at: T0 });
    await recordEvent(db, { interactionId: b, type: 'follow-up-set', dueAt: T0 + 2 * HOUR, at: T0 });
    await recordEvent(db, { interactionId: c, type: 'follow-up-set', dueAt: T0 + 3 * DAY, at: T0 });

    const due = await dueFollowUps(db, T0 + DAY);
    expect(due.map((d) => d.contact?.name)).toEqual(['Ben', 'Ann']);

    await recordEvent(db, { interactionId: b, type: 'follow-up-done', at: T0 + DAY });
    await snooze(db, a, T0 + 2 * DAY, T0 + DAY);
    expect(await dueFollowUps(db, T0 + DAY + 1)).toEqual([]);
    expect((await dueFollowUps(db, T0 + 2 * DAY)).map((d) => d.contact?.name)).toEqual(['Ann']);

    await markResolved(db, a, T0 + 2 * DAY);
    expect((await dueFollowUps(db, T0 + 4 * DAY)).map((d) => d.contact?.name)).toEqual(['Cat']);
  });
});

describe('a copied reply is not a reply until confirmed', () => {
  it('leaves first reply time, last reply and the "replied" count alone until the agent confirms', async () => {
    const db = freshDB();
    const now = new Date(2026, 10, 4, 15, 0).getTime();
    const id = await flagged(db, {}, now - 2 * HOUR);
    await recordEvent(db, { interactionId: id, type: 'reply-copied', text: 'Copied, never pasted', at: now - HOUR });
    expect(await getInteraction(db, id)).not.toHaveProperty('firstReplyAt');
    expect((await getInteraction(db, id))!.lastReply).toBeUndefined();
    expect((await countsFor(db, now)).today.replied).toBe(0);

    await recordEvent(db, { interactionId: id, type: 'reply-confirmed', text: 'Copied, then posted', at: now - 30 * 60_000 });
    expect(await getInteraction(db, id)).toMatchObject({ firstReplyAt: now - 30 * 60_000, lastReply: 'Copied, then posted' });
    expect((await countsFor(db, now)).today.replied).toBe(1);
  });
});

describe('countsFor', () => {
  it('counts today and this week, each interaction once', async () => {
    const db = freshDB();
    const now = new Date(2026, 10, 4, 15, 0).getTime(); // a Wednesday afternoon, local time
    const monday = new Date(2026, 10, 2, 10, 0).getTime();
    const lastWeek = new Date(2026, 10, 1, 10, 0).getTime(); // Sunday before
    const old = await flagged(db, {}, lastWeek);
    const mon = await flagged(db, {}, monday);
    const today = await flagged(db, {}, now - HOUR);
    await recordEvent(db, { interactionId: mon, type: 'reply-inserted', text: 'a', at: monday + HOUR });
    await recordEvent(db, { interactionId: today, type: 'reply-inserted', text: 'b', at: now - 30 * 60_000 });
    await recordEvent(db, { interactionId: today, type: 'reply-copied', text: 'c', at: now - 20 * 60_000 });
    await markResolved(db, old, now - 10 * 60_000);

    expect(await countsFor(db, now)).toEqual({
      today: { flagged: 1, replied: 1, resolved: 1, abusiveHandled: 0 },
      week: { flagged: 2, replied: 2, resolved: 1, abusiveHandled: 0 },
    });
  });
});

describe('countsFor: abusive posts handled', () => {
  it('counts an abusive post once it is answered or resolved, each post once, and never on a copy alone', async () => {
    const db = freshDB();
    const now = new Date(2026, 10, 4, 15, 0).getTime();
    const abusive = async (author: string) => {
      const p = post({ author, handle: `@${author}` });
      await recordPosts(db, [{ post: p, verdict: { ...verdict(3), signals: { ...verdict(3).signals, abuse: true } } }], now - 2 * HOUR);
      return interactionIdFor(p);
    };
    const answered = await abusive('first');
    const resolvedToo = await abusive('second');
    const onlyCopied = await abusive('third');
    await abusive('unanswered');
    const polite = await flagged(db, { author: 'polite', handle: '@polite' }, now - 2 * HOUR);
    await recordEvent(db, { interactionId: answered, type: 'reply-inserted', text: 'a', at: now - HOUR });
    await recordEvent(db, { interactionId: resolvedToo, type: 'reply-inserted', text: 'b', at: now - HOUR });
    await markResolved(db, resolvedToo, now - 30 * 60_000);
    await recordEvent(db, { interactionId: onlyCopied, type: 'reply-copied', text: 'c', at: now - HOUR });
    await recordEvent(db, { interactionId: polite, type: 'reply-inserted', text: 'd', at: now - HOUR });

    const counts = await countsFor(db, now);
    expect(counts.today).toEqual({ flagged: 5, replied: 3, resolved: 1, abusiveHandled: 2 });
    await recordEvent(db, { interactionId: onlyCopied, type: 'reply-confirmed', text: 'c', at: now - 10 * 60_000 });
    expect((await countsFor(db, now)).today.abusiveHandled).toBe(3);
  });
});

describe('countsFor on a busy week', () => {
  it('counts exactly while reading the week a page at a time, never all of it in one request', async () => {
    const db = freshDB();
    // Every read request on interactions, with its limit (Infinity: no limit).
    const limits: number[] = [];
    db.use({
      stack: 'dbcore',
      name: 'WatchReads',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          if (name !== 'histories') return table;
          return { ...table, query: (req) => (limits.push(req.limit ?? Infinity), table.query(req)) };
        },
      }),
    });
    const now = new Date(2026, 10, 4, 15, 0).getTime(); // a Wednesday afternoon, local time
    const lastWeek = new Date(2026, 10, 1, 10, 0).getTime();
    // 720 posts flagged this week in batches of 60 that share a time (pages end inside them), 40 last week.
    const batch = (n: number, tag: string) =>
      Array.from({ length: n }, (_, k) => ({ post: post({ author: `Ana ${tag}${k}`, handle: `@ana${tag}${k}`, permalink: `https://x.com/ana${tag}${k}/status/${k}` }), verdict: verdict(2) }));
    await recordPosts(db, batch(40, 'old'), lastWeek);
    for (let b = 0; b < 12; b++) await recordPosts(db, batch(60, `b${b}-`), now - HOUR + b);
    const ids = (await allInteractionsById(db)).filter((i) => i.firstSeenAt >= now - HOUR).map((i) => i.id);
    expect(ids).toHaveLength(720);
    for (const id of ids.slice(0, 30)) await recordEvent(db, { interactionId: id, type: 'reply-inserted', text: 'a', at: now - 30 * 60_000 });
    const old = (await allInteractionsById(db)).filter((i) => i.firstSeenAt === lastWeek).map((i) => i.id);
    for (const id of old.slice(0, 5)) await markResolved(db, id, now - 10 * 60_000);

    limits.length = 0;
    expect(await countsFor(db, now)).toEqual({
      today: { flagged: 720, replied: 30, resolved: 5, abusiveHandled: 0 },
      week: { flagged: 720, replied: 30, resolved: 5, abusiveHandled: 0 },
    });
    expect(limits.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...limits)).toBeLessThanOrEqual(250 + 60);
  });
});

describe('contactHistory and recentContacts', () => {
  it('returns a contact with interactions and events newest first', async () => {
    const db = freshDB();
    const first = await flagged(db, {}, T0);
    const second = await flagged(db, {}, T0 + DAY);
    await recordEvent(db, { interactionId: first, type: 'note', text: 'old note', at: T0 + HOUR });
    const h = await contactHistory(db, 'x:janedoe');
    expect(h?.contact.name).toBe('Jane Doe');
    expect(h?.interactions.map((i) => i.id)).toEqual([second, first]);
    expect(h?.events.map((e) => e.at)).toEqual([T0 + DAY, T0 + HOUR, T0]);
    expect(await contactHistory(db, 'x:nobody')).toBeUndefined();
  });

  it('finds people by name or handle prefix, most recent first, filtered by platform and status', async () => {
    const db = freshDB();
    await flagged(db, { author: 'Jane Doe', handle: '@janedoe' }, T0);
    await flagged(db, { author: 'Janet Smith', handle: '@jsmith', platform: 'reddit' }, T0 + HOUR);
    const bob = await flagged(db, { author: 'Bob Jansen', handle: '@bobby' }, T0 + 2 * HOUR);
    await markResolved(db, bob, T0 + 3 * HOUR);

    const names = async (o: Parameters<typeof recentContacts>[1]) => (await recentContacts(db, o)).map((c) => c.name);
    expect(await names({ limit: 10 })).toEqual(['Bob Jansen', 'Janet Smith', 'Jane Doe']);
    expect(await names({ limit: 10, query: 'jan' })).toEqual(['Bob Jansen', 'Janet Smith', 'Jane Doe']);
    expect(await names({ limit: 10, query: 'Jane d' })).toEqual(['Jane Doe']);
    expect(await names({ limit: 10, query: '@jsmi' })).toEqual(['Janet Smith']);
    expect(await names({ limit: 10, platform: 'reddit' })).toEqual(['Janet Smith']);
    expect(await names({ limit: 10, status: 'resolved' })).toEqual(['Bob Jansen']);
    expect(await names({ limit: 1 })).toEqual(['Bob Jansen']);
    const [bobItem] = await recentContacts(db, { limit: 1 });
    expect(bobItem).toMatchObject({ interactionCount: 1, lastStatus: 'resolved', maxSeverity: 2 });
  });
});
