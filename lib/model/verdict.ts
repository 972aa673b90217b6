import { z } from 'zod';
import { SeveritySchema } from './severity';
import { SignalsSchema } from './signals';

/** What the detector says of a text. Pure data, no DOM. */
export const VerdictSchema = z.object({
  complaint: z.boolean(),
  /** Calibrated probability that the text is a complaint. */
  score: z.number().min(0).max(1),
  severity: SeveritySchema,
  /** Words or phrases that drove the verdict, most important first. */
  cues: z.array(z.string().max(120)).max(20),
  signals: SignalsSchema,
});
export type Verdict = z.infer<typeof VerdictSchema>;

export interface DetectOptions {
  /** Brand watch terms: names, @handles, product names (case-insensitive). */
  brandTerms?: readonly string[];
}
