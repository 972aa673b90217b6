import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  deleteEverything,
  FOLLOW_UP_ALARM_PREFIX,
  forgetOlderThan,
  importFile,
  recordInteraction,
  resolveInteraction,
  snoozeOneDay,
} from '../../../lib/actions';
import { exportJSON, interactionIdFor, type FrontlineDB } from '../../../lib/db';
import { fixedClock, setClock } from '../../../lib/time/clock';
import { DAY, HOUR, T0, freshDB, post, verdict } from '../db/helpers';
import { countInteractions, getInteraction } from '../../../lib/db/histories';

/**
 * The one write path (lib/actions), as both callers use it: the background router (an agent
 * action from the page) and the extension pages (popup, dashboard, options). The browser is
 * WXT's in-memory fake: the badge text and the alarms are what a user would see.
 */
const badge = () => fakeBrowser.action.getBadgeText({});
const alarmAt = async (interactionId: string) => (await fakeBrowser.alarms.get(`${FOLLOW_UP_ALARM_PREFIX}${interactionId}`))?.scheduledTime;

let db: FrontlineDB;
beforeEach(() => {
  fakeBrowser.reset();
  setClock(fixedClock(T0));
  db = freshDB();
});
afterEach(() => {
  setClock(null);
  db.close();
});

/** The router's path: the page's helper promised a follow-up on Jane's complaint. */
async function promised(dueAt: number, at = T0) {
  const customer = post({ author: 'Jane Doe', handle: '@janedoe' });
  const { interactionId } = await recordInteraction(
    db,
    { type: 'cs→bg:interaction-event', post: customer, verdict: verdict(3), event: 'follow-up-set', dueAt, text: 'Back to you soon' },
    at,
  );
  expect(interactionId).toBe(interactionIdFor(customer));
  return interactionId;
}

describe('one write path: the background and the pages keep the same rules after a write', () => {
  it('a follow-up promised from the page gets its alarm, and the badge counts it once due', async () => {
    const id = await promised(T0 + 2 * HOUR);
    expect(await alarmAt(id)).toBe(T0 + 2 * HOUR);
    expect(await badge()).toBe('');
    // Already due when promised (a time in the past): counted on the badge straight away.
    await promised(T0 - HOUR);
    expect(await badge()).toBe('1');
  });

  it('"Mark resolved" from the popup takes the follow-up off the badge', async () => {
    const id = await promised(T0 - HOUR);
    expect(await badge()).toBe('1');
    await resolveInteraction(db, id, T0);
    expect(await badge()).toBe('');
    expect((await getInteraction(db, id))?.status).toBe('resolved');
  });

  it('"Snooze 1 day" re-arms the reminder for the same time tomorrow and clears the badge until then', async () => {
    const id = await promised(T0 - HOUR);
    const until = await snoozeOneDay(db, id, T0);
    expect(until).toBe(T0 + DAY);
    expect(await alarmAt(id)).toBe(T0 + DAY);
    expect(await badge()).toBe('');
  });

  it('a restored export re-arms its pending reminders and shows the due ones on the badge', async () => {
    const later = await promised(T0 + 3 * DAY);
    const other = post({ author: 'Sam Lee', handle: '@samlee' });
    await recordInteraction(db, { type: 'cs→bg:interaction-event', post: other, verdict: verdict(2), event: 'follow-up-set', dueAt: T0 + HOUR }, T0);
    const file = await exportJSON(db);

    // Another browser: an empty profile, no alarms, no badge.
    db.close();
    fakeBrowser.reset();
    db = freshDB();
    setClock(fixedClock(T0 + 2 * HOUR));
    const result = await importFile(db, file, {}, T0 + 2 * HOUR);
    expect(result.ok).toBe(true);
    expect(await alarmAt(later)).toBe(T0 + 3 * DAY);
    expect(await badge()).toBe('1');
  });

  it('a file that is refused changes neither the alarms nor the badge', async () => {
    const result = await importFile(db, { format: 'csv' }, {}, T0);
    expect(result.ok).toBe(false);
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
    expect(await badge()).toBe('');
  });

  it('forgetting old conversations and deleting everything recount the badge', async () => {
    const old = await promised(T0 - 40 * DAY, T0 - 40 * DAY); // promised 40 days ago, idle since
    await promised(T0 - HOUR);
    expect(await badge()).toBe('2');
    const removed = await forgetOlderThan(db, 30, T0);
    expect(removed.interactions).toBe(1);
    expect(await getInteraction(db, old)).toBeUndefined();
    expect(await badge()).toBe('1');
    await deleteEverything(db, T0);
    expect(await badge()).toBe('');
    expect(await countInteractions(db)).toBe(0);
  });
});
