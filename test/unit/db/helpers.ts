import { historyOf, locatorShardOf } from '../../../lib/db/histories';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { DexieOptions } from 'dexie';
import { FrontlineDB, withOwner, type DirectoryShard, type InteractionEvent } from '../../../lib/db';
import { buildShards } from '../../../lib/db/directory';
import type { Post, Verdict, Severity, Platform } from '../../../lib/types';
import { allInteractionsById } from '../../../lib/db/histories';

/** A private IndexedDB per test: nothing leaks between tests, two "tabs" can share one. */
export function isolatedIDB(): DexieOptions {
  return { indexedDB: new IDBFactory(), IDBKeyRange };
}

export function freshDB(idb: DexieOptions = isolatedIDB(), name = 'frontline-test'): FrontlineDB {
  return new FrontlineDB(name, idb);
}

export const T0 = Date.UTC(2026, 10, 2, 9, 0, 0); // a Monday morning
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

let n = 0;
export function post(overrides: Partial<Post> = {}): Post {
  n++;
  return {
    id: `p${n}`,
    platform: 'x' as Platform,
    author: 'Jane Doe',
    handle: '@JaneDoe',
    text: 'I was charged twice and nobody answers my emails',
    permalink: `https://x.com/janedoe/status/${1000 + n}`,
    time: null,
    ...overrides,
  };
}

export function verdict(severity: Severity, complaint = severity > 0): Verdict {
  return {
    complaint,
    score: complaint ? 0.9 : 0.1,
    severity,
    cues: complaint ? ['charged twice'] : [],
    signals: { brand: true, churn: false, abuse: false, question: false, urgency: false },
  };
}

/** Everything in the database, for "nothing changed" assertions. */
export async function snapshot(db: FrontlineDB) {
  return {
    contacts: await db.contacts.orderBy('id').toArray(),
    interactions: await allInteractionsById(db),
    events: await allEvents(db),
    directory: await directoryEntries(db),
  };
}

/** The search directory as sorted rows [shard, id, lastSeenAt, followUpDue, words]: slot order inside a shard means nothing. */
export async function directoryEntries(db: FrontlineDB, shards?: DirectoryShard[]) {
  const rows: Array<[number, string, number, number, string]> = [];
  for (const s of shards ?? (await db.directory.toArray())) {
    s.ids.forEach((id, n) => rows.push([s.shard, id, s.lastSeenAt[n]!, s.followUpDue[n]!, s.words[n]!]));
  }
  return rows.sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
}

/** The stored directory is exactly the one built afresh from the contacts store. */
export async function expectDirectoryInStep(db: FrontlineDB, expect: (v: unknown) => { toEqual(w: unknown): void }) {
  const fromContacts = [...buildShards(await db.contacts.toArray()).values()];
  expect(await directoryEntries(db)).toEqual(await directoryEntries(db, fromContacts));
}

/** Every stored event in the flat form, interaction by interaction (id order), each log in append order. */
export async function allEvents(db: FrontlineDB): Promise<InteractionEvent[]> {
  return (await allInteractionsById(db)).flatMap((i) => i.events.map((e) => withOwner(i, e)));
}

/**
 * Schema v8's derived parts agree with the histories: each history's index fields are the ones
 * historyOf computes from its interactions (all of them that contact's), and the locator names
 * exactly the stored interactions, each with the contact whose history holds it.
 */
export async function expectHistoriesInStep(db: FrontlineDB, expect: (v: unknown) => { toEqual(w: unknown): void }) {
  const histories = await db.histories.toArray();
  expect(histories.map((h) => ({ ...h, interactions: h.interactions.map((i) => i.id) }))).toEqual(
    histories.map((h) => historyOf(h.id, h.interactions)).map((h) => ({ ...h, interactions: h.interactions.map((i) => i.id) })),
  );
  expect(histories.flatMap((h) => h.interactions.filter((i) => i.contactId !== h.id).map((i) => i.id))).toEqual([]);
  const located = (await db.locator.toArray()).flatMap((s) => s.ids.map((id, n) => [id, s.owners[n], s.shard === locatorShardOf(id)]));
  const stored = histories.flatMap((h) => h.interactions.map((i) => [i.id, h.id, true]));
  const order = (a: unknown[], b: unknown[]) => (String(a[0]) < String(b[0]) ? -1 : 1);
  expect(located.sort(order)).toEqual(stored.sort(order));
}
