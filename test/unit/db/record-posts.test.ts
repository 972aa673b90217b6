import { describe, expect, it } from 'vitest';
import { contactIdFor, normaliseHandle, recordPosts, recordEvent, MAX_TEXT } from '../../../lib/db';
import { DAY, T0, allEvents, freshDB, post, snapshot, verdict } from './helpers';
import { allInteractions, countInteractions } from '../../../lib/db/histories';

describe('recordPosts', () => {
  it('records the same post seen twice as one interaction with one flagged event', async () => {
    const db = freshDB();
    const p = post();
    await recordPosts(db, [{ post: p, verdict: verdict(2) }], T0);
    await recordPosts(db, [{ post: p, verdict: verdict(2) }], T0 + 60_000);
    await recordPosts(db, [{ post: p, verdict: verdict(2) }, { post: p, verdict: verdict(2) }], T0 + 120_000);

    expect(await countInteractions(db)).toBe(1);
    expect(await db.contacts.count()).toBe(1);
    const events = await allEvents(db);
    expect(events.map((e) => e.type)).toEqual(['flagged']);
    const contact = await db.contacts.get(contactIdFor(p));
    expect(contact?.lastSeenAt).toBe(T0 + 120_000);
    expect(contact?.firstSeenAt).toBe(T0);
  });

  it('flags a post the agent engaged with once it is seen as a complaint, and only once', async () => {
    const db = freshDB();
    const p = post({ text: 'How do I change my plan?' });
    await recordEvent(db, { post: p, verdict: verdict(0), type: 'helper-opened', at: T0 });
    await recordPosts(db, [{ post: p, verdict: verdict(0) }], T0 + 1_000);
    expect((await allEvents(db)).map((e) => e.type)).toEqual(['helper-opened']);

    await recordPosts(db, [{ post: p, verdict: verdict(2) }], T0 + DAY);
    await recordPosts(db, [{ post: p, verdict: verdict(0) }], T0 + 2 * DAY);
    expect((await allEvents(db)).map((e) => e.type)).toEqual(['helper-opened', 'flagged']);
    // The flag is activity, and a calmer re-reading later does not unflag it.
    expect(await allInteractions(db)).toMatchObject([{ lastEventAt: T0 + DAY, complaint: true, severity: 2 }]);
  });

  it('stores nothing about a calm post from someone never engaged', async () => {
    const db = freshDB();
    const [summary] = await recordPosts(db, [{ post: post(), verdict: verdict(0) }], T0);
    expect(summary?.known).toBe(false);
    expect(await snapshot(db)).toEqual({ contacts: [], interactions: [], events: [], directory: [] });
  });

  it('recognises a returning customer who comes back angrier, with the last reply they got', async () => {
    const db = freshDB();
    const first = post({ text: 'Why was I charged twice?' });
    await recordPosts(db, [{ post: first, verdict: verdict(1) }], T0);
    await recordEvent(db, {
      post: first,
      verdict: verdict(1),
      type: 'reply-inserted',
      text: 'Hi Jane, I am checking the double charge and will get back to you by Tuesday. Sam, Acme support',
      at: T0 + 3_600_000,
    });

    // Three days later, another post, different permalink, handle spelled differently.
    const second = post({ handle: 'https://x.com/janedoe/', text: 'Still charged twice. This is a scam, I want my money back' });
    const [summary] = await recordPosts(db, [{ post: second, verdict: verdict(4) }], T0 + 3 * DAY + 7_200_000);

    expect(summary).toEqual({
      postId: second.id,
      contactId: 'x:janedoe',
      known: true,
      earlierInteractions: 1,
      lastStatus: 'open',
      lastReply: 'Hi Jane, I am checking the double charge and will get back to you by Tuesday. Sam, Acme support',
      daysSince: 3,
      severityRising: true,
    });
  });

  it('does not call it rising when the customer is calmer than last time', async () => {
    const db = freshDB();
    await recordPosts(db, [{ post: post(), verdict: verdict(3) }], T0);
    const [summary] = await recordPosts(db, [{ post: post(), verdict: verdict(1) }], T0 + DAY);
    expect(summary).toMatchObject({ known: true, earlierInteractions: 1, severityRising: false });
  });

  it('truncates very long posts and records their themes', async () => {
    const db = freshDB();
    const p = post({ text: `My refund never arrived. ${'x'.repeat(10_000)}` });
    await recordPosts(db, [{ post: p, verdict: verdict(2) }], T0);
    const [stored] = await allInteractions(db);
    expect(stored?.text.length).toBe(MAX_TEXT);
    expect(stored?.themes).toContain('refunds');
  });

  it('refuses an invalid item with a clear message and writes nothing, not even the valid ones', async () => {
    const db = freshDB();
    const bad = { post: post(), verdict: { ...verdict(2), severity: 9 } };
    await expect(recordPosts(db, [{ post: post(), verdict: verdict(2) }, bad as never], T0)).rejects.toThrow(
      'recordPosts: [1].verdict.severity: expected 0..4',
    );
    expect(await countInteractions(db)).toBe(0);
  });
});

describe('normaliseHandle', () => {
  it.each([
    ['@JaneDoe', 'janedoe'],
    ['  janedoe  ', 'janedoe'],
    ['https://x.com/JaneDoe/', 'janedoe'],
    ['https://forum.example.org/u/jane.doe///', 'jane.doe'],
    ['https://mastodon.social/@jane', 'jane'],
    ['', ''],
  ])('%s → %s', (input, expected) => {
    expect(normaliseHandle(input)).toBe(expected);
  });

  it('falls back to the author name when the page shows no handle', () => {
    expect(contactIdFor({ platform: 'wordpress', handle: '', author: '  Bob  Smith ' })).toBe('wordpress:name:bob smith');
  });
});
