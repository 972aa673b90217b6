/**
 * Feature extraction shared by training and scoring (the parity test holds them together).
 * Two hashed views, each scaled by 1/sqrt(count) so long and short posts score alike:
 *   word view: token unigrams + bigrams (with a start-of-text marker), plus each @mention's handle,
 *   char view: boundary-padded char 2..5-grams of words,
 * plus one dense feature per lexicon category.
 */
import { FNV_OFFSET, fnvStep, mix } from './hash';
import { lexiconHits } from './lexicon';
import { markPlaces } from './places';
import { LEXICON_CATEGORIES } from './lexicon-terms';
import { MAX_CHARS } from './normalise';
import { createScan, scanText, TokenKind, type Scan } from './tokens';

/** Shape features after the lexicon ones: @mentions (tagging regulators, police), amounts/ids, length, tone marks. */
const SHAPE_NAMES = ['shape:mentions', 'shape:numbers', 'shape:length', 'shape:bang', 'shape:question'];
export const DENSE_NAMES = [...LEXICON_CATEGORIES.map((c) => `lexicon:${c}`), ...SHAPE_NAMES];
const NL = LEXICON_CATEGORIES.length;
export const DENSE_SIZE = DENSE_NAMES.length;
const BOS_HASH = FNV_OFFSET ^ 0x2545f491;

/**
 * Feature switches: the values here are what ships; only the tuning benches (scripts/detect) flip
 * them, to measure the alternatives. handles: each @mention also adds a word feature for the handle
 * itself (tagging a consumer forum, regulator or the press is how FINCORP's "blame" posts escalate).
 * trigrams: word 3-grams (measured, not shipped).
 * mentions: @mentions as features (a token in the word n-grams and the shape:mentions count). Set
 * from the weights file when it is decoded (model.ts); off in weights trained since issue 20: tweets sent to a support account carry one, a blog or forum comment does not, so
 * with it on the verdict leaned on where the text was written (0.81 -> 0.69 macro-F1 without handles).
 * places: links, "cc"/"via" before a handle and "on Reddit"/"in this forum" leave no feature
 * (places.ts; issue 20, round 6). Set from the weights file like mentions; off in older files.
 */
export const featureFlags = { handles: false, trigrams: false, mentions: true, places: false };
const HANDLE_SEED = FNV_OFFSET ^ 0x68a4c1d3;

export interface FeatureSet {
  scan: Scan;
  /** 1 for tokens of the scan that give no feature (places.ts). */
  skip: Uint8Array;
  nWord: number;
  wordHash: Int32Array;
  /** Token index that each word feature ends at (cues). */
  wordToken: Int32Array;
  /** 1 for bigrams, 0 for unigrams (cues show both words of a bigram). */
  wordIsBigram: Uint8Array;
  lexiconBits: number;
  dense: Float64Array;
}

export function createFeatureSet(maxChars: number = MAX_CHARS): FeatureSet {
  const scan = createScan(maxChars);
  const max = 4 * (maxChars + 1);
  return {
    scan,
    skip: new Uint8Array(maxChars + 1),
    nWord: 0,
    wordHash: new Int32Array(max),
    wordToken: new Int32Array(max),
    wordIsBigram: new Uint8Array(max),
    lexiconBits: 0,
    dense: new Float64Array(DENSE_SIZE),
  };
}

/** Fill `f` from already-normalised text (normalise.ts), at most MAX_CHARS long. */
export function extract(norm: string, f: FeatureSet): void {
  const scan = f.scan;
  scanText(norm, scan);
  let w = 0;
  let prev = BOS_HASH;
  let prev2 = BOS_HASH;
  const tokens = scan.tokenHash;
  const skip = f.skip;
  let skipped = 0;
  if (featureFlags.places) {
    skip.fill(0, 0, scan.nTokens);
    skipped = markPlaces(scan, skip);
    if (skipped > 0) dropGrams(scan, skip);
  }
  for (let t = 0; t < scan.nTokens; t++) {
    // A skipped @mention leaves no trace: the bigram bridges it, as if it had never been written.
    if (!featureFlags.mentions && scan.tokenKind[t] === TokenKind.User && !featureFlags.handles) continue;
    if (skipped > 0 && skip[t] === 1) continue;
    const h = tokens[t]!;
    f.wordHash[w] = h; f.wordToken[w] = t; f.wordIsBigram[w++] = 0;
    f.wordHash[w] = mix(prev, h); f.wordToken[w] = t; f.wordIsBigram[w++] = 1;
    if (featureFlags.trigrams && t > 0) { f.wordHash[w] = mix(mix(prev2, prev), h); f.wordToken[w] = t; f.wordIsBigram[w++] = 1; }
    if (featureFlags.handles && scan.tokenKind[t] === TokenKind.User) {
      let hh = HANDLE_SEED;
      for (let i = scan.tokenStart[t]! + 1; i < scan.tokenEnd[t]!; i++) hh = fnvStep(hh, norm.charCodeAt(i));
      f.wordHash[w] = hh; f.wordToken[w] = t; f.wordIsBigram[w++] = 0;
    }
    prev2 = prev;
    prev = h;
  }
  f.nWord = w;
  const bits = lexiconHits(scan);
  f.lexiconBits = bits;
  for (let k = 0; k < NL; k++) f.dense[k] = (bits >>> k) & 1;
  let users = 0, nums = 0, bang = 0, question = 0;
  const kinds = scan.tokenKind;
  for (let t = 0; t < scan.nTokens; t++) {
    const k = kinds[t]!;
    if (k === TokenKind.User) users++;
    else if (k === TokenKind.Num) nums++;
    else if (k === TokenKind.Bang) bang = 1;
    else if (k === TokenKind.Question) question = 1;
  }
  f.dense[NL] = featureFlags.mentions ? Math.log1p(users) / 2 : 0;
  f.dense[NL + 1] = Math.log1p(nums) / 2;
  // Length without the @mentions when they are ignored: a handle must not make a post "longer".
  f.dense[NL + 2] = Math.log1p((featureFlags.mentions ? scan.nTokens : scan.nTokens - users) - skipped) / 4;
  f.dense[NL + 3] = bang;
  f.dense[NL + 4] = question;
}

/** Removes the char n-grams of skipped tokens from the scan, in place (order kept). */
function dropGrams(scan: Scan, skip: Uint8Array): void {
  const grams = scan.gramHash, owner = scan.gramToken;
  let g = 0;
  for (let i = 0; i < scan.nGrams; i++) {
    if (skip[owner[i]!] === 1) continue;
    grams[g] = grams[i]!; owner[g++] = owner[i]!;
  }
  scan.nGrams = g;
}

/** Index of the @mention count among the dense features. */
export const MENTION_SLOT = NL;

/**
 * The @mention count as the shape feature writes it, whatever the switches. The banking severity
 * head reads it (tagging a regulator or consumer forum is how FINCORP's posts escalate); nothing
 * else does once mentions are off, so a handle never changes whether a post is a complaint.
 */
export function mentionValue(scan: Scan): number {
  let users = 0;
  for (let t = 0; t < scan.nTokens; t++) if (scan.tokenKind[t] === TokenKind.User) users++;
  return Math.log1p(users) / 2;
}

/** Inverse square-root scale of a view with `n` features (0 for an empty view). */
export function viewScale(n: number): number {
  return n > 0 ? 1 / Math.sqrt(n) : 0;
}
