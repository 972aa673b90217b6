/**
 * The on-device complaint detector (issue 3): text in, Verdict out. Pure, no DOM, runs
 * unchanged in the content script, in Node tests, benchmarks and the CLI.
 */
import type { DetectOptions, Severity, Verdict } from '../types';
import { LONG_TEXT, splitChunks } from './chunks';
import { cuesOf } from './cues';
import { createFeatureSet, extract, MENTION_SLOT, mentionValue } from './features';
import { calibrate, logit, model, type Model } from './model';
import { normalise } from './normalise';
import { isResolvedPraise, mayMentionResolution } from './resolved';
import { compoundFloor, compoundFloorOfText, escalationCues, ESCALATION_SIZE } from './escalation';
import { decodeLevel, decodeOrdinal, escalationFloor, escalationFloorOfBits, hasThanks, isPlainThanks, sentencesOf, socialPost } from './severity';
import { signalsOf } from './signals';
import { disapprovalFloor, moneyLostFloor } from './disapproval';
import { grievancePrior, GRIEVANCE_PRIOR_MAX } from './grievance-prior';

export type { DetectOptions, Verdict } from '../types';
export { normalise } from './normalise';

/**
 * Decodes the weights now (~5 ms in Chromium) instead of inside the first scanning slice,
 * where it stacked on the page's own work. Calling it again costs nothing.
 */
export function warmUpDetector(): void {
  model();
}

/** How much the angriest sentence of a long post counts against the whole-text score. */
const CHUNK_BLEND = 0.7;
/**
 * Logit taken off a post that praises a fix and shows no open grievance (resolved.ts): a prior
 * that outweighs the problem's own words ("billing issue", "outage"), not a veto; only a post the
 * model is all but sure of (calibrated score above ~0.98 at the usual cut-off) stays flagged.
 * Lowering the score, not just the verdict, keeps the agent's correction layer (adapt.ts) on the same footing.
 */
const RESOLVED_PRAISE_PRIOR = 4;

// One reusable buffer: detect() is synchronous, so calls never overlap.
const features = createFeatureSet();
const cueFeatures = createFeatureSet();

export function detect(text: string, opts: DetectOptions = {}): Verdict {
  const m = model();
  const norm = normalise(typeof text === 'string' ? text : '');
  extract(norm, features);
  const lexiconBits = features.lexiconBits;
  const signals = signalsOf(norm, features.scan, lexiconBits, opts.brandTerms);
  let score = complaintScore(m, norm);
  let focus = norm;
  if (norm.length > LONG_TEXT) {
    const chunks = splitChunks(norm);
    if (chunks.length > 1) {
      let best = 0;
      for (const chunk of chunks) {
        extract(chunk, features);
        const s = complaintScore(m, chunk);
        if (s > best) { best = s; focus = chunk; }
      }
      const blended = CHUNK_BLEND * best + (1 - CHUNK_BLEND) * score;
      if (blended > score) score = blended;
      else focus = norm;
      extract(focus, features);
    }
  }
  // The buffer still holds the whole post's scan unless it was cut into chunks (long posts skip the quick check).
  if (score >= m.complaint.threshold && (norm.length > LONG_TEXT || mayMentionResolution(features.scan)) && isResolvedPraise(norm, lexiconBits)) {
    score = 1 / (1 + Math.exp(RESOLVED_PRAISE_PRIOR - Math.log(score / (1 - score))));
  }
  const complaint = score >= m.complaint.threshold;
  if (!complaint) return { complaint, score, severity: 0, cues: [], signals };
  const severity = severityOf(m, focus, opts.source === 'social');
  let cues: string[] | null = null;
  // Cues cost string work the scanner rarely needs: computed on first read (the getter is
  // enumerable, so JSON and structured clone still carry them), from the text that drove the verdict.
  return {
    complaint, score, severity, signals,
    get cues(): string[] {
      if (cues === null) {
        extract(focus, cueFeatures);
        cues = cuesOf(focus, cueFeatures, m.complaint);
      }
      return cues;
    },
  };
}

/**
 * Calibrated complaint score of the features in the buffer, extracted from `norm`. The grievance
 * prior (round 12) only raises a logit, by at most GRIEVANCE_PRIOR_MAX, and reading the phrases
 * costs about as much as the rest of detect(): it is read only for posts it could lift across the
 * cut-off. Verdicts are exactly those of adding it everywhere; scores far below the cut-off or
 * already above it leave it out.
 */
function complaintScore(m: Model, norm: string): number {
  const c = m.complaint;
  let z = logit(c, features);
  if (c.grievancePrior && z < c.cutLogit + 1e-9 && z >= c.cutLogit - GRIEVANCE_PRIOR_MAX) z += grievancePrior(norm, features.scan);
  return calibrate(z, c.plattA, c.plattB);
}

const social = new Float64Array(4);
const bank = new Float64Array(4);
const escalationBuf = new Float64Array(ESCALATION_SIZE);

function dot(w: Float64Array, v: Float64Array): number {
  let s = 0;
  for (let j = 0; j < w.length; j++) s += w[j]! * v[j]!;
  return s;
}

