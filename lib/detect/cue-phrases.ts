/**
 * Grievance phrases: the few words of a post that say what went wrong ("never fixed", "billing
 * error", "lost my package", "charged me twice"), found by a small phrase grammar around
 * grievance words rather than by model weight alone, so a cue is something an agent can read
 * back to the customer. A grievance word is the head; the phrase grows to the words that make
 * it say something: the object of a verb, the word a negation denies, the noun a fault belongs
 * to. Greetings, pronouns and the product's own nouns are never a cue on their own: they are
 * never heads, only ever the object or subject of one.
 */
import { hashString } from './hash';
import { TokenKind, type Scan } from './tokens';

/** Words that carry no meaning on their own; they may sit inside a phrase, never end one. */
export const FUNCTION_WORDS = new Set([
  'i', 'me', 'my', 'mine', 'myself', 'you', 'your', 'yours', 'u', 'ur', 'we', 'us', 'our', 'they', 'them', 'their',
  'he', 'him', 'she', 'his', 'her', 'it', 'its', 'itself', 'is', 'are', 'am', 'was', 'were', 'be', 'been', 'being', 'will',
  'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must', 'the', 'a', 'an', 'this', 'that', 'these', 'those',
  'to', 'of', 'and', 'or', 'but', 'if', 'then', 'than', 'on', 'in', 'into', 'for', 'from', 'at', 'by', 'with', 'about',
  'as', 'so', 'have', 'has', 'had', 'do', 'does', 'did', 'just', 'also', 'too', 'very', 'all', 'any', 'some',
  'what', 'when', 'where', 'why', 'how', 'who', 'which', 'there', 'here', 'now', 'get', 'got', 'im', 'ive', 'id', 'ill',
  'youre', 'theyre', 'were', 'its', 'out', 'up', 'really', 'even', 'yet', 'since', 'after', 'before', 'over', 'again',
  'today', 'yesterday', 'tomorrow', 'ago', 'still', 'ever', 'already', 'one', 'guys', 'lol', 'pls', 'please', 'without',
  'because', 'while', 'until', 'though', 'although', 'during', 'per', 'via', 'against', 'within', 'across', 'behind', 'every',
  'everyone', 'anyone', 'someone', 'anything', 'something', 'everything', 'else', 'going', 'gonna', 'able', 'let', 'https', 'http', 'www',
]);

/** Openers and sign-offs: never part of a cue. */
export const GREETINGS = new Set(['hi', 'hello', 'hey', 'dear', 'greetings', 'morning', 'evening', 'thanks', 'thank', 'thx', 'cheers', 'regards', 'sir', 'madam', 'team', 'folks', 'hiya', 'yo']);

// A negation denies the next meaningful word: "never fixed", "no reply", "still not working".
const NEGATIONS = new Set(['never', 'not', 'no', 'unable', 'cant', 'cannot', 'wont', 'doesnt', 'dont', 'didnt', 'isnt', 'wasnt', 'arent',
  'werent', 'hasnt', 'havent', 'hadnt', 'couldnt', 'wouldnt', 'nobody', 'nothing', 'nowhere', 'noone']);
// ...but "don't know", "not sure" deny nothing the customer holds against us.
const NEGATION_NOT_GRIEVANCE = new Set(['know', 'think', 'sure', 'mind', 'worry', 'hesitate', 'understand', 'want', 'need', 'like', 'see', 'bad', 'problem', 'only', 'matter']);

