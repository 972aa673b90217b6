import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { FrontlineDB, SCHEMA_V8, type StoredInteraction } from '../../../lib/db';
import { buildShards } from '../../../lib/db/directory';
import { LOCATOR_STORE, allInteractionsById, buildLocator, historiesOf } from '../../../lib/db/histories';
import { feedbackReport, themesOf } from '../../../lib/insights';
import { DAY, T0, expectHistoriesInStep, isolatedIDB } from './helpers';
import { generateRecords } from '../../../bench/db/generate-records';

// Themes are stored with each complaint when it is first logged. A log written with older theme words
// (the 2026-12-07 ones said nothing of these) must be counted with today's words after the update.
const STALE: Array<[string, string[]]> = [
  ['Internet has been out in our street since the storm, four days now.', []],
  ['Rates went up 40% at renewal with no explanation.', []],
  ['Chargeback is next if nobody answers my refund request by Friday.', ['billing', 'customer-service', 'refunds']],
];

describe('schema v8 → v9: the stored themes of an existing log, recomputed', () => {
  it('counts old complaints with the current theme words and changes nothing else', async () => {
    const idb = isolatedIDB();
    const data = generateRecords({ contacts: 300, interactions: 900, now: T0 + 20 * DAY, seed: 11 });
    const interactions: StoredInteraction[] = data.interactions.map((i, n) =>
      n < STALE.length ? { ...i, text: STALE[n]![0], themes: STALE[n]![1] as StoredInteraction['themes'] } : i,
    );
    const v8 = new Dexie('frontline', idb);
    v8.version(8).stores(SCHEMA_V8);
    const histories = historiesOf(interactions);
    await v8.table('contacts').bulkAdd(data.contacts);
    await v8.table('histories').bulkAdd(histories);
    await v8.table(LOCATOR_STORE).bulkAdd([...buildLocator(histories).values()]);
    await v8.table('directory').bulkAdd([...buildShards(data.contacts).values()]);
    v8.close();

    const db = new FrontlineDB('frontline', idb);
    await db.open();
    expect(db.verno).toBe(9);
    const byId = new Map((await allInteractionsById(db)).map((i) => [i.id, i]));
    expect(byId.size).toBe(interactions.length);
    for (const before of interactions) {
      // Every field as it was, the themes as the words say today.
      expect(byId.get(before.id)).toEqual({ ...before, themes: themesOf(before.text) });
    }
    expect(byId.get(interactions[0]!.id)!.themes).toContain('outage');
    expect(byId.get(interactions[1]!.id)!.themes).toContain('pricing');
    expect(byId.get(interactions[2]!.id)!.themes).not.toContain('billing');
    await expectHistoriesInStep(db, expect);

    // What the agent sees: the feedback report counts the outage and the price rise.
    const report = await feedbackReport(db, { from: 0, to: T0 + 30 * DAY });
    const outage = report.themes.find((t) => t.theme === 'outage');
    expect(outage?.examples.map((e) => e.text)).toContain(STALE[0]![0]);
    db.close();
  });
});
