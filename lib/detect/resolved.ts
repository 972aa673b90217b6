/**
 * Praise for a problem that is already fixed ("They fixed my billing issue in 5 minutes, amazing
 * team") is not a complaint, however bad the old problem sounds. The learned model reads the
 * problem's words (billing issue, outage, lost package) and flags such posts, because the tweets it
 * learned from have few sincere thanks; this guard reads the shape of the post instead:
 *   a resolution that is not negated, hedged or asked about (fixed, sorted out, refunded, back online),
 *   + a positive evaluation (thanks, praise words, or the speed of the fix),
 *   + no sign that a grievance is still open anywhere in the post (still, again, never, nobody,
 *     "but now", sarcasm markers, strong negative words, churn, insults, accusations, threats).
 * Any open-grievance sign keeps the post with the model: "Thanks for nothing", "They fixed the
 * billing error, great, but now the app crashes" and "You supposedly fixed it, locked again" stay
 * complaints. Pure: normalised (lowercased) text in, a yes/no out.
 */
import { categoryBit } from './lexicon';
import { normalise } from './normalise';
import { createScan, scanText, type Scan } from './tokens';

/** On in what ships; only the research scripts turn it off, to measure what the guard changes. */
export const guardFlags = { resolvedPraise: true };

/** A problem fixed, returned, replaced or working again: past or perfect forms, not wishes. */
const RESOLUTION = new RegExp(String.raw`\b(` + [
  String.raw`(fixed|solved|resolved|sorted|restored|refunded|reimbursed|credited|replaced|reversed|corrected|repaired|patched|recovered|reinstated|reactivated|unblocked|unlocked|swapped|rectified|handled|remedied)( (it|this|that|them|everything|out|up|my|our|the|\w+'s))?`,
  String.raw`(cleared|straightened|sorted|figured|ironed) (it |this |that |things |everything )?out`,
  String.raw`cleared up`, String.raw`took care of`, String.raw`taken care of`,
  String.raw`back (up|online|on ?line|to normal|in service)`,
  String.raw`(working|running|works|up) again`,
  String.raw`works (now|perfectly|fine|great|again)`, String.raw`(is|are) (gone|fixed|solved|resolved|sorted)`,
  String.raw`(turned|showed) up`, String.raw`came through`, String.raw`(just |finally )?(landed|arrived)`,
  String.raw`(sent|shipped|issued) (me |us )?(a |the )?(replacement|new one|refund|credit)`,
  String.raw`(problem|issue|all) (solved|sorted|fixed|resolved)`, String.raw`the fix (shipped|landed|worked)`,
  String.raw`got (it|my \w+|our \w+|the \w+|\w+) (back|working|fixed|sorted|running)`,
  String.raw`(managed|able|helped( me| us)?|went above and beyond|stepped in|quick|quickly|fast) to (fix|sort|solve|resolve|restore|recover|replace|refund|repair|unlock|unblock)`,
  String.raw`(thanks|thank you|thank u|grateful|kudos|cheers|props) (\w+ ){0,3}for (fixing|sorting|solving|resolving|restoring|refunding|replacing|recovering|unlocking|unblocking|reinstating|reactivating|correcting|repairing|getting)`,
].join('|') + String.raw`)\b`);

/**
 * A resolution word right after one of these is reported speech, a hedge or a doubt, not a fix:
 * "supposedly fixed", "said it was resolved", "claims it is sorted", "marked as solved".
 */
const HEDGE_BEFORE = /\b(supposedly|apparently|allegedly|so-called|claim(s|ed)?|said|say|says|told me|marked( as)?|pretend(s|ed)?|meant to be|supposed to be|should be|should have|could have|would have|not|never|isnt|wasnt|hasnt|havent|didnt|no longer|yet to be|still not|if|until|when|hope|hoping|please|pls|get|gets|getting|will|to be|to get|be)( \S+){0,3} $/;

/** Praise or thanks, or the speed of the fix as praise ("in 5 minutes", "the same day"). */
const POSITIVE = new RegExp(String.raw`\b(` + [
  'thanks', 'thank you', 'thank u', 'thx', 'ty', 'cheers', 'kudos', 'props', 'shout ?out', 'hats off', 'grateful', 'gratitude',
  'appreciate[ds]?', 'appreciated', 'much appreciated', 'impressed', 'impressive', 'amazing(ly)?', 'awesome', 'great', 'brilliant(ly)?',
  'fantastic', 'excellent', 'superb', 'wonderful', 'lovely', 'perfect(ly)?', 'outstanding', 'stellar', 'top notch', 'top marks',
  'first class', 'five stars?', '5 stars?', '10/10', 'a\\+', 'well done', 'good job', 'great job', 'nice work', 'great work', 'good work',
  'lifesavers?', 'life savers?', 'saved my', 'heroe?s?', 'legends?', 'stars?', 'rock(ed|s)?', 'nailed it', 'spot on', 'above and beyond',
  'cannot fault', 'cant fault', 'could not ask for more', 'highly recommend', 'recommend', 'delighted', 'happy', 'glad', 'pleased',
  'relieved', 'thrilled', 'love', 'loved', 'helpful', 'friendly', 'kind', 'patient', 'professional', 'smooth(ly)?', 'seamless(ly)?',
  'painless', 'easy', 'effortless', 'quick(ly)?', 'fast', 'swift(ly)?', 'promptly?', 'speedy', 'no questions asked', 'no fuss', 'hassle free',
  String.raw`(with)?in (\d+|a|an|one|two|three|ten|twenty|a few) (minutes?|mins?|hours?|hrs?|day)`, 'same day', 'overnight', 'right away',
  'straight away', 'in no time', 'before lunch', 'within minutes',
].join('|') + String.raw`)\b`);

