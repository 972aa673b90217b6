import { now as clockNow } from '../time/clock';
import { recordCorrection, type FrontlineDB } from '../db';
import type { Severity } from '../model/severity';

/**
 * The agent's word on a verdict ("Not a complaint", "More / Less severe"), from the helper (via
 * the background) or the popup. Only stored here: the background notices the corrections' stamp
 * changed and refits its layer before the next page asks for it (lib/background/corrections.ts).
 */
export async function recordAgentCorrection(
  db: FrontlineDB,
  correction: { interactionId: string; text: string; level: Severity; detected: Severity },
  now = clockNow(),
): Promise<void> {
  await recordCorrection(db, { id: correction.interactionId, text: correction.text, level: correction.level, detected: correction.detected, at: now });
}
