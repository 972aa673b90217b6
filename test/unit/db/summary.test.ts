import { describe, expect, it } from 'vitest';
import {
  applyRetention,
  contactHistory,
  deleteAllData,
  exportJSON,
  importJSON,
  recordEvent,
  recordPosts,
  type FrontlineDB,
} from '../../../lib/db';
import { followUpDueOf, summaryOf } from '../../../lib/db/summary';
import { DAY, T0, expectDirectoryInStep, expectHistoriesInStep, freshDB, post, verdict } from './helpers';
import { allInteractions, getInteraction } from '../../../lib/db/histories';

/** Every stored summary and followUpDue equals what the records themselves say. */
async function expectNoDrift(db: FrontlineDB) {
  for (const c of await db.contacts.toArray()) {
    const history = await contactHistory(db, c.id);
    const want = summaryOf([...history!.interactions].reverse());
    const stored = { id: c.id, interactionCount: c.interactionCount, lastStatus: c.lastStatus, maxSeverity: c.maxSeverity, followUpDue: c.followUpDue };
    expect(stored).toEqual({ id: c.id, lastStatus: undefined, followUpDue: undefined, ...want });
  }
  for (const i of await allInteractions(db)) expect(i.followUpDue).toBe(followUpDueOf(i));
  // The search directory (schema v6) follows the same writes.
  await expectDirectoryInStep(db, expect);
  await expectHistoriesInStep(db, expect);
}

describe('stored summaries, pending follow-ups (schema v4) and the search directory (v6)', () => {
  it('follow every write: posts, events, status changes, retention, import, delete-all', async () => {
    const db = freshDB();
    const jane = (n: number, severity: 0 | 1 | 2 | 3 | 4) => ({ post: post({ id: `j${n}`, permalink: `https://x.com/janedoe/status/${n}` }), verdict: verdict(severity) });
    const bob = (n: number) => ({ post: post({ id: `b${n}`, author: 'Bob', handle: '@bob', permalink: `https://x.com/bob/status/${n}` }), verdict: verdict(2) });
    await recordPosts(db, [jane(1, 4), jane(2, 1), bob(1)], T0);
    await expectNoDrift(db);
    expect((await db.contacts.get('x:janedoe'))).toMatchObject({ interactionCount: 2, lastStatus: 'open', maxSeverity: 4 });

    // An unflagged post by someone we know only refreshes; a later flag adds to the count.
    await recordPosts(db, [{ post: jane(3, 0).post, verdict: verdict(0) }], T0 + 1);
    await recordPosts(db, [jane(4, 3)], T0 + 2);
    await expectNoDrift(db);

    const latest = 'https://x.com/janedoe/status/4';
    await recordEvent(db, { interactionId: latest, type: 'status', status: 'waiting', at: T0 + 3 });
    expect((await db.contacts.get('x:janedoe'))?.lastStatus).toBe('waiting');
    await recordEvent(db, { interactionId: latest, type: 'follow-up-set', dueAt: T0 + DAY, at: T0 + 4 });
    expect((await getInteraction(db, latest))?.followUpDue).toBe(T0 + DAY);
    expect((await db.contacts.get('x:janedoe'))?.followUpDue).toBe(T0 + DAY);
    await recordEvent(db, { interactionId: latest, type: 'follow-up-done', at: T0 + 5 });
    expect((await getInteraction(db, latest))?.followUpDue).toBeUndefined();
    expect((await db.contacts.get('x:janedoe'))?.followUpDue).toBeUndefined();
    await recordEvent(db, { interactionId: latest, type: 'follow-up-set', dueAt: T0 + 2 * DAY, at: T0 + 6 });
    await recordEvent(db, { interactionId: latest, type: 'status', status: 'resolved', at: T0 + 7 });
    expect((await getInteraction(db, latest))?.followUpDue).toBeUndefined();
    expect((await db.contacts.get('x:janedoe'))?.lastStatus).toBe('resolved');
    // An event on a never-flagged post creates it, and the count moves with it.
    await recordEvent(db, { post: post({ id: 'b2', author: 'Bob', handle: '@bob', permalink: 'https://x.com/bob/status/2' }), verdict: verdict(0), type: 'note', text: 'call back', at: T0 + 8 });
    expect((await db.contacts.get('x:bob'))?.interactionCount).toBe(2);
    await expectNoDrift(db);

    // Export, then import into a fresh profile (restore) and into a changed one (merge).
    const file = await exportJSON(db);
    const restored = freshDB();
    expect((await importJSON(restored, JSON.stringify(file))).ok).toBe(true);
    await expectNoDrift(restored);
    expect(await restored.contacts.toArray()).toEqual(await db.contacts.toArray());

    // A file whose summaries lie (hand-edited or from elsewhere) does not reach the store.
    const lying = structuredClone(file);
    for (const c of lying.contacts) Object.assign(c, { interactionCount: 99, maxSeverity: 0, lastStatus: 'open', lastSeenAt: c.lastSeenAt + 1 });
    for (const i of lying.interactions) delete i.followUpDue;
    lying.interactions.push({ ...lying.interactions[0]!, contactId: 'x:janedoe', id: 'https://x.com/janedoe/status/77', postId: 'j77', firstSeenAt: T0 + 9, lastEventAt: T0 + 9, severity: 1, status: 'open', followUpAt: T0, followUpDone: false });
    expect((await importJSON(db, JSON.stringify(lying))).ok).toBe(true);
    await expectNoDrift(db);
    expect((await db.contacts.get('x:janedoe'))?.interactionCount).toBe(4);
    const lyingFresh = freshDB();
    expect((await importJSON(lyingFresh, JSON.stringify(lying))).ok).toBe(true);
    await expectNoDrift(lyingFresh);
    // A file listing an interaction twice: the copy kept is the later by lastEventAt once the
    // events are attached (here a tie: the first), not the later as the file says; the summary
    // must be of the copy kept (the restore then summarises after attaching the events).
    const twice = structuredClone(file);
    const first = twice.interactions.find((i) => i.contactId === 'x:janedoe' && i.status !== 'resolved')!;
    const other = first.status === 'waiting' ? 'resolved' : 'waiting';
    twice.interactions.push({ ...first, status: other, severity: 4, lastEventAt: first.lastEventAt + 1 });
    twice.events.push({ interactionId: first.id, contactId: first.contactId, type: 'note', text: 'later', at: T0 + 50 * DAY });
    const twiceFresh = freshDB();
    expect((await importJSON(twiceFresh, JSON.stringify(twice))).ok).toBe(true);
    await expectNoDrift(twiceFresh);
    expect((await getInteraction(twiceFresh, first.id))?.status).toBe(first.status);

    // Retention forgets the old interactions: the people left keep a true summary.
    await recordPosts(db, [jane(5, 1)], T0 + 40 * DAY);
    await applyRetention(db, 30, T0 + 40 * DAY);
    await expectNoDrift(db);
    expect((await db.contacts.get('x:janedoe'))).toMatchObject({ interactionCount: 1, maxSeverity: 1, lastStatus: 'open' });

    await deleteAllData(db);
    expect(await db.contacts.count()).toBe(0);
    expect(await db.directory.toArray()).toEqual([]);
    // And a database emptied by delete-all fills its directory again.
    await recordPosts(db, [bob(3)], T0 + 41 * DAY);
    await expectNoDrift(db);
  });
});