/**
 * Signs that a grievance is still open somewhere in the post. Past problems ("my package got lost",
 * "a nightmare with a double charge") are not here: they are what a resolution resolves.
 */
const OPEN_GRIEVANCE = new RegExp(String.raw`\b(` + [
  'still', '(second|third|fourth|fifth|sixth|umpteenth|\\d+(st|nd|rd|th)) time', 'yet again', 'once again', 'again and again', 'same (problem|issue|error|bug|thing)', 'another', 'anymore', 'every (time|day|week|month)',
  'keeps?', 'kept (happening|breaking|failing|crashing)', 'never', 'nobody', 'no one', 'none', 'nothing', 'without', 'not', 'no longer',
  '(can|could|does|did|is|was|are|were|has|have|had|wo|would|should)n ?t', 'cant', 'cannot(?! fault)', 'wont', 'dont', 'doesnt', 'didnt', 'isnt', 'wasnt', 'arent', 'werent',
  'hasnt', 'havent', 'hadnt', 'wouldnt', 'couldnt', 'shouldnt', 'for nothing', 'as usual', 'of course not', 'yeah right',
  'supposedly', 'apparently', 'allegedly', 'so-called', 'instead', 'but now', 'except', 'however', 'although', 'though', 'unfortunately',
  'worse', 'worst', 'terrible', 'horrible', 'awful', 'useless', 'pathetic', 'ridiculous', 'unacceptable', 'disappointed', 'disappointing',
  'joke', 'disgrace', 'fed up', 'the hell', 'wtf', 'ffs', 'seriously', 'cancel\\w*', 'switch(ing|ed)? to', 'moving to', 'leaving', 'close my account', 'unsubscrib\\w*', 'done with', 'chargeback', 'sick of', 'tired of', 'annoyed', 'angry', 'furious', 'frustrat\\w*', 'shame', 'rude', 'hate',
  'broke (it|everything|the|my|our|something)', 'breaking', 'crashe?s', 'crashing', 'deletes?', 'deleting', 'lose', 'losing', 'lost (my|our|all|the) (data|files|work|money|orders?|sales)',
  'created', 'wrong (amount|one|item|size)', 'who pays', 'compensat\\w*', 'waiting', 'hung up', 'ignored', 'ignoring', 'charging', 'fees?',
  'again(?<!(working|running|up|works|online) again)',
].join('|') + String.raw`)\b|\?`);

// Not churn: its list holds "refund" and "money back", which a resolved post mentions; churn words are in OPEN_GRIEVANCE.
const ANGRY = categoryBit('abuse') | categoryBit('accusation') | categoryBit('blame');

/** Idioms of praise that contain a negation: taken out before the open-grievance check. */
const PRAISE_IDIOMS = /\b(no questions asked|no fuss|no hassle|no complaints|cannot fault|cant fault|could not ask for more|couldnt ask for more|could not be happier|couldnt be happier|not a single (problem|issue) since|no (problems|issues) since)\b/g;

/**
 * Every resolution above needs one of these words; checking the post's token hashes for them is a
 * few table probes, so the regexes below run only on the few flagged posts that have one.
 */
const RESOLUTION_WORDS = new Set<number>();
{
  const scan = createScan(2000);
  scanText(normalise(
    'fixed solved resolved sorted restored refunded reimbursed credited replaced reversed corrected repaired patched recovered ' +
    'reinstated reactivated unblocked unlocked swapped rectified handled remedied cleared straightened figured ironed took taken ' +
    'back again works gone turned showed came landed arrived sent shipped issued fix got working running ' +
    'fixing sorting solving resolving restoring refunding replacing recovering unlocking unblocking reinstating reactivating ' +
    'correcting repairing getting sort solve resolve restore recover replace refund repair unlock unblock',
  ), scan);
  for (let t = 0; t < scan.nTokens; t++) RESOLUTION_WORDS.add(scan.tokenHash[t]!);
}

/** Cheap necessary condition for isResolvedPraise, from the post's scan (tokens.ts). */
export function mayMentionResolution(scan: Scan): boolean {
  for (let t = 0; t < scan.nTokens; t++) if (RESOLUTION_WORDS.has(scan.tokenHash[t]!)) return true;
  return false;
}

/** True for a post that praises or thanks for a fix and shows no grievance still open. */
export function isResolvedPraise(norm: string, lexiconBits: number): boolean {
  if (!guardFlags.resolvedPraise) return false;
  if ((lexiconBits & ANGRY) !== 0) return false;
  const text = norm.replace(/[\u2019']/g, '').replace(/\s+/g, ' ');
  // Open grievance first: on a complaint it matches within a few words, so most flagged posts
  // stop here without scanning for praise.
  if (OPEN_GRIEVANCE.test(text) && OPEN_GRIEVANCE.test(text.replace(PRAISE_IDIOMS, ' '))) return false;
  if (!POSITIVE.test(text)) return false;
  return hasResolution(text);
}

function hasResolution(text: string): boolean {
  const re = new RegExp(RESOLUTION.source, 'g');
  for (const m of text.matchAll(re)) {
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    if (!HEDGE_BEFORE.test(before)) return true;
  }
  return false;
}
