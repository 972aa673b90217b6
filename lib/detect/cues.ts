/**
 * Human-readable reasons for a complaint verdict: the grievance phrases of the post
 * (cue-phrases.ts: "never fixed", "billing error", "lost my package"), most telling first.
 * The phrases come from the words; the model only orders them, by the weight it gives their
 * words (each word credited with its own weight and that of its char n-grams). A phrase the
 * model weighs at nothing still shows: it is in the post and says what went wrong. A post with
 * no grievance phrase gets no cue rather than a function word or a date ("hi, i", "today").
 * Only run for flagged posts, after scoring, so the hot path stays allocation-free.
 */
import { grievancePhrases, type GrievancePhrase } from './cue-phrases';
import { createFeatureSet, extract, viewScale, type FeatureSet } from './features';
import { model, type Linear } from './model';
import { normalise } from './normalise';
import { TokenKind } from './tokens';

/** An agent reads four at a glance; more and the first ones lose their weight. */
export const MAX_CUES = 4;

/** The model's credit per word of the text: its own weight plus its char n-grams'. */
function wordCredit(norm: string, f: FeatureSet, m: Linear): Map<string, number> {
  const scan = f.scan;
  const credit = new Float64Array(scan.nTokens);
  const sw = m.scale * viewScale(f.nWord);
  const sc = m.scale * viewScale(scan.nGrams);
  for (let i = 0; i < scan.nGrams; i++) {
    const t = scan.gramToken[i]!;
    credit[t] = credit[t]! + sc * m.q[scan.gramHash[i]! & m.mask]!;
  }
  for (let i = 0; i < f.nWord; i++) {
    const t = f.wordToken[i]!;
    if (f.wordIsBigram[i] === 0) credit[t] = credit[t]! + sw * m.q[f.wordHash[i]! & m.mask]!;
  }
  const byWord = new Map<string, number>();
  for (let t = 0; t < scan.nTokens; t++) {
    if (scan.tokenKind[t] !== TokenKind.Word) continue;
    const word = norm.slice(scan.tokenStart[t]!, scan.tokenEnd[t]!).replace(/['’]/g, '');
    byWord.set(word, Math.max(byWord.get(word) ?? -Infinity, credit[t]!));
  }
  return byWord;
}

export function cuesOf(norm: string, f: FeatureSet, m: Linear): string[] {
  const phrases = grievancePhrases(norm);
  if (phrases.length === 0) return [];
  const credit = wordCredit(norm, f, m);
  const weigh = (p: GrievancePhrase) => {
    const model = p.text.split(' ').reduce((a, w) => a + Math.max(0, credit.get(w.replace(/['’]/g, '')) ?? 0), 0);
    // Strength decides between kinds of phrase; the model's credit (squashed) orders within a kind.
    // A longer phrase that holds a shorter one says more ("double charged" over "charged").
    return p.strength + 0.2 * (p.to - p.from) + Math.tanh(model);
  };
  const ranked = phrases.map((p) => ({ p, w: weigh(p) })).sort((a, b) => b.w - a.w || a.p.from - b.p.from);
  const chosen: GrievancePhrase[] = [];
  for (const { p } of ranked) {
    // Overlapping phrases say the same thing twice ("never fixed" in "never fixed again"); so does a repeated phrase.
    if (chosen.some((c) => c.text === p.text || (p.from <= c.to && c.from <= p.to))) continue;
    chosen.push(p);
    if (chosen.length === MAX_CUES) break;
  }
  return chosen.map((c) => c.text);
}

/** The cues of any text, complaint or not (for tests and tools that ask about one text). */
export function cuesOfText(text: string): string[] {
  const norm = normalise(typeof text === 'string' ? text : '');
  extract(norm, textFeatures);
  return cuesOf(norm, textFeatures, model().complaint);
}
const textFeatures = createFeatureSet();