/**
 * Level 1..4 of a complaint. An escalating sentence never lowers it (below). Thanks never raises it: the social head learned that tweets' "thanks"
 * is often sarcastic (level 4), so a post that also thanks plainly — a sentence with thanks or
 * praise and no grievance word — is read again without those sentences, and the lower level kept.
 * Leaves `features` holding whatever it extracted last (callers are done with it).
 */
function severityOf(m: Model, norm: string, knownSocial: boolean): Severity {
  if (!m.severityBank) return mostLikely(m);
  let level = levelOf(m, norm, knownSocial);
  const bits = features.lexiconBits;
  if (!hasThanks(bits) && escalationFloor(norm, bits) === 0) return level;
  const sentences = sentencesOf(norm);
  if (sentences.length < 2) return level;
  // One pass sorts the sentences: plain thanks, escalation (churn, "third time", an accusation, a
  // threat: escalationFloor > 0), and the rest.
  const notThanks: string[] = [], calm: string[] = [];
  let escalations = 0;
  for (const s of sentences) {
    extract(s, features);
    const plainThanks = isPlainThanks(features.lexiconBits);
    if (!plainThanks) notThanks.push(s);
    if (escalationFloor(s, features.lexiconBits) > 0) escalations++;
    else if (!plainThanks) calm.push(s);
  }
  // An escalation never lowers the level: the post is read again without its escalating sentences
  // (and plain thanks) and the higher level kept; a linear head can weigh "third time" toward a lower
  // level than the grievance beside it, and the floors alone only promise level 2 for it.
  let calmLevel = 0;
  if (escalations > 0 && calm.length > 0) {
    const rest = calm.join(' ');
    extract(rest, features);
    calmLevel = levelOf(m, rest, knownSocial);
    level = Math.max(level, calmLevel) as Severity;
  }
  // Thanks never raises it: read again without the plain-thanks sentences, the lower level kept.
  if (notThanks.length > 0 && notThanks.length < sentences.length) {
    const rest = notThanks.join(' ');
    extract(rest, features);
    level = Math.min(level, Math.max(levelOf(m, rest, knownSocial), calmLevel)) as Severity;
  }
  return level;
}

/** Weights from before round 3 (one head, no gate): the most likely level, as they were tuned for. */
function mostLikely(m: Model): Severity {
  let best = -Infinity, level = 1;
  for (let k = 0; k < m.severity.length; k++) {
    const z = logit(m.severity[k]!, features);
    if (z > best) { best = z; level = m.severityLevels[k]!; }
  }
  return level as Severity;
}

/**
 * Level from the heads, the gate and the floors, for the features in the buffer (from `norm`).
 * `knownSocial`: the caller knows the post is a social one (DetectOptions.source), so the gate is
 * not asked: it reads a tweet with a ticket number and hours of waiting as a banking post (round 11).
 */
function levelOf(m: Model, norm: string, knownSocial: boolean): Severity {
  const n = m.severity.length;
  const heads = m.severityBank;
  for (let k = 0; k < n; k++) social[k] = logit(m.severity[k]!, features);
  if (heads) {
    // The banking head alone reads the @mention count (features.ts mentionValue); in weights
    // whose banking head never saw it, its weight there is 0 and this adds nothing.
    const mentions = mentionValue(features.scan);
    for (let k = 0; k < heads.length; k++) bank[k] = logit(heads[k]!, features) + heads[k]!.dense[MENTION_SLOT]! * mentions;
  }
  // -Infinity: probability 0 of a banking post, so the social head decides and its floors apply.
  const gate = knownSocial ? -Infinity : m.severityGate ? logit(m.severityGate, features) : 0;
  const ord = m.severityOrdinal;
  if (ord && heads) {
    // Ordinal decoder (round 7): the escalation cues add their non-negative weights to every table.
    escalationCues(norm, features.lexiconBits, escalationBuf);
    const floor = Math.max(escalationFloor(norm, features.lexiconBits), compoundFloor(norm, escalationBuf), moneyLostFloor(norm));
    for (let k = 0; k < n; k++) { social[k] = social[k]! + dot(ord.social[k]!, escalationBuf); bank[k] = bank[k]! + dot(ord.bank[k]!, escalationBuf); }
    return Math.max(decodeOrdinal(social, bank, gate, floor, n), disapprovalFloor(norm)) as Severity;
  }
  // Leaving over a repeated outage or loss is level 3 whichever decoder the weights use (round 7);
  // money lost is level 2 at least on a social post, disapproval in so many words on any (round 10).
  // The heads decide first and each floor's text is read only if it could raise what they chose:
  // the floors are 3 at most (escalation, the compound one) and 2 (money lost, disapproval), and
  // apply only on posts that read as social ones; the level is the one of reading them all.
  const fromHeads = decodeLevel(social, heads ? bank : null, gate, m.severityLevels, 0);
  if (fromHeads >= 3) return fromHeads as Severity;
  let level = fromHeads;
  if (socialPost(heads !== null, gate)) {
    const bits = features.lexiconBits;
    level = Math.max(level, escalationFloorOfBits(bits));
    if (level < 3) level = Math.max(level, compoundFloorOfText(norm));
    if (level < 2) level = Math.max(level, escalationFloor(norm, bits), moneyLostFloor(norm));
  }
  if (level < 2) level = Math.max(level, disapprovalFloor(norm));
  return level as Severity;
}
