import { now as clockNow } from '../time/clock';
import { mergeTeamEvents, type FrontlineDB, type TeamEventInput } from '../db';
import { refreshBadge } from './badge';

/**
 * Colleagues' events join the log (lib/sync pulls them from the team database): through here,
 * like every other write, so the badge follows (a colleague resolving a due follow-up clears it).
 */
export async function recordTeamEvents(db: FrontlineDB, items: readonly TeamEventInput[], now = clockNow()): Promise<{ added: number; refused: string[] }> {
  if (items.length === 0) return { added: 0, refused: [] };
  const result = await mergeTeamEvents(db, items);
  if (result.added > 0) await refreshBadge(db, now);
  return result;
}
