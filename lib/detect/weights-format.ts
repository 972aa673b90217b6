/** Shape of the shipped weights file (lib/detect/weights.json), written by scripts/train.ts. */
import { z } from 'zod';

const linear = z.object({
  /** int8 weights of the hashed features, base64; real weight = q * scale. */
  q: z.string(),
  scale: z.number(),
  dense: z.array(z.number()),
  bias: z.number(),
});
export type LinearJson = z.infer<typeof linear>;

export const weightsSchema = z.object({
  version: z.literal(1),
  complaint: linear.extend({
    bits: z.number().int().min(8).max(20),
    /** Platt scaling of the logit, fitted on out-of-fold scores. */
    platt: z.object({ a: z.number(), b: z.number() }),
    /** Calibrated score at or above which a post counts as a complaint. */
    threshold: z.number().min(0).max(1),
    /** Round 12: Platt and threshold were fitted with the grievance-phrase prior (grievance-prior.ts) added to the logit. */
    grievancePrior: z.boolean().optional(),
  }),
  severity: z.object({
    bits: z.number().int().min(8).max(20),
    /** Severity level of each class, in model order. */
    levels: z.array(z.number().int().min(1).max(4)),
    classes: z.array(linear),
    /**
     * Issue 20: `classes` is the head learned on social posts; `bank` the one learned on banking
     * posts, and `gate` says how much a post is like the banking ones (logit). Absent in older files.
     */
    bank: z.array(linear).optional(),
    gate: linear.optional(),
    /**
     * Round 7: 'ordinal' when `classes` and `bank` are the "level > k" tables of the ordinal decoder
     * (severity.ts decodeOrdinal) and `escalation` their non-negative weights on the escalation cues
     * (escalation.ts), one row per table; absent (one-vs-rest argmax) in older files.
     */
    decoder: z.literal('ordinal').optional(),
    escalation: z.object({ social: z.array(z.array(z.number().min(0))), bank: z.array(z.array(z.number().min(0))) }).optional(),
  }),
  /** Feature switches the file was trained with (features.ts); absent in files from before issue 20 round 3. */
  features: z.object({ mentions: z.boolean(), places: z.boolean().optional() }).optional(),
  /** Lexicon categories in dense-feature order; must match lexicon-terms.ts. */
  dense: z.array(z.string()),
  trainedOn: z.record(z.string(), z.number()),
});
export type WeightsJson = z.infer<typeof weightsSchema>;
