/**
 * Escalation cues as inputs of the ordinal severity decoder (issue 20, round 7). Each is a
 * general kind of escalation, not a phrase from one post: the customer may leave (churn), the
 * failure keeps coming back (repetition), the service is down (outage), they lost money or
 * business (loss), they accuse or insult (accusation), they threaten a regulator, court or the
 * press (threat), and how many of the first four come together. The decoder gives these inputs
 * non-negative weights only, so adding one can raise a level and never lower it.
 * Pure: normalised text and lexicon bits in, 0/1 values out.
 */
import { categoryBit } from './lexicon';
import { MONEY_LOST } from './money-lost';

export const ESCALATION_NAMES = [
  'churn', 'repetition', 'outage', 'loss', 'accusation', 'threat', 'two kinds', 'three kinds',
] as const;
export const ESCALATION_SIZE = ESCALATION_NAMES.length;

const CHURN = categoryBit('churn');
/** Leaving said in more words than the lexicon's: "moving everything off X", "taking our business elsewhere". */
const LEAVING = /\b(?:moving|move|moved|migrating|migrate|switching|switch|taking|take|pulling|pull) (?:\w+ ){0,2}(?:off|away from|elsewhere)\b|\b(?:taking|take) (?:my|our) (?:business|money|account)\b|\bnot renewing\b|\bwont renew\b/;
const ACCUSATION = categoryBit('abuse') | categoryBit('accusation');
const THREAT = categoryBit('blame');

const ORDINAL = '(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|umpteenth|\\d+(?:nd|rd|th))';
/**
 * "third time", "fourth billing error", "second outage in a week", "reported it four times",
 * "yet again", "keeps crashing": the same failure come back. An ordinal alone ("third party",
 * "second floor") is not enough: it must count something that went wrong, or a time.
 */
const REPETITION = new RegExp(
  `\\b${ORDINAL} (?:\\w+ ){0,2}(?:time|outage|error|failure|crash|incident|issue|problem|complaint|ticket|call|email|request|attempt|charge|delay|cancellation|correction|reminder|breach|loss|bug|mistake)s?\\b` +
  '|\\b(?:\\d+|two|three|four|five|six|several|many|multiple|countless|numerous) times\\b|\\btwice\\b' +
  `|\\b${ORDINAL} (?:\\w+ )?(?:this|in a|in the|since) (?:week|month|year|quarter|update|release)\\b` +
  '|\\banother (?:\\w+ )?(?:outage|failure|error|crash|incident|delay|overcharge)\\b' +
  '|\\b(?:two|three|four|five|several|multiple|\\d+) (?:outages|failures|crashes|incidents)\\b' +
  '|\\bonce again\\b|\\bagain and again\\b|\\byet again\\b|\\bover and over\\b|\\bstill not\\b' +
  '|\\bkeeps? (?:\\w+ing|happening)\\b|\\bevery (?:single )?(?:time|day|week|month)\\b|\\bagain\\b',
);
/** The service itself is down or lost data, not one feature misbehaving. */
const OUTAGE = /\boutages?\b|\bdowntime\b|\b(?:site|service|server|servers|app|portal|platform|network|system|website|page|api|internet|wifi|connection|dashboard|store|shop|everything)\b(?: \w+){0,2} (?:went|is|was|are|were|been|goes|go|has gone) (?:down|dark|offline)\b|\bdata loss\b|\blost (?:all )?(?:my |our )?(?:data|files|work|project)\b|\bservice (?:is )?(?:unavailable|down)\b/;
/** Money or business lost: charged wrongly, money gone, sales or clients lost. */
const LOSS = /\b(?:lost|losing|lose|cost us|cost me)\b(?: \w+){0,3} (?:money|sales|revenue|clients|customers|business|orders|income|savings|deposit)\b|\b(?:charged|billed) (?:twice|double|again)\b|\bdouble charged\b|\bovercharged\b|\b(?:money|amount|funds) (?:was |were |got )?(?:deducted|debited|taken|gone|stuck)\b|\bnot (?:been )?refunded\b/;

/** Business lost (LOSS) or money lost in the words the triage reads as "lost money" (a billing error, no refund). */
function lostMoneyOrBusiness(norm: string): boolean {
  return LOSS.test(norm) || MONEY_LOST.test(norm);
}

/** Fills `out` (length ESCALATION_SIZE) with the post's escalation cues; `norm` is normalised text. */
export function escalationCues(norm: string, lexiconBits: number, out: Float64Array): Float64Array {
  const churn = (lexiconBits & CHURN) !== 0 || LEAVING.test(norm) ? 1 : 0;
  const repetition = REPETITION.test(norm) ? 1 : 0;
  const outage = OUTAGE.test(norm) ? 1 : 0;
  const loss = lostMoneyOrBusiness(norm) ? 1 : 0;
  out[0] = churn; out[1] = repetition; out[2] = outage; out[3] = loss;
  out[4] = (lexiconBits & ACCUSATION) !== 0 ? 1 : 0;
  out[5] = (lexiconBits & THREAT) !== 0 ? 1 : 0;
  const kinds = churn + repetition + outage + loss;
  out[6] = kinds >= 2 ? 1 : 0;
  out[7] = kinds >= 3 ? 1 : 0;
  return out;
}

/**
 * Leaving, strictly: the lexicon's churn list also holds "refund", and asking for one's money back
 * is not walking away, so the compound floor reads leaving from these words only.
 */
const WALKING_AWAY = /\bcancel(?:ling|ing|led|ed)?\b|\bcancellation\b|\b(?:switching|switch|switched|moving|move|going) to\b|\b(?:close|closing|closed) (?:my|our) account\b|\bleaving\b|\bnever (?:again|using|use|buying|buy)\b|\bdone with\b|\bunsubscribe\b|\bchargeback\b|\bcompetitor\b|\banother (?:provider|host|supplier|vendor|platform|bank)\b/;

/**
 * Level the cues guarantee together: a customer who is leaving over a failure that keeps coming
 * back (repetition) and that took the service down or cost them money holds the company to account
 * for it, Trosborg's accusation (3), whatever single words the post uses. `norm` is normalised text.
 */
export function compoundFloor(norm: string, cues: ArrayLike<number>): number {
  const repeated = cues[1] === 1, harmed = cues[2] === 1 || cues[3] === 1;
  return repeated && harmed ? floorIfLeaving(norm) : 0;
}

/** compoundFloor from the text alone, testing the rarest cue first (most complaints repeat nothing): the one-vs-rest path needs no other cue. */
export function compoundFloorOfText(norm: string): number {
  if (!REPETITION.test(norm) || !(OUTAGE.test(norm) || lostMoneyOrBusiness(norm))) return 0;
  return floorIfLeaving(norm);
}

/** The compound floor's last condition, once repetition and harm are known: the customer is leaving. */
function floorIfLeaving(norm: string): number {
  return LEAVING.test(norm) || WALKING_AWAY.test(norm) ? 3 : 0;
}
