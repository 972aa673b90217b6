import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { FrontlineDB, SCHEMA_V1, SCHEMA_V2, contactHistory, contactSummary, dueFollowUps, recentContacts } from '../../../lib/db';
import { T0, isolatedIDB } from './helpers';

describe('schema v1 → current', () => {
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
    expect(v2.verno).toBe(3);
    const interaction = await v2.interactions.get('https://x.com/janedoe/status/1');
    expect(interaction).toMatchObject({ status: 'waiting', severity: 3, firstReplyAt: T0 + 5, themes: ['refunds', 'bugs'] });
    expect(await v2.events.count()).toBe(2);
    expect((await v2.contacts.get('x:janedoe'))?.searchWords).toEqual(['jane', 'doe', 'janedoe']);
    // The new indexes answer queries over the old data.
    expect((await recentContacts(v2, { limit: 5, query: 'doe' })).map((c) => c.id)).toEqual(['x:janedoe']);
    expect(await contactSummary(v2, 'x:janedoe')).toEqual({ interactionCount: 1, lastStatus: 'waiting', maxSeverity: 3 });
    v2.close();
  });
});

describe('schema v2 → v3', () => {
  it('keeps every record, drops the unused indexes, and the queries answer from the ones kept', async () => {
    const idb = isolatedIDB();
    const v2 = new Dexie('frontline', idb);
    v2.version(2).stores(SCHEMA_V2);
    const contact = {
      id: 'x:janedoe', platform: 'x', name: 'Jane Doe', handle: 'janedoe',
      firstSeenAt: T0, lastSeenAt: T0 + 20, lastPermalink: 'https://x.com/janedoe/status/2', searchWords: ['jane', 'doe', 'janedoe'],
    };
    const base = {
      contactId: 'x:janedoe', platform: 'x', cues: [], themes: ['refunds'], score: 0.9, complaint: true,
      signals: { brand: true, churn: false, abuse: false, question: false, urgency: false },
    };
    const interactions = [
      { ...base, id: 'https://x.com/janedoe/status/1', postId: '1', permalink: 'https://x.com/janedoe/status/1', text: 'refund please',
        severity: 4, status: 'resolved', firstSeenAt: T0, lastEventAt: T0 + 10, resolvedAt: T0 + 10 },
      { ...base, id: 'https://x.com/janedoe/status/2', postId: '2', permalink: 'https://x.com/janedoe/status/2', text: 'still no refund',
        severity: 2, status: 'waiting', firstSeenAt: T0 + 20, lastEventAt: T0 + 30, followUpAt: T0 + 40, followUpDone: false },
    ];
    const events = [
      { interactionId: interactions[0]!.id, contactId: 'x:janedoe', at: T0, type: 'flagged', severity: 4 },
      { interactionId: interactions[0]!.id, contactId: 'x:janedoe', at: T0 + 10, type: 'status', status: 'resolved' },
      { interactionId: interactions[1]!.id, contactId: 'x:janedoe', at: T0 + 20, type: 'flagged', severity: 2 },
      { interactionId: interactions[1]!.id, contactId: 'x:janedoe', at: T0 + 30, type: 'follow-up-set', dueAt: T0 + 40 },
    ];
    await v2.table('contacts').add(contact);
    await v2.table('interactions').bulkAdd(interactions);
    await v2.table('events').bulkAdd(events);
    v2.close();

    const v3 = new FrontlineDB('frontline', idb);
    await v3.open();
    expect(v3.verno).toBe(3);
    expect(await v3.contacts.toArray()).toEqual([contact]);
    expect(await v3.interactions.toArray()).toEqual(interactions);
    expect((await v3.events.toArray()).map(({ seq: _seq, ...e }) => e)).toEqual(events);
    const indexes = (table: string) => v3.table(table).schema.indexes.map((i) => i.name).sort();
    expect(indexes('contacts')).toEqual(['lastSeenAt', 'searchWords']);
    expect(indexes('interactions')).toEqual(['[contactId+firstSeenAt]', 'firstSeenAt', 'followUpAt'].sort());
    // The queries over the migrated data.
    expect(await contactSummary(v3, 'x:janedoe')).toEqual({ interactionCount: 2, lastStatus: 'waiting', maxSeverity: 4 });
    expect(await recentContacts(v3, { limit: 5, query: 'jan' })).toMatchObject([{ id: 'x:janedoe', interactionCount: 2, maxSeverity: 4 }]);
    const history = await contactHistory(v3, 'x:janedoe', { limit: 1 });
    expect(history?.total).toBe(2);
    expect(history?.interactions.map((i) => i.postId)).toEqual(['2']);
    expect(history?.events.map((e) => e.type)).toEqual(['follow-up-set', 'flagged']);
    expect((await dueFollowUps(v3, T0 + 50)).map((d) => d.interaction.postId)).toEqual(['2']);
    v3.close();
  });
});
