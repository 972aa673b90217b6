import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mergeContacts, undoMerge } from '../../../lib/actions';
import { contactHistory, contactIdFor, interactionIdFor, mergeTeamEvents, ownEventsSince, recentContactsBare, recordEvent, recordPosts, searchDirectory, type FrontlineDB } from '../../../lib/db';
import { fixedClock, setClock } from '../../../lib/time/clock';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DAY, T0, expectDirectoryInStep, freshDB, isolatedIDB, post, snapshot, verdict } from '../db/helpers';
import { getInteraction } from '../../../lib/db/histories';

/**
 * "Same person as…": Lena writes on X as @lenak and on a forum as "Lena Kovač"; the agent merges
 * the forum contact into the X one, and can undo it.
 */
const onX = (n: number) => post({ platform: 'x', author: 'Lena K', handle: '@lenak', permalink: `https://x.com/lenak/status/${n}` });
const onForum = (n: number) =>
  post({ platform: 'discourse', author: 'Lena Kovač', handle: 'lkovac', permalink: `https://forum.example.com/t/billing/${n}` });

let db: FrontlineDB;
let idb: ReturnType<typeof isolatedIDB>;
let keepId: string;
let mergeId: string;
beforeEach(async () => {
  setClock(fixedClock(T0));
  fakeBrowser.reset();
  idb = isolatedIDB();
  db = freshDB(idb);
  await recordPosts(db, [{ post: onX(1), verdict: verdict(2) }], T0);
  await recordPosts(db, [{ post: onForum(1), verdict: verdict(3) }, { post: onForum(2), verdict: verdict(1) }], T0 + DAY);
  await recordPosts(db, [{ post: post({ author: 'Omar Haddad', handle: '@omar' }), verdict: verdict(1) }], T0 + 2 * DAY);
  keepId = contactIdFor(onX(1));
  mergeId = contactIdFor(onForum(1));
});
afterEach(() => db.close());

describe('mergeContacts', () => {
  it('shows both accounts as one person: one timeline, one summary, found by either name, listed once', async () => {
    await mergeContacts(db, keepId, mergeId, T0 + 3 * DAY);

    const history = (await contactHistory(db, keepId))!;
    expect(history.interactions.map((i) => i.platform).sort()).toEqual(['discourse', 'discourse', 'x']);
    expect(history.contact).toMatchObject({ interactionCount: 3, maxSeverity: 3, firstSeenAt: T0, lastSeenAt: T0 + DAY });
    expect(await contactHistory(db, mergeId)).toBeUndefined();

    expect((await searchDirectory(db, 'kovač'))?.newestFirst).toEqual([keepId]);
    expect((await searchDirectory(db, 'lkovac'))?.newestFirst).toEqual([keepId]);
    expect((await searchDirectory(db, 'lenak'))?.newestFirst).toEqual([keepId]);
    expect((await recentContactsBare(db, { limit: 10 })).map((c) => c.id)).not.toContain(mergeId);
    await expectDirectoryInStep(db, expect);
  });

  it('counts the merged posts when the person comes back, and keeps the merged words through new posts', async () => {
    await mergeContacts(db, keepId, mergeId, T0 + 3 * DAY);
    const [returning] = await recordPosts(db, [{ post: onX(2), verdict: verdict(3) }], T0 + 4 * DAY);
    expect(returning).toMatchObject({ contactId: keepId, known: true, earlierInteractions: 3 });
    expect((await searchDirectory(db, 'lkovac'))?.newestFirst).toEqual([keepId]);
  });

  it('refuses to merge a contact into itself, and changes nothing', async () => {
    const before = await snapshot(db);
    await expect(mergeContacts(db, keepId, keepId)).rejects.toThrow('cannot be merged into itself');
    expect(await snapshot(db)).toEqual(before);
  });

  it('leaves the database as it was when a write fails half way', async () => {
    const before = await snapshot(db);
    // The interactions have moved when the kept contact's write is refused (a full disk, say).
    vi.spyOn(db.contacts, 'put').mockRejectedValueOnce(new Error('QuotaExceededError'));
    await expect(mergeContacts(db, keepId, mergeId)).rejects.toThrow('QuotaExceededError');
    vi.restoreAllMocks();
    expect(await snapshot(db)).toEqual(before);
    expect((await searchDirectory(db, 'lkovac'))?.newestFirst).toEqual([mergeId]);
  });
});

