import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { FrontlineDB, SCHEMA_V1, recentContacts } from '../../../lib/db';
import { T0, isolatedIDB } from './helpers';

describe('schema v1 → v2', () => {
  it('keeps every record written by version 1 and backfills search words and themes', async () => {
    const idb = isolatedIDB();
    const v1 = new Dexie('frontline', idb);
    v1.version(1).stores(SCHEMA_V1);
    // Exactly what version 1 stored: no searchWords, no themes.
    await v1.table('contacts').add({
      id: 'x:janedoe', platform: 'x', name: 'Jane Doe', handle: 'janedoe',
      firstSeenAt: T0, lastSeenAt: T0, lastPermalink: 'https://x.com/janedoe/status/1',
    });
    await v1.table('interactions').add({
      id: 'https://x.com/janedoe/status/1', contactId: 'x:janedoe', platform: 'x', postId: '1',
      permalink: 'https://x.com/janedoe/status/1', text: 'The app keeps crashing and I want a refund',
      severity: 3, score: 0.95, complaint: true, cues: ['crashing'],
      signals: { brand: true, churn: false, abuse: false, question: false, urgency: false },
      status: 'waiting', firstSeenAt: T0, lastEventAt: T0 + 5, firstReplyAt: T0 + 5,
    });
    await v1.table('events').bulkAdd([
      { interactionId: 'https://x.com/janedoe/status/1', contactId: 'x:janedoe', at: T0, type: 'flagged', severity: 3 },
      { interactionId: 'https://x.com/janedoe/status/1', contactId: 'x:janedoe', at: T0 + 5, type: 'reply-inserted', text: 'Sorry!' },
    ]);
    v1.close();

    const v2 = new FrontlineDB('frontline', idb);
    await v2.open();
    expect(v2.verno).toBe(2);
    const interaction = await v2.interactions.get('https://x.com/janedoe/status/1');
    expect(interaction).toMatchObject({ status: 'waiting', severity: 3, firstReplyAt: T0 + 5, themes: ['refunds', 'bugs'] });
    expect(await v2.events.count()).toBe(2);
    expect((await v2.contacts.get('x:janedoe'))?.searchWords).toEqual(['jane', 'doe', 'janedoe']);
    // The new indexes answer queries over the old data.
    expect((await recentContacts(v2, { limit: 5, query: 'doe' })).map((c) => c.id)).toEqual(['x:janedoe']);
    expect(await v2.interactions.where('themes').equals('bugs').count()).toBe(1);
    v2.close();
  });
});
