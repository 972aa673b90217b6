import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { FrontlineDB, interactionIdFor, recordEvent, recordPosts, withOwner } from '@/lib/db';
import type { Post, Severity, Verdict } from '@/lib/types';
import { allInteractionsById } from '../../../lib/db/histories';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

let dbCount = 0;
/** A private IndexedDB per test, so nothing leaks between tests. */
export function freshDB(): FrontlineDB {
  return new FrontlineDB(`pages-test-${++dbCount}`, { indexedDB: new IDBFactory(), IDBKeyRange });
}

let postCount = 0;
export function post(overrides: Partial<Post> = {}): Post {
  postCount++;
  return {
    id: `p${postCount}`,
    platform: 'x',
    author: 'Jane Doe',
    handle: '@janedoe',
    text: 'I was charged twice and nobody answers my emails',
    permalink: `https://x.com/someone/status/${1000 + postCount}`,
    time: null,
    ...overrides,
  };
}

export function verdict(severity: Severity): Verdict {
  return {
    complaint: severity > 0,
    score: severity > 0 ? 0.9 : 0.1,
    severity,
    cues: [],
    signals: { brand: true, churn: false, abuse: false, question: false, urgency: false },
  };
}

/** Flags a post through the real write path and returns its interaction id. */
export async function flag(db: FrontlineDB, p: Post, severity: Severity, at: number): Promise<string> {
  await recordPosts(db, [{ post: p, verdict: verdict(severity) }], at);
  return interactionIdFor(p);
}

export async function reply(db: FrontlineDB, interactionId: string, text: string, at: number): Promise<void> {
  await recordEvent(db, { interactionId, type: 'reply-inserted', text, at });
}

export async function promiseFollowUp(db: FrontlineDB, interactionId: string, dueAt: number, at: number): Promise<void> {
  await recordEvent(db, { interactionId, type: 'follow-up-set', dueAt, at });
}

export async function snapshot(db: FrontlineDB) {
  return {
    contacts: await db.contacts.orderBy('id').toArray(),
    interactions: await allInteractionsById(db),
    events: (await allInteractionsById(db)).flatMap((i) => i.events.map((e) => withOwner(i, e))),
  };
}
