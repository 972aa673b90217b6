/**
 * Phrase matching on token hashes: each phrase is tokenised like post text and stored by the
 * hash of its last uni/bi/trigram in an open-addressed table, so matching a post is a few
 * array probes per token and allocates nothing.
 */
import { mix } from './hash';
import { LEXICON, LEXICON_CATEGORIES } from './lexicon-terms';
import { createScan, scanText, type Scan } from './tokens';
import { normalise } from './normalise';

const TABLE_BITS = 12;
const TABLE_MASK = (1 << TABLE_BITS) - 1;
const keys = new Int32Array(1 << TABLE_BITS);
const bits = new Int32Array(1 << TABLE_BITS); // 0 = empty slot
/** Longest phrase in tokens, per entry, is 3; the runtime checks uni, bi and trigrams. */
const MAX_PHRASE = 3;

function phraseHash(hashes: ArrayLike<number>, from: number, n: number): number {
  let h = hashes[from]!;
  for (let k = 1; k < n; k++) h = mix(h, hashes[from + k]!);
  return h === 0 ? 1 : h;
}

function insert(h: number, bit: number): void {
  let slot = h & TABLE_MASK;
  while (bits[slot] !== 0 && keys[slot] !== h) slot = (slot + 1) & TABLE_MASK;
  keys[slot] = h;
  bits[slot] = bits[slot]! | bit;
}

function lookup(h: number): number {
  let slot = h & TABLE_MASK;
  for (;;) {
    const b = bits[slot]!;
    if (b === 0) return 0;
    if (keys[slot] === h) return b;
    slot = (slot + 1) & TABLE_MASK;
  }
}

const phraseScan = createScan(200);
LEXICON_CATEGORIES.forEach((category, index) => {
  for (const phrase of LEXICON[category]) {
    scanText(normalise(phrase), phraseScan);
    const n = phraseScan.nTokens;
    if (n < 1 || n > MAX_PHRASE) throw new Error(`lexicon phrase must be 1..${MAX_PHRASE} tokens: ${phrase}`);
    insert(phraseHash(phraseScan.tokenHash, 0, n), 1 << index);
  }
});

export function categoryBit(category: (typeof LEXICON_CATEGORIES)[number]): number {
  return 1 << LEXICON_CATEGORIES.indexOf(category);
}

/**
 * Categories matched by the scanned text, OR-ed as bits. When `hitTokens` is given, the
 * last token index of each hit and its phrase length are written there (cue extraction).
 */
export function lexiconHits(scan: Scan, hitTokens?: { end: number; length: number; bits: number }[]): number {
  let found = 0;
  const hashes = scan.tokenHash;
  for (let t = 0; t < scan.nTokens; t++) {
    for (let n = 1; n <= MAX_PHRASE && n <= t + 1; n++) {
      const b = lookup(phraseHash(hashes, t - n + 1, n));
      if (b !== 0) {
        found |= b;
        if (hitTokens) hitTokens.push({ end: t, length: n, bits: b });
      }
    }
  }
  return found;
}

