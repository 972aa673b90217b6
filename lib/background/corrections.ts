/**
 * The background's side of "the agent teaches the detector": stores corrections and keeps the
 * correction layer (lib/detect/adapt.ts) fitted to them. The layer is refitted only when the
 * stored corrections changed (a write here, one from an extension page, an import, retention),
 * which a two-index-read stamp tells; a worker restart refits once.
 */
import { now as clockNow } from '../time/clock';
import { recordAgentCorrection } from '../actions';
import { allCorrections, correctionsStamp, interactionIdFor, MAX_TEXT, type FrontlineDB } from '../db';
import { detect } from '../detect';
import { adapterToState, baseOf, fitAdapter, type AdapterState } from '../detect/adapt';
import type { ContentToBackgroundMessage } from '../messages';

type CorrectMsg = Extract<ContentToBackgroundMessage, { type: 'cs→bg:correct' }>;

let fitted: { stamp: string; layer: AdapterState | null } | null = null;

export async function correctionLayer(db: FrontlineDB): Promise<AdapterState | null> {
  const stamp = await correctionsStamp(db);
  if (fitted?.stamp !== stamp) {
    const corrections = await allCorrections(db);
    const adapter = fitAdapter(corrections, baseOf((text) => detect(text)));
    fitted = { stamp, layer: adapter ? adapterToState(adapter) : null };
  }
  return fitted.layer;
}

export async function correct(db: FrontlineDB, msg: CorrectMsg, now = clockNow()): Promise<AdapterState | null> {
  await recordAgentCorrection(
    db,
    { interactionId: interactionIdFor(msg.post), text: msg.post.text.slice(0, MAX_TEXT), level: msg.level, detected: msg.verdict.severity },
    now,
  );
  return correctionLayer(db);
}
