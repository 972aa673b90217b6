/** The agent's corrections of verdicts (schema v7): written one at a time, read whole by the correction layer. */
import { z } from 'zod';
import { CorrectionSchema, parseOrThrow, type Correction } from './records';
import type { FrontlineDB } from './schema';

export const CorrectionInputSchema = CorrectionSchema;
export type CorrectionInput = z.input<typeof CorrectionInputSchema>;

/** Stores the agent's word on a post; a later correction of the same post replaces it. */
export async function recordCorrection(db: FrontlineDB, input: CorrectionInput): Promise<Correction> {
  const c = parseOrThrow(CorrectionInputSchema, input, 'recordCorrection');
  await db.corrections.put(c);
  return c;
}

/** Every correction, oldest first (the order the layer learns them in). */
export function allCorrections(db: FrontlineDB): Promise<Correction[]> {
  return db.corrections.orderBy('at').toArray();
}

/**
 * Changes whenever the corrections do (a write, an import, retention, delete-all): the background
 * refits its layer only when this differs from the one it fitted on. Two index reads, no records.
 */
export async function correctionsStamp(db: FrontlineDB): Promise<string> {
  const [count, last] = await Promise.all([db.corrections.count(), db.corrections.orderBy('at').last()]);
  return `${count}:${last?.at ?? 0}:${last?.id ?? ''}:${last?.level ?? ''}`;
}

/** The agent's current word on these interactions, for lists that show it. */
export async function correctionsOf(db: FrontlineDB, ids: readonly string[]): Promise<Map<string, Correction>> {
  const found = await db.corrections.bulkGet([...ids]);
  const out = new Map<string, Correction>();
  for (const c of found) if (c) out.set(c.id, c);
  return out;
}
