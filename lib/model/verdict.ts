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
  /**
   * What the caller knows of where the text was written. 'social': a short post from a social
   * site (X, Bluesky…), so severity reads it with the social head alone, as the domain gate would
   * if it were sure, and the social-only floors (money lost) apply. Unset: the gate decides.
   */
  source?: 'social';
}
