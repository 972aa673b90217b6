import { now as clockNow } from '../time/clock';
import { dueCount, type FrontlineDB } from '../db';
import { showDueCount } from './follow-up-alarm';

/**
 * Recounts due follow-ups onto the badge. Never throws: the badge is a hint, and a failure here
 * (a browser without the API, a page without the permission, a database busy upgrading) must not
 * fail the write before it, whether a logged reply answered {ok:false} or an alarm whose
 * notification would never go out. Returns the count, or null when it could not be shown; the
 * background's periodic alarm (BADGE_ALARM) catches up then.
 */
export async function refreshBadge(db: FrontlineDB, now = clockNow()): Promise<number | null> {
  try {
    // A count of the due index's range: it holds pending follow-ups only (schema v4), so this is
    // the number of due follow-ups without reading them. Reading them (every due person's history
    // and contact: ~480 of each on bench:db's data) followed every agent action, and a restore.
    const count = await dueCount(db, now);
    await showDueCount(count);
    return count;
  } catch (error) {
    console.warn('Frontline: could not update the badge', error);
    return null;
  }
}
