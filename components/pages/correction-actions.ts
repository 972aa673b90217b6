import { now as clockNow } from '@/lib/time/clock';
import { recordCorrection, type FrontlineDB, type Interaction } from '@/lib/db';
import type { Severity } from '@/lib/model/severity';

/**
 * The popup's "Not a complaint / More / Less severe". Pages write to Dexie directly (same origin
 * as the background, as agent-actions.ts does); the background sees the change by the
 * corrections' stamp and refits its layer before the next page asks for it.
 */
export async function correctInteraction(db: FrontlineDB, interaction: Pick<Interaction, 'id' | 'text' | 'severity'>, level: Severity, now = clockNow()) {
  await recordCorrection(db, { id: interaction.id, text: interaction.text, level, detected: interaction.severity, at: now });
  return { ok: true };
}
