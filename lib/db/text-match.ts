import { stripInvisible } from './normalise';

/**
 * Matching a search against free text (a post, an internal note): pure, no DOM. Every word of
 * the query must start a word of the one text (in any order), ignoring case and diacritics, as
 * the name search does with names ("remb cafe" finds "Refund for the Café order… reimbursed").
 */

/** A piece of a snippet: `hit` pieces are the matched words, shown marked. */
export interface SnippetRun {
  text: string;
  hit: boolean;
}

/** Folded like searchTokens: compatibility forms, marks removed, lower case. */
function fold(s: string): string {
  return stripInvisible(s).normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The query's words, folded; empty when there is nothing to look for. */
export function textQueryTokens(query: string): string[] {
  return [...new Set(fold(query).split(/[^\p{L}\p{N}]+/u).filter(Boolean))];
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/**
 * Where each query token matches in `text`: the [start, end) of the matched part of a word, in
 * `text`'s own offsets. Null unless every token starts some word. The mark covers the typed
 * prefix when folding kept the word's length, else the whole word (a folded "ﬁ" is two letters).
 */
export function matchText(text: string, tokens: readonly string[]): Array<[number, number]> | null {
  if (tokens.length === 0) return null;
  // Cheap reject first: every token must occur somewhere in the folded text.
  const folded = fold(text);
  if (!tokens.every((t) => folded.includes(t))) return null;
  const ranges: Array<[number, number]> = [];
  const found = new Set<string>();
  for (const m of text.matchAll(WORD)) {
    const word = fold(m[0]);
    for (const t of tokens) {
      if (!word.startsWith(t)) continue;
      found.add(t);
      const start = m.index;
      const end = word.length === m[0].length ? start + t.length : start + m[0].length;
      ranges.push([start, end]);
      break;
    }
  }
  return found.size === tokens.length ? ranges : null;
}

/**
 * A short excerpt of `text` around its first match, cut into plain and matched runs (the view
 * renders runs as text nodes and <mark>s: page text is never markup). `…` marks a cut.
 */
export function snippetRuns(text: string, ranges: ReadonlyArray<[number, number]>, width = 140): SnippetRun[] {
  const flat = text.replace(/\s+/g, ' ');
  // Whitespace runs collapse to one space: recompute the ranges on the collapsed text.
  const shift: number[] = [];
  let removed = 0;
  for (let i = 0, prevSpace = false; i <= text.length; i++) {
    shift[i] = i - removed;
    const space = /\s/.test(text[i] ?? '');
    if (space && prevSpace) removed++;
    prevSpace = space;
  }
  const marks = ranges.map(([a, b]) => [shift[a]!, shift[b]!] as [number, number]).sort((x, y) => x[0] - y[0]);
  const first = marks[0]?.[0] ?? 0;
  let from = Math.max(0, first - Math.floor(width / 3));
  // Start at a word boundary so the excerpt does not open mid-word.
  if (from > 0) {
    const space = flat.indexOf(' ', from);
    from = space >= 0 && space < first ? space + 1 : from;
  }
  const to = Math.min(flat.length, from + width);
  const runs: SnippetRun[] = [];
  const push = (t: string, hit: boolean) => t && runs.push({ text: t, hit });
  if (from > 0) push('…', false);
  let at = from;
  for (const [a, b] of marks) {
    if (b <= at || a >= to) continue;
    push(flat.slice(at, Math.max(at, a)), false);
    push(flat.slice(Math.max(at, a), Math.min(b, to)), true);
    at = Math.min(b, to);
  }
  push(flat.slice(at, to), false);
  if (to < flat.length) push('…', false);
  return runs;
}