describe("after a merge, the merged account's posts", () => {
  beforeEach(() => mergeContacts(db, keepId, mergeId, T0 + 3 * DAY));

  it('take the agent\'s actions from the page they are on, on the merged person', async () => {
    await recordEvent(db, { post: onForum(1), verdict: verdict(3), type: 'reply-inserted', text: 'On it', at: T0 + 4 * DAY });
    const moved = (await getInteraction(db, interactionIdFor(onForum(1))))!;
    expect(moved).toMatchObject({ contactId: keepId, lastReply: 'On it' });
  });

  it('seen again, update the person they belong to and do not bring the merged contact back', async () => {
    const [returning] = await recordPosts(db, [{ post: onForum(2), verdict: verdict(2) }], T0 + 4 * DAY);
    expect(returning).toMatchObject({ contactId: keepId, earlierInteractions: 2 });
    expect(await db.contacts.get(mergeId)).toBeUndefined();
    expect((await db.contacts.get(keepId))!).toMatchObject({ name: 'Lena K', handle: 'lenak', lastSeenAt: T0 + 4 * DAY });
  });

  it('new ones join the merged person instead of starting a separate contact again, and go back with an undo', async () => {
    const [summary] = await recordPosts(db, [{ post: onForum(3), verdict: verdict(3) }], T0 + 4 * DAY);
    expect(summary).toMatchObject({ contactId: keepId, known: true, earlierInteractions: 3 });
    expect(await db.contacts.get(mergeId)).toBeUndefined();
    expect(await db.contacts.count()).toBe(2);
    const person = (await contactHistory(db, keepId))!;
    expect(person.contact).toMatchObject({ name: 'Lena K', handle: 'lenak', interactionCount: 4, lastSeenAt: T0 + 4 * DAY });
    // The agent answers it from the forum page: the reply lands on the merged person.
    await recordEvent(db, { post: onForum(3), verdict: verdict(3), type: 'reply-inserted', text: 'On it', at: T0 + 4 * DAY + 1 });
    expect(await getInteraction(db, interactionIdFor(onForum(3)))).toMatchObject({ contactId: keepId, lastReply: 'On it' });
    // Undone, the account takes its new post with it.
    await undoMerge(db, keepId, mergeId);
    expect((await contactHistory(db, mergeId))!.interactions.map((i) => i.id).sort()).toEqual([onForum(1), onForum(2), onForum(3)].map(interactionIdFor).sort());
    // …and its posts after the undo are its own again.
    const [apart] = await recordPosts(db, [{ post: onForum(4), verdict: verdict(2) }], T0 + 5 * DAY);
    expect(apart).toMatchObject({ contactId: mergeId });
  });

  it('a merge made in another context (the dashboard) reaches the worker through storage', async () => {
    const { browser } = await import('wxt/browser');
    const { followMergedOwners, MERGED_OWNERS_KEY } = await import('../../../lib/actions');
    // The background's own handle on the same database, as the service worker opens it.
    const worker = freshDB(idb);
    await followMergedOwners(worker);
    expect((await browser.storage.local.get(MERGED_OWNERS_KEY))[MERGED_OWNERS_KEY]).toEqual({ [mergeId]: keepId });
    const [summary] = await recordPosts(worker, [{ post: onForum(5), verdict: verdict(2) }], T0 + 4 * DAY);
    expect(summary).toMatchObject({ contactId: keepId });
    worker.close();
  });

  it('are shared with the team as the account that wrote them, and colleagues\' events on them are taken', async () => {
    await recordEvent(db, { post: onForum(1), verdict: verdict(3), type: 'note', text: 'Called her', at: T0 + 4 * DAY });
    const [shared] = await ownEventsSince(db, T0 + 4 * DAY);
    expect(shared!.post).toMatchObject({ author: 'Lena Kovač', handle: 'lkovac', platform: 'discourse' });
    const { added, refused } = await mergeTeamEvents(db, [
      { post: onForum(1), verdict: verdict(3), event: { at: T0 + 5 * DAY, type: 'reply-inserted', text: 'Fixed now', by: 'ben' } },
    ]);
    expect({ added, refused }).toEqual({ added: 1, refused: [] });
    expect(await db.contacts.get(mergeId)).toBeUndefined();
  });
});

