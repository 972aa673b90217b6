import { describe, expect, it } from 'vitest';
import { contactIdFor, expireUnactedVisits, recordEvent, recordPosts, SEEN_TTL_DAYS } from '../../../lib/db';
import { DAY, T0, freshDB, post, verdict } from './helpers';
import { countInteractions } from '../../../lib/db/histories';

describe('what a mere visit recorded expires unless the agent acts', () => {
  it('forgets a visit’s flag after the TTL, and the person with it, but keeps what the agent touched', async () => {
    const db = freshDB();
    const seenOnly = post({ id: 'x:1', handle: '@seen', author: 'Seen Only', permalink: 'https://x.com/seen/status/1' });
    const opened = post({ id: 'x:2', handle: '@opened', author: 'Opened', permalink: 'https://x.com/opened/status/2' });
    const replied = post({ id: 'x:3', handle: '@replied', author: 'Replied', permalink: 'https://x.com/replied/status/3' });
    await recordPosts(db, [seenOnly, opened, replied].map((p) => ({ post: p, verdict: verdict(2) })), T0);
    await recordEvent(db, { post: opened, verdict: verdict(2), type: 'helper-opened', at: T0 + 1_000 });
    await recordEvent(db, { post: replied, verdict: verdict(2), type: 'reply-copied', text: 'Hi', at: T0 + 2_000 });

    // Not yet: within the TTL nothing goes.
    expect(await expireUnactedVisits(db, T0 + (SEEN_TTL_DAYS - 1) * DAY)).toEqual({ interactions: 0, contacts: 0 });
    expect(await expireUnactedVisits(db, T0 + (SEEN_TTL_DAYS + 1) * DAY)).toEqual({ interactions: 1, contacts: 1 });
    expect(await db.contacts.get(contactIdFor(seenOnly))).toBeUndefined();
    expect((await db.contacts.toArray()).map((c) => c.name).sort()).toEqual(['Opened', 'Replied']);
    expect(await countInteractions(db)).toBe(2);
  });

  it('a visit seen again keeps its record alive (the flag moved its activity), and a returning person keeps the rest', async () => {
    const db = freshDB();
    const first = post({ id: 'x:1', handle: '@sam', author: 'Sam', permalink: 'https://x.com/sam/status/1' });
    const later = post({ id: 'x:9', handle: '@sam', author: 'Sam', permalink: 'https://x.com/sam/status/9' });
    await recordPosts(db, [{ post: first, verdict: verdict(2) }], T0);
    await recordEvent(db, { post: first, verdict: verdict(2), type: 'note', text: 'called back', at: T0 });
    await recordPosts(db, [{ post: later, verdict: verdict(3) }], T0 + 10 * DAY);
    expect(await expireUnactedVisits(db, T0 + (SEEN_TTL_DAYS + 2) * DAY)).toEqual({ interactions: 0, contacts: 0 });
    // Later, the unacted second post goes; Sam stays with the interaction the agent noted.
    expect(await expireUnactedVisits(db, T0 + (SEEN_TTL_DAYS + 11) * DAY)).toEqual({ interactions: 1, contacts: 0 });
    expect(await db.contacts.count()).toBe(1);
    expect(await countInteractions(db)).toBe(1);
  });
});
