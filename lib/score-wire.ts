import type { Severity } from './model/severity';
import type { Signal } from './model/signals';
import type { Verdict } from './types';

/**
 * The score messages in columns (issue 18). A flood sends up to 500 posts a message each way, and
 * the browser converts a message property by property, in the page's main thread both when our
 * script sends the words and when it receives the answer (then zod parses it there too): one object
 * per post (and a verdict, a signals object and a cues list per flagged one) cost more than the
 * words. Here a batch is a list of strings and the answer a few lists of numbers; the schemas in
 * lib/messages.ts still bound every entry. No zod here: the page's script packs before the schemas
 * are built (lib/content/protocol.ts).
 */

/** A post's words as the detector reads them (the quoted post's too, for the brand focus). */
export interface ScoreItem {
  text: string;
  quoted?: string;
}

/** The answer as the two ends use it: posts to mark by their place in the batch, and posts not read (another language). */
export interface ScoreResult {
  flagged: Array<{ index: number; verdict: Verdict }>;
  notRead: Array<{ index: number; language: string }>;
}

/** The request's columns: texts[i] is post i's words; quoted lists [i, words] for the few posts that quote one. */
export interface ScoreRequestColumns {
  texts: string[];
  quoted: Array<[number, string]>;
}

/**
 * The answer's columns: flagged[k] is the k-th post to mark, its verdict score[k], severity[k],
 * signals[k] (a bit per SIGNAL_BITS entry) and cues[k] (each flagged verdict is a complaint);
 * notRead[k] is a post in language[k].
 */
export interface ScoreAnswerColumns {
  flagged: number[];
  score: number[];
  severity: Severity[];
  signals: number[];
  cues: string[][];
  notRead: number[];
  language: string[];
}

/** Bit i of a packed signals number is SIGNAL_BITS[i]. */
export const SIGNAL_BITS: readonly Signal[] = ['brand', 'churn', 'abuse', 'question', 'urgency'];
export const SIGNALS_MAX = (1 << SIGNAL_BITS.length) - 1;

export function packScoreItems(items: readonly ScoreItem[]): ScoreRequestColumns {
  const texts: string[] = [];
  const quoted: Array<[number, string]> = [];
  for (let i = 0; i < items.length; i += 1) {
    const item = items[i] as ScoreItem;
    texts[i] = item.text;
    if (item.quoted !== undefined) quoted[quoted.length] = [i, item.quoted];
  }
  return { texts, quoted };
}

export function unpackScoreItems(cols: ScoreRequestColumns): ScoreItem[] {
  const items: ScoreItem[] = cols.texts.map((text) => ({ text }));
  for (const [i, words] of cols.quoted) if (items[i]) items[i].quoted = words;
  return items;
}

export function packScoreResult(result: ScoreResult): ScoreAnswerColumns {
  const cols: ScoreAnswerColumns = { flagged: [], score: [], severity: [], signals: [], cues: [], notRead: [], language: [] };
  for (const { index, verdict } of result.flagged) {
    cols.flagged.push(index);
    cols.score.push(verdict.score);
    cols.severity.push(verdict.severity);
    cols.signals.push(SIGNAL_BITS.reduce((bits, s, i) => (verdict.signals[s] ? bits | (1 << i) : bits), 0));
    cols.cues.push([...verdict.cues]);
  }
  for (const { index, language } of result.notRead) {
    cols.notRead.push(index);
    cols.language.push(language);
  }
  return cols;
}

/** The verdict of the k-th flagged post (columns already parsed with ScoreAnswerSchema: of one length, every entry bounded). */
export function verdictAt(cols: ScoreAnswerColumns, k: number): Verdict {
  const bits = cols.signals[k] as number;
  return {
    complaint: true,
    score: cols.score[k] as number,
    severity: cols.severity[k] as Severity,
    cues: cols.cues[k] as string[],
    signals: { brand: (bits & 1) !== 0, churn: (bits & 2) !== 0, abuse: (bits & 4) !== 0, question: (bits & 8) !== 0, urgency: (bits & 16) !== 0 },
  };
}

export function unpackScoreAnswer(cols: ScoreAnswerColumns): ScoreResult {
  return {
    flagged: cols.flagged.map((index, k) => ({ index, verdict: verdictAt(cols, k) })),
    notRead: cols.notRead.map((index, k) => ({ index, language: cols.language[k] as string })),
  };
}
