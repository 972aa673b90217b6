import { describe, expect, it } from 'vitest';
import { interactionIdFor, recordEvent, recordPosts } from '../../../lib/db';
import { T0, allEvents, expectDirectoryInStep, freshDB, isolatedIDB, post, verdict } from './helpers';
import { countInteractions, getInteraction } from '../../../lib/db/histories';

describe('two tabs writing at once', () => {
  it('loses nothing and duplicates nothing', async () => {
    const idb = isolatedIDB();
    const tabA = freshDB(idb, 'shared');
    const tabB = freshDB(idb, 'shared');
    const customers = Array.from({ length: 20 }, (_, n) => post({ author: `Customer ${n}`, handle: `@c${n}` }));

    // Both tabs see every post (same feed open twice) and each adds replies of its own.
    const writes = customers.flatMap((p, n) => [
      recordPosts(tabA, [{ post: p, verdict: verdict(2) }], T0 + n),
      recordPosts(tabB, [{ post: p, verdict: verdict(2) }], T0 + n),
      recordEvent(n % 2 ? tabA : tabB, { post: p, verdict: verdict(2), type: 'reply-inserted', text: `reply ${n}`, at: T0 + 1000 + n }),
    ]);
    await Promise.all(writes);

    expect(await tabA.contacts.count()).toBe(20);
    expect(await countInteractions(tabB)).toBe(20);
    const events = await allEvents(tabA);
    expect(events.filter((e) => e.type === 'flagged')).toHaveLength(20);
    expect(events.filter((e) => e.type === 'reply-inserted')).toHaveLength(20);
    for (const [n, p] of customers.entries()) {
      expect((await getInteraction(tabB, interactionIdFor(p)))?.lastReply).toBe(`reply ${n}`);
    }
    // Both tabs patched the same search directory shards: no row lost.
    await expectDirectoryInStep(tabB, expect);
    tabA.close();
    tabB.close();
  });
});
