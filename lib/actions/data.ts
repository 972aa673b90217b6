import { now as clockNow } from '../time/clock';
import { applyRetention, deleteAllData, importJSON, pendingAfter, type FrontlineDB, type ImportResult, type TransferOptions } from '../db';
import { refreshBadge } from './badge';
import { armFollowUp } from './follow-up-alarm';
import { keepMergedOwners, rebuildMergedOwners } from './merge-owners';

/**
 * Restores an export. Its pending follow-ups due later get their reminders (the file carries
 * the promise, not the browser's alarm), and the badge counts the ones already due.
 */
export async function importFile(db: FrontlineDB, data: unknown, options: TransferOptions = {}, now = clockNow()): Promise<ImportResult> {
  const result = await importJSON(db, data, options);
  if (!result.ok) return result;
  // The file's merged people: their accounts' next posts join them here too.
  await keepMergedOwners(db, result.mergedOwners);
  try {
    // The *due index holds pending follow-ups only (schema v4; on the history since v8).
    const later = await pendingAfter(db, now);
    await Promise.all(later.map((i) => armFollowUp(i.id, i.followUpDue!)));
  } catch (error) {
    console.warn('Frontline: could not arm the imported follow-up reminders', error);
  }
  await refreshBadge(db, now);
  return result;
}

/** Options' "forget after N days": what goes may have been a due follow-up on the badge. */
export async function forgetOlderThan(db: FrontlineDB, days: number, now = clockNow()) {
  const removed = await applyRetention(db, days, now);
  await refreshBadge(db, now);
  return removed;
}

/** "Delete all data": the badge goes blank with it; alarms left behind find nothing and stay silent. */
export async function deleteEverything(db: FrontlineDB, now = clockNow()): Promise<void> {
  await deleteAllData(db);
  await rebuildMergedOwners(db);
  await refreshBadge(db, now);
}