// Verbs of harm: the phrase takes their object ("lost my package", "blamed me", "broke everything").
const HARM_VERBS = new Set(['lost', 'lose', 'losing', 'broke', 'breaks', 'blamed', 'blame', 'blaming', 'charged', 'charging', 'charge',
  'overcharged', 'billed', 'double', 'cancelled', 'canceled', 'cancelling', 'canceling', 'deleted', 'ignored', 'ignoring',
  'ruined', 'stole', 'steal', 'stealing', 'refused', 'refuses', 'wasted', 'wasting', 'locked', 'banned', 'suspended', 'scammed',
  'cheated', 'lied', 'lying', 'misled', 'crashed', 'crashes', 'crashing', 'failed', 'fails', 'failing', 'declined', 'deducted',
  'debited', 'waiting', 'keeps', 'stopped', 'killed', 'removed', 'hacked', 'delayed', 'wiped', 'leaking', 'leaked',
  'switching', 'leaving', 'moving', 'closing', 'hung', 'dropped', 'disconnected', 'rejected', 'denied', 'robbed', 'hike', 'hiked',
  // Round 13: the other forms of the same verbs (a harm said in the present, "the app deletes my
  // drafts", is the same harm). Bare infinitives stay out: "how do I delete my account?" asks, it does not accuse.
  'loses', 'breaking', 'deletes', 'deleting', 'ignores', 'ruins', 'ruining', 'wipes', 'wiping', 'refusing', 'wastes',
  'overcharging', 'scamming', 'cheating', 'rejecting', 'denying', 'dropping', 'bricked', 'bricking', 'bricks']);

// Faults and verdicts, said of something: "billing error", "really disappointed", "is a joke".
const FAULT_WORDS = new Set(['disappointed', 'disappointing', 'terrible', 'horrible', 'awful', 'worst', 'unacceptable', 'ridiculous',
  'useless', 'pathetic', 'rude', 'unusable', 'buggy', 'frustrating', 'frustrated', 'annoying', 'appalling', 'disgusting', 'shocking',
  'incompetent', 'misleading', 'joke', 'scam', 'fraud', 'nightmare', 'disaster', 'mess', 'error', 'errors', 'outage', 'outages',
  'downtime', 'bug', 'bugs', 'glitch', 'glitches', 'refund', 'fees', 'overcharge', 'delay', 'delays', 'gone', 'broken', 'missing',
  'down', 'slow', 'laggy', 'fired', 'liars', 'liar', 'idiots', 'idiot', 'clowns', 'thieves', 'crooks', 'scammers', 'morons',
  'fed', 'sick', 'tired', 'hate', 'furious', 'angry', 'upset', 'sucks', 'garbage', 'trash', 'rubbish', 'lawyer', 'sue',
  'chargeback', 'unresponsive', 'offline', 'expired', 'dead', 'late', 'wrong', 'damaged', 'defective', 'faulty', 'overpriced',
  'stuck', 'blocked', 'frozen', 'suspended', 'closed', 'bad', 'poor', 'suck', 'unwatchable', 'disappeared', 'terrified', 'buffers',
  'buffering', 'flickering', 'freezes', 'freezing', 'lagging', 'unplayable', 'scratched', 'cracked', 'leaking', 'cold', 'stale', 'dirty']);
// Too vague alone; a cue only with the word that makes them specific ("billing issue").
const NEEDS_MODIFIER = new Set(['late', 'wrong', 'bad', 'poor', 'cold', 'dirty', 'down', 'fed', 'sick', 'tired', 'dead', 'slow', 'gone', 'missing', 'broken', 'double', 'hike',
  'stuck', 'blocked', 'frozen', 'suspended', 'closed']);

const INTENSIFIERS = new Set(['really', 'so', 'very', 'extremely', 'totally', 'completely', 'absolutely', 'utterly', 'truly', 'super',
  'beyond', 'incredibly', 'seriously', 'such', 'total', 'complete', 'absolute', 'constant', 'repeated', 'another', 'third', 'second',
  'fourth', 'fifth']);
const COPULA = new Set(['is', 'was', 'are', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'still', 'now', 'always', 'got', 'just', 'keeps', 'getting']);
const MODALS = new Set(['should', 'must', 'ought', 'need', 'needs']);
const DETERMINERS = new Set(['my', 'our', 'the', 'a', 'an', 'your', 'his', 'her', 'their', 'this', 'that', 'all', 'every', 'me', 'us', 'it', 'to', 'out', 'off', 'down']);
const OBJECT_ENDS = new Set(['me', 'us', 'everything', 'it', 'twice', 'again', 'out', 'off', 'forever', 'everyone']);
const AFTER_OBJECT = new Set(['twice', 'again', 'out', 'off', 'forever', 'double']);

export interface GrievancePhrase {
  text: string;
  /** Token positions covered, for overlap checks. */
  from: number;
  to: number;
  /** How much the phrase says on its face (harm and faults above negations). */
  strength: number;
}

interface Token { text: string; key: string; breakBefore: boolean }