describe('undoMerge', () => {
  it('restores exactly the state before the merge', async () => {
    const before = await snapshot(db);
    await mergeContacts(db, keepId, mergeId, T0 + 3 * DAY);
    expect(await snapshot(db)).not.toEqual(before);
    await undoMerge(db, keepId, mergeId);
    expect(await snapshot(db)).toEqual(before);
    expect((await searchDirectory(db, 'lkovac'))?.newestFirst).toEqual([mergeId]);
    await expectDirectoryInStep(db, expect);
  });

  it('keeps what happened since: a post seen after the merge stays with the account that wrote it', async () => {
    await mergeContacts(db, keepId, mergeId, T0 + 3 * DAY);
    await recordPosts(db, [{ post: onX(2), verdict: verdict(1) }], T0 + 4 * DAY);
    await undoMerge(db, keepId, mergeId);
    expect((await contactHistory(db, keepId))!.contact).toMatchObject({ interactionCount: 2, lastSeenAt: T0 + 4 * DAY, maxSeverity: 2 });
    expect((await contactHistory(db, mergeId))!.contact).toMatchObject({ interactionCount: 2, maxSeverity: 3 });
  });

  it('refuses an undo with nothing to undo', async () => {
    await expect(undoMerge(db, keepId, mergeId)).rejects.toThrow('no such merge');
  });
});

describe('export and import', () => {
  it('carry a merge, and an undo after the restore still works', async () => {
    const { exportJSON, importJSON, deleteAllData } = await import('../../../lib/db');
    const before = await snapshot(db);
    await mergeContacts(db, keepId, mergeId, T0 + 3 * DAY);
    const file = JSON.stringify(await exportJSON(db));
    await deleteAllData(db);
    await importJSON(db, file);
    expect((await searchDirectory(db, 'lkovac'))?.newestFirst).toEqual([keepId]);
    await undoMerge(db, keepId, mergeId);
    expect(await snapshot(db)).toEqual(before);
  });

  it('tell who owns each merged account after a restore and after a merge import, and the dashboard keeps it for the worker', async () => {
    const { exportJSON, importJSON, deleteAllData } = await import('../../../lib/db');
    const { importFile, MERGED_OWNERS_KEY } = await import('../../../lib/actions');
    const { browser } = await import('wxt/browser');
    await mergeContacts(db, keepId, mergeId, T0 + 3 * DAY);
    const file = JSON.stringify(await exportJSON(db));
    await deleteAllData(db);
    await browser.storage.local.clear();
    // A restore: from the contacts it wrote.
    expect(await importFile(db, file)).toMatchObject({ ok: true, mergedOwners: { [mergeId]: keepId } });
    expect((await browser.storage.local.get(MERGED_OWNERS_KEY))[MERGED_OWNERS_KEY]).toEqual({ [mergeId]: keepId });
    // A merge import of a file without the merge: the stored merge stands.
    const other = freshDB(isolatedIDB());
    await recordPosts(other, [{ post: post({ author: 'Omar Haddad', handle: '@omar' }), verdict: verdict(2) }], T0 + 5 * DAY);
    expect(await importJSON(db, JSON.stringify(await exportJSON(other)))).toMatchObject({ ok: true, mergedOwners: { [mergeId]: keepId } });
    other.close();
  });

  it('refuse a file whose merged contact carries a link that is not a web link', async () => {
    const { exportJSON, importJSON, deleteAllData } = await import('../../../lib/db');
    await mergeContacts(db, keepId, mergeId, T0 + 3 * DAY);
    const file = await exportJSON(db);
    const kept = file.contacts.find((c) => c.id === keepId)!;
    kept.merged![0]!.contact.lastPermalink = 'javascript:alert(1)';
    await deleteAllData(db);
    expect(await importJSON(db, JSON.stringify(file))).toMatchObject({ ok: false, error: expect.stringMatching(/http/) });
    expect(await db.contacts.count()).toBe(0);
  });
});
