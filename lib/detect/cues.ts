/**
 * Human-readable reasons for a complaint verdict: the words and phrases of the post that
 * pushed its score up most. Each word is credited with its own weight, the weight of its
 * char n-grams, and bigrams and lexicon phrases compete as whole phrases. Only run for
 * flagged posts, after scoring, so the hot path stays allocation-free.
 */
import { viewScale, type FeatureSet } from './features';
import { lexiconHits } from './lexicon';
import { LEXICON_CATEGORIES } from './lexicon-terms';
import type { Linear } from './model';
import { TokenKind } from './tokens';

export const MAX_CUES = 6;
// Function words and generic negations can carry weight in the model but explain nothing to a
// reader on their own; they still show inside a phrase ("no reply", "since monday").
const STOPWORDS = new Set(['i', 'me', 'my', 'mine', 'myself', 'you', 'your', 'yours', 'u', 'ur', 'we', 'us', 'our', 'they', 'them',
  'their', 'he', 'she', 'his', 'her', 'it', 'its', 'is', 'are', 'am', 'was', 'were', 'be', 'been', 'being', 'will', 'would',
  'shall', 'should', 'can', 'could', 'may', 'might', 'must', 'the', 'a', 'an', 'this', 'that', 'these', 'those', 'to', 'of',
  'and', 'or', 'but', 'if', 'then', 'than', 'on', 'in', 'into', 'for', 'from', 'at', 'by', 'with', 'about', 'as', 'so',
  'have', 'has', 'had', 'do', 'does', 'did', 'done', 'no', 'not', 'nor', 'dont', 'didnt', 'doesnt', 'cant', 'wont', 'isnt',
  'wasnt', 'havent', 'hasnt', 'since', 'just', 'also', 'too', 'very', 'all', 'any', 'some', 'what', 'when', 'where', 'why',
  'how', 'who', 'which', 'there', 'here', 'now', 'get', 'got', 'im', 'ive', 'its', 'out', 'up', 'still', 'again', 'days',
  'weeks', 'hours', 'months', 'without', 'yet']);
const MIN_WORD = 3;

/** A phrase worth showing: a content word of 3+ chars, or a phrase with at least one. */
function explains(phrase: string): boolean {
  return phrase.split(' ').some((w) => w.length >= MIN_WORD && !STOPWORDS.has(w.replace(/'/g, '')));
}

// Categories that explain a complaint; request/positive hits are not reasons to flag.
const EXPLAINING = ['churn', 'abuse', 'urgency', 'negative', 'accusation', 'blame'] as const;
const EXPLAINING_BITS = EXPLAINING.reduce((b, c) => b | (1 << LEXICON_CATEGORIES.indexOf(c)), 0);

export function cuesOf(norm: string, f: FeatureSet, m: Linear): string[] {
  const scan = f.scan;
  const credit = new Float64Array(scan.nTokens);
  const sw = m.scale * viewScale(f.nWord);
  const sc = m.scale * viewScale(scan.nGrams);
  const candidates = new Map<string, number>();
  const text = (from: number, to: number) => norm.slice(scan.tokenStart[from]!, scan.tokenEnd[to]!).replace(/\s+/g, ' ');
  for (let i = 0; i < scan.nGrams; i++) {
    const t = scan.gramToken[i]!;
    credit[t] = credit[t]! + sc * m.q[scan.gramHash[i]! & m.mask]!;
  }
  for (let i = 0; i < f.nWord; i++) {
    const t = f.wordToken[i]!;
    const w = sw * m.q[f.wordHash[i]! & m.mask]!;
    if (f.wordIsBigram[i] === 0) credit[t] = credit[t]! + w;
    else if (t > 0 && isWord(f, t) && isWord(f, t - 1) && w > 0) offer(candidates, text(t - 1, t), w);
  }
  for (let t = 0; t < scan.nTokens; t++) if (isWord(f, t)) offer(candidates, text(t, t), credit[t]!);
  // Bigram credit so far is only the pair's own weight; add its words' credit to compare fairly with single words.
  for (const [phrase, w] of candidates) {
    if (phrase.includes(' ')) candidates.set(phrase, w + phrase.split(' ').reduce((a, word) => a + Math.max(0, candidates.get(word) ?? 0), 0) / 2);
  }
  const hits: { end: number; length: number; bits: number }[] = [];
  lexiconHits(scan, hits);
  for (const hit of hits) {
    if ((hit.bits & EXPLAINING_BITS) === 0) continue;
    let w = 0;
    for (let k = 0; k < LEXICON_CATEGORIES.length; k++) if ((hit.bits >>> k) & 1 & (EXPLAINING_BITS >>> k)) w += Math.max(0, m.dense[k]!);
    for (let t = hit.end - hit.length + 1; t <= hit.end; t++) w += Math.max(0, credit[t]!);
    offer(candidates, text(hit.end - hit.length + 1, hit.end), w);
  }
  const ranked = [...candidates].filter(([p, w]) => w > 0 && explains(p)).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const chosen: string[] = [];
  for (const [phrase] of ranked) {
    // A phrase that repeats a chosen word (or is part of a chosen phrase) adds nothing for the reader.
    const words = phrase.split(' ');
    if (chosen.some((c) => c.split(' ').some((w) => words.includes(w)))) continue;
    chosen.push(phrase);
    if (chosen.length === MAX_CUES) break;
  }
  return chosen;
}

function isWord(f: FeatureSet, t: number): boolean {
  return f.scan.tokenKind[t] === TokenKind.Word;
}

function offer(candidates: Map<string, number>, phrase: string, w: number): void {
  if (phrase === '') return;
  const old = candidates.get(phrase);
  if (old === undefined || w > old) candidates.set(phrase, w);
}