const JUDGEMENTS = /^(worst|terrible|horrible|awful|useless|pathetic|rude|unacceptable|ridiculous|shocking|appalling|bad|poor|wrong|cold|dirty)$/;
// Links and handles are where the post was written, not what went wrong: they break a phrase.
const NOT_WORDS = /https?:\/\/\S+|www\.\S+|@[\p{L}\p{N}_]+/gu;

const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*|[.!?;,:()\n"]+/gu;

const HAS_NOT_WORDS = /https?:|www\.|@/;
// TOKEN's other branch: a run of these punctuation marks, which only breaks a clause.
const BREAK_CHARS = new Set('.!?;,:()\n"');

// Called for every post near the complaint cut-off (grievance-prior.ts): one regex walk, and the
// link/handle pass and apostrophe folding only when the text has them.
function tokenise(norm: string, maxWords = Infinity): Token[] {
  const out: Token[] = [];
  let pendingBreak = true;
  const text = HAS_NOT_WORDS.test(norm) ? norm.replace(NOT_WORDS, ' . ') : norm;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m && out.length < maxWords; m = TOKEN.exec(text)) {
    const t = m[0];
    if (BREAK_CHARS.has(t[0]!)) { pendingBreak = true; continue; }
    out.push({ text: t, key: t.includes("'") || t.includes('’') ? t.replace(/['’]/g, '') : t, breakBefore: pendingBreak });
    pendingBreak = false;
  }
  return out;
}

/** A word that can end a phrase and mean something: not a function word, greeting or number alone. */
function meaningful(key: string): boolean {
  return key.length >= 2 && !FUNCTION_WORDS.has(key) && !GREETINGS.has(key) && !NEGATIONS.has(key) && !/^\d+$/.test(key);
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/**
 * False when no harm verb or fault word is in the text, so no phrase of strength 2.5 or more can
 * be (grievance-prior.ts): a scan with an early exit and no token objects, about a third of the
 * cost of grievancePhrases on a tweet. True does not mean there is one.
 */
export function mayHoldGrievance(norm: string): boolean {
  WORD.lastIndex = 0;
  for (let m = WORD.exec(norm); m; m = WORD.exec(norm)) {
    let key = m[0];
    if (key.includes("'") || key.includes('’')) key = key.replace(/['’]/g, '');
    if (HARM_VERBS.has(key) || FAULT_WORDS.has(key)) return true;
  }
  return false;
}

const GRIEVANCE_WORD_HASHES = new Set([...HARM_VERBS, ...FAULT_WORDS].map((w) => hashString(w)));
/**
 * Text where the feature scanner (tokens.ts) might join into one word what WORD splits: an
 * underscore, an apostrophe before a digit, a vertical tab or form feed (the scanner's links run
 * past them, the phrase grammar's stop there) or any letter outside ASCII. Emoji (surrogate pairs)
 * are fine: the scanner only ever splits words at them.
 */
const SCAN_MAY_JOIN = /[_\v\f]|'\d|[\u0080-\ud7ff\ue000-\uffff]/;

/**
 * mayHoldGrievance from the features already extracted for `norm` (its scan): each word token's
 * hash is looked up, no regex walk and no strings. On plain text every word the phrase grammar
 * could make a head of is a word token of the scan (links and handles aside, which the grammar
 * drops), so false here means no phrase; hash collisions only ever answer true. Other text takes
 * the regex walk.
 */
export function mayHoldGrievanceInScan(norm: string, scan: Scan): boolean {
  if (SCAN_MAY_JOIN.test(norm)) return mayHoldGrievance(norm);
  const kinds = scan.tokenKind, hashes = scan.tokenHash;
  for (let t = 0; t < scan.nTokens; t++) if (kinds[t] === TokenKind.Word && GRIEVANCE_WORD_HASHES.has(hashes[t]!)) return true;
  return false;
}

const same = (tokens: Token[], i: number) => i >= 0 && i < tokens.length;
/** Token i continues the clause of token i-1. */
const joins = (tokens: Token[], i: number) => same(tokens, i) && !tokens[i]!.breakBefore;

function addPhrase(found: GrievancePhrase[], tokens: Token[], from: number, to: number, strength: number): void {
  for (let n = from; n <= to; n++) if (GREETINGS.has(tokens[n]!.key)) return;
  found.push({ text: tokens.slice(from, to + 1).map((w) => w.text).join(' '), from, to, strength });
}

/**
 * Every grievance phrase in a normalised text, in text order; overlapping ones are all listed.
 * `minStrength` above 2 leaves negations out; `limit` stops at that many phrases (the prior counts two).
 */
export function grievancePhrases(norm: string, maxTokens = 400, minStrength = 0, limit = Infinity): GrievancePhrase[] {
  const tokens = tokenise(norm, maxTokens);
  const found: GrievancePhrase[] = [];

  for (let i = 0; i < tokens.length && found.length < limit; i++) {
    const key = tokens[i]!.key;
    if (NEGATIONS.has(key)) {
      if (minStrength > 2) continue;
      // The negation and what it denies, up to three words on: "still no reply", "hasn't been fixed".
      let end = -1;
      // "no" denies the very next word ("no reply"); "oh no, my jeans" denies nothing.
      const reach = key === 'no' ? 1 : 3;
      for (let j = i + 1; j <= i + reach && joins(tokens, j); j++) {
        if (meaningful(tokens[j]!.key)) { end = j; break; }
      }
      if (end < 0 || NEGATION_NOT_GRIEVANCE.has(tokens[end]!.key)) continue;
      const from = i > 0 && joins(tokens, i) && tokens[i - 1]!.key === 'still' ? i - 1 : i;
      addPhrase(found, tokens, from, end, 2);
    } else if (HARM_VERBS.has(key)) {
      // The verb and its object: determiners and possessives carry on, a meaningful word or an object pronoun ends.
      let end = i;
      for (let j = i + 1; j <= i + 3 && joins(tokens, j); j++) {
        const k = tokens[j]!.key;
        if (OBJECT_ENDS.has(k) || meaningful(k)) {
          end = j;
          const next = joins(tokens, j + 1) ? tokens[j + 1]!.key : '';
          // "charged me twice"; "losing real money" (a noun after its adjective).
          if (AFTER_OBJECT.has(next) || (meaningful(k) && meaningful(next) && !FAULT_WORDS.has(next) && !HARM_VERBS.has(next))) end = j + 1;
          break;
        }
        if (!DETERMINERS.has(k)) break;
      }
      if (end === i && NEEDS_MODIFIER.has(key)) continue;
      addPhrase(found, tokens, i, end, 3);
    } else if (FAULT_WORDS.has(key)) {
      // What the fault is said of: "billing error", "really disappointed", "button is gone", "should be fired", "is a joke".
      let from = i;
      if (joins(tokens, i) && (meaningful(tokens[i - 1]!.key) || INTENSIFIERS.has(tokens[i - 1]!.key)) && !HARM_VERBS.has(tokens[i - 1]!.key)) from = i - 1;
      else {
        let j = i - 1;
        while (j >= i - 3 && joins(tokens, j + 1) && same(tokens, j) && (COPULA.has(tokens[j]!.key) || ['a', 'an', 'such', 'so', 'really', 'not'].includes(tokens[j]!.key))) j--;
        const run = tokens.slice(j + 1, i).map((t) => t.key);
        if (run.some((k) => COPULA.has(k))) {
          const lead = run[0]!;
          if (same(tokens, j) && joins(tokens, j + 1) && (meaningful(tokens[j]!.key) || MODALS.has(tokens[j]!.key))) from = j; // "button is gone", "should be fired"
          else if (COPULA.has(lead) && (tokens[i - 1]!.key === 'a' || tokens[i - 1]!.key === 'an')) from = j + 1; // "is a joke"
        }
      }
      // "worst service", "terrible support": the thing judged follows the judgement.
      let to = i;
      if (from === i && JUDGEMENTS.test(key)) {
        // ...up to two words: "worst customer service".
        while (to < i + 2 && joins(tokens, to + 1) && meaningful(tokens[to + 1]!.key) && !FAULT_WORDS.has(tokens[to + 1]!.key)) to++;
      }
      if (from === i && to === i && NEEDS_MODIFIER.has(key)) continue;
      addPhrase(found, tokens, from, to, 2.5);
    }
  }
  return found;
}
