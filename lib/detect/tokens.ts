/**
 * Tokeniser over normalised text (see normalise.ts), written as a char-code scan that
 * hashes in place: the hot path allocates no strings (issue 3: ≥200k posts/s).
 * URLs, @mentions and numbers collapse to one token each; '!' and '?' runs are tokens
 * because they carry tone; word character n-grams (2..5, with word boundaries) give
 * robustness to misspellings and inflections.
 */
import { FNV_OFFSET, fnvStep, hashString } from './hash';
import { MAX_CHARS } from './normalise';

export const enum TokenKind { Word = 0, Url = 1, User = 2, Num = 3, Bang = 4, Question = 5, Symbol = 6 }

export const URL_HASH = hashString('\u0001url');
export const USER_HASH = hashString('\u0001user');
export const NUM_HASH = hashString('\u0001num');
export const BANG_HASH = hashString('!');
export const QUESTION_HASH = hashString('?');
/** Char n-grams use their own seed so they do not collide systematically with whole words. */
const CHAR_SEED = FNV_OFFSET ^ 0x5bd1e995;
const MIN_GRAM = 2;
const MAX_GRAM = 5;

/** Reusable output of one scan; sized for MAX_CHARS so scanning never allocates. */
export interface Scan {
  nTokens: number;
  tokenHash: Int32Array;
  tokenKind: Uint8Array;
  /** Offsets into the normalised text, for human-readable cues. */
  tokenStart: Int32Array;
  tokenEnd: Int32Array;
  nGrams: number;
  gramHash: Int32Array;
  /** Token index each char n-gram belongs to, so cues can credit the word. */
  gramToken: Int32Array;
}

export function createScan(maxChars: number = MAX_CHARS): Scan {
  const maxTokens = maxChars + 1;
  const maxGrams = (maxChars + 2) * (MAX_GRAM - MIN_GRAM + 1);
  return {
    nTokens: 0,
    tokenHash: new Int32Array(maxTokens),
    tokenKind: new Uint8Array(maxTokens),
    tokenStart: new Int32Array(maxTokens),
    tokenEnd: new Int32Array(maxTokens),
    nGrams: 0,
    gramHash: new Int32Array(maxGrams),
    gramToken: new Int32Array(maxGrams),
  };
}

function isWordChar(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c === 95;
  // Letters of most scripts; excludes general punctuation, symbols/arrows/dingbats, CJK punctuation, surrogates.
  return (c >= 0xc0 && c < 0x2000 && c !== 0xd7 && c !== 0xf7) || (c >= 0x3040 && c < 0xd800) || (c >= 0xf900 && c < 0xfe00);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a);
}

function push(scan: Scan, hash: number, kind: TokenKind, start: number, end: number): void {
  const t = scan.nTokens++;
  scan.tokenHash[t] = hash;
  scan.tokenKind[t] = kind;
  scan.tokenStart[t] = start;
  scan.tokenEnd[t] = end;
}

function startsUrl(s: string, i: number, c: number): boolean {
  if (c === 104) return s.startsWith('http://', i) || s.startsWith('https://', i);
  return c === 119 && s.startsWith('www.', i);
}

/** Tokenise `s` (already normalised) into `scan`. `s` must be at most MAX_CHARS long. */
export function scanText(s: string, scan: Scan): void {
  scan.nTokens = 0;
  scan.nGrams = 0;
  const n = s.length;
  const grams = scan.gramHash;
  const gramToken = scan.gramToken;
  let g = 0;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (isWordChar(c)) {
      const start = i;
      if (startsUrl(s, i, c)) {
        while (i < n && !isSpace(s.charCodeAt(i))) i++;
        push(scan, URL_HASH, TokenKind.Url, start, i);
        continue;
      }
      if (isDigit(c)) {
        while (i < n) {
          const d = s.charCodeAt(i);
          if (isDigit(d) || ((d === 46 || d === 44 || d === 58 || d === 47) && i + 1 < n && isDigit(s.charCodeAt(i + 1)))) i++;
          else break;
        }
        push(scan, NUM_HASH, TokenKind.Num, start, i);
        continue;
      }
      // A word: hash whole word and its boundary-padded char n-grams in one pass.
      const token = scan.nTokens;
      let h = FNV_OFFSET;
      let r1 = 32, r2 = 0, r3 = 0, r4 = 0; // previous codes, most recent first; 32 = word boundary
      let len = 1; // chars seen in " word" so far
      let cc = c;
      for (;;) {
        h = fnvStep(h, cc);
        len++;
        g = emitGrams(grams, gramToken, g, token, cc, r1, r2, r3, r4, len);
        r4 = r3; r3 = r2; r2 = r1; r1 = cc;
        i++;
        if (i >= n) break;
        cc = s.charCodeAt(i);
        // Apostrophes inside a word are dropped so "don't" and "dont" agree.
        if (cc === 39 && i + 1 < n && isWordChar(s.charCodeAt(i + 1))) {
          i++;
          cc = s.charCodeAt(i);
        } else if (!isWordChar(cc)) break;
      }
      g = emitGrams(grams, gramToken, g, token, 32, r1, r2, r3, r4, len + 1);
      push(scan, h, TokenKind.Word, start, i);
    } else if (c === 64 && i + 1 < n && isWordChar(s.charCodeAt(i + 1))) {
      const start = i++;
      while (i < n && isWordChar(s.charCodeAt(i))) i++;
      push(scan, USER_HASH, TokenKind.User, start, i);
    } else if (c === 33 || c === 63) {
      const start = i;
      while (i < n && (s.charCodeAt(i) === 33 || s.charCodeAt(i) === 63)) i++;
      push(scan, c === 33 ? BANG_HASH : QUESTION_HASH, c === 33 ? TokenKind.Bang : TokenKind.Question, start, i);
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      // Emoji and other astral symbols: one token per code point.
      const d = s.charCodeAt(i + 1);
      push(scan, fnvStep(fnvStep(FNV_OFFSET, c), d), TokenKind.Symbol, i, i + 2);
      i += 2;
    } else if (c >= 0x2190 && c < 0x2c00) {
      push(scan, fnvStep(FNV_OFFSET, c), TokenKind.Symbol, i, i + 1);
      i++;
    } else {
      i++;
    }
  }
  scan.nGrams = g;
}

/** Emit the n-grams (MIN_GRAM..MAX_GRAM) that end with `c`; `len` counts chars incl. the leading boundary. */
function emitGrams(
  grams: Int32Array, owner: Int32Array, g: number, token: number,
  c: number, r1: number, r2: number, r3: number, r4: number, len: number,
): number {
  let h = fnvStep(fnvStep(CHAR_SEED, c), r1);
  grams[g] = h; owner[g++] = token;
  if (len < 3) return g;
  h = fnvStep(h, r2);
  grams[g] = h; owner[g++] = token;
  if (len < 4) return g;
  h = fnvStep(h, r3);
  grams[g] = h; owner[g++] = token;
  if (len < 5) return g;
  h = fnvStep(h, r4);
  grams[g] = h; owner[g++] = token;
  return g;
}
