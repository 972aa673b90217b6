/**
 * Severity decoding (issue 20): two heads, one learned on social posts (tweets) and one on
 * banking posts (FINCORP), blended by a small domain gate, then floors from the grievance
 * lexicon so that adding an accusation, a threat, churn or "third time" never lowers the level.
 * Pure: logits and lexicon bits in, a level out; training (scripts/detect) and the runtime share it.
 */
import { categoryBit } from './lexicon';

/**
 * Minimum level a post reaches when it says one of these things. Trosborg's levels: 2 is
 * disapproval, 3 accusation, 4 blame. Churn and repetition are disapproval at least; naming the
 * culprit or calling them names is an accusation; a threat of court or regulator is blame.
 */
export const FLOORS = { churn: 2, repetition: 2, abuse: 3, accusation: 3, blame: 3 };

const REPETITION = /\b(second|third|fourth|fifth|sixth|\d+(?:nd|rd|th)) time\b|\bonce again\b|\bagain and again\b|\byet again\b|\bover and over\b/;

const BITS = {
  churn: categoryBit('churn'), abuse: categoryBit('abuse'), accusation: categoryBit('accusation'), blame: categoryBit('blame'),
};
const POSITIVE = categoryBit('positive');
/** Any grievance word: a sentence with one of these is never set aside as plain thanks. */
const GRIEVANCE = BITS.churn | BITS.abuse | BITS.accusation | BITS.blame | categoryBit('negative') | categoryBit('urgency');

export function hasThanks(lexiconBits: number): boolean {
  return (lexiconBits & POSITIVE) !== 0;
}

/** A sentence that thanks or praises and says nothing of a grievance (its lexicon bits). */
export function isPlainThanks(lexiconBits: number): boolean {
  return (lexiconBits & POSITIVE) !== 0 && (lexiconBits & GRIEVANCE) === 0;
}

/**
 * Sentences of normalised text, cut after . ! ? followed by a space or the end, or at a line break
 * (at most 40, to bound the work). A dot inside a link, a file name or a number ("screenshot.png",
 * "v4.5") is no sentence end: cutting there turned a link's pieces into sentences of their own.
 */
export function sentencesOf(norm: string): string[] {
  return (norm.match(/(?:[^.!?\n]|[.!?]+(?=[^\s.!?]))+(?:[.!?]+|\n|$)/g) ?? []).slice(0, 40);
}

/** The level the post's own words guarantee (0 when none applies). `norm` is normalised text. */
export function escalationFloor(norm: string, lexiconBits: number, floors: typeof FLOORS = FLOORS): number {
  const floor = escalationFloorOfBits(lexiconBits, floors);
  return floor < floors.repetition && REPETITION.test(norm) ? floors.repetition : floor;
}

/** escalationFloor without its repetition test: the part the lexicon bits give, no text read. */
export function escalationFloorOfBits(lexiconBits: number, floors: typeof FLOORS = FLOORS): number {
  let floor = 0;
  if (lexiconBits & BITS.churn) floor = Math.max(floor, floors.churn);
  if (lexiconBits & BITS.abuse) floor = Math.max(floor, floors.abuse);
  if (lexiconBits & BITS.accusation) floor = Math.max(floor, floors.accusation);
  if (lexiconBits & BITS.blame) floor = Math.max(floor, floors.blame);
  return floor;
}

/** Whether the floors apply: decodeLevel's test, for callers that read the floors only when needed. */
export function socialPost(hasBank: boolean, gateLogit: number): boolean {
  return (hasBank ? 1 / (1 + Math.exp(-gateLogit)) : 0) < 0.5;
}

/**
 * Level from the two heads' per-level logits: each head's logits weighted by the gate's
 * probability that the post is of its kind, the best level taken, then raised to the floor.
 * The floors hold for posts that read as social ones (X, blogs, forums: what the agent sees);
 * on posts that read as the banking ones the learned head decides alone, because there
 * the annotators put many "fraud", "cancel" or "RBI" posts at levels 1 and 2 (floors cost 5
 * points of macro-F1 there on a tuning split).
 */
export function decodeLevel(social: ArrayLike<number>, bank: ArrayLike<number> | null, gateLogit: number, levels: readonly number[], floor: number): number {
  const p = bank ? 1 / (1 + Math.exp(-gateLogit)) : 0;
  let best = -Infinity, level = levels[0]!;
  for (let k = 0; k < levels.length; k++) {
    const z = (1 - p) * social[k]! + (bank ? p * bank[k]! : 0);
    if (z > best) { best = z; level = levels[k]!; }
  }
  return p < 0.5 ? Math.max(level, floor) : level;
}

/**
 * Level from the ordinal heads (round 7): per threshold k the logit of "level > k+1", blended by
 * the gate as above (escalation cues already added). A running minimum keeps P(level > k) from
 * rising with k, so the level is 1 + the number of thresholds passed in a row; since the cues'
 * weights are non-negative, a cue can only raise it. Floors as in decodeLevel.
 */
export function decodeOrdinal(social: ArrayLike<number>, bank: ArrayLike<number> | null, gateLogit: number, floor: number, count = social.length): number {
  const p = bank ? 1 / (1 + Math.exp(-gateLogit)) : 0;
  let level = 1;
  for (let k = 0; k < count; k++) {
    const z = (1 - p) * social[k]! + (bank ? p * bank[k]! : 0);
    if (z <= 0) break;
    level++;
  }
  return p < 0.5 ? Math.max(level, floor) : level;
}
