/**
 * A prior from the grievance-phrase grammar (cue-phrases.ts), added to the complaint model's logit
 * before calibration (issue 20, round 12). The hashed model learns words from tweets; a harm verb
 * with its object ("deleted my notes", "broke everything") or a fault said of something ("features
 * are missing", "should be fired") says "grievance" in any register, and blog, forum and review
 * comments missed most of them (held-out recall 38–73 %). Its size was chosen out-of-fold on the
 * tweets (research/detect/tune-grievance-prior.ts: nested folds chose 0.5–1 logit a phrase, at most
 * two), and the Platt scaling and cut-off in weights.json are fitted with it (scripts/train.ts).
 * Negation phrases ("can't find", "no reply") are left out: counted too (+0.3 macro-F1 on the
 * tweets), they turned help questions such as "How do I export…? I can't find the option" into complaints.
 */
import { grievancePhrases, mayHoldGrievance, mayHoldGrievanceInScan } from './cue-phrases';
import type { Scan } from './tokens';

/** Logit added per grievance phrase. */
export const GRIEVANCE_PRIOR = 1;
/** Phrases counted at most (a rant's tenth phrase says no more than its second). */
export const GRIEVANCE_PHRASES_COUNTED = 2;
/** The most the prior adds to a logit. */
export const GRIEVANCE_PRIOR_MAX = GRIEVANCE_PRIOR * GRIEVANCE_PHRASES_COUNTED;
/** Harm verbs (3) and faults (2.5); negations (2) are not counted. */
const MIN_STRENGTH = 2.5;
/** Tokens read: the prior is a property of a post's opening, not of a pasted essay (bounded time). */
const MAX_TOKENS = 120;

/** `scan`: the features' scan of `norm`, when the caller has it (detect() does): a cheaper first check. */
export function grievancePrior(norm: string, scan?: Scan): number {
  // Most posts near the cut-off hold no harm or fault word at all: skip the phrase grammar for them.
  if (!(scan ? mayHoldGrievanceInScan(norm, scan) : mayHoldGrievance(norm))) return 0;
  return GRIEVANCE_PRIOR * grievancePhrases(norm, MAX_TOKENS, MIN_STRENGTH, GRIEVANCE_PHRASES_COUNTED).length;
}
