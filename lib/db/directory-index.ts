import { searchTokens } from './normalise';
import type { DirectoryMatch, DirectoryShard } from './directory';

/**
 * The search directory laid out for matching, built once from its shards and kept while they
 * do not change (directory-cache.ts). Rows are ranked newest first, so a match list is already
 * in the order the popup shows; every distinct word points at the ranks of the rows holding it,
 * and the words are sorted, so the rows holding a word that starts with a token are one
 * contiguous run of `rows`. A query walks only the run of its rarest token and checks the other
 * tokens on those rows: "nadia pa" reads the ~1,300 rows with a word starting "nadia", not all
 * 20,000.
 */
export interface DirectoryIndex {
  /** Newest first: lastSeenAt descending, then id descending (as the lastSeenAt index walks). */
  ids: string[];
  /** Each row's words, each preceded by a space (" nadia park nadiapark12"). */
  words: string[];
  /** Earliest pending follow-up per row, 0 for none. */
  followUpDue: Float64Array;
  /** Every distinct word, sorted by code unit. */
  vocabulary: string[];
  /** rows[start[w] .. start[w + 1]) are the ranks of the rows holding vocabulary[w]. */
  start: Int32Array;
  rows: Int32Array;
}

export function buildDirectoryIndex(shards: readonly DirectoryShard[]): DirectoryIndex {
  const all: Array<{ id: string; seen: number; due: number; words: string }> = [];
  for (const s of shards) {
    for (let n = 0; n < s.ids.length; n++) all.push({ id: s.ids[n]!, seen: s.lastSeenAt[n]!, due: s.followUpDue[n]!, words: s.words[n]! });
  }
  all.sort((a, b) => b.seen - a.seen || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  const holders = new Map<string, number[]>();
  all.forEach((row, rank) => {
    for (const word of row.words.split(' ')) {
      if (!word) continue;
      const list = holders.get(word);
      if (!list) holders.set(word, [rank]);
      else if (list[list.length - 1] !== rank) list.push(rank);
    }
  });
  // The default sort compares UTF-16 code units, as lowerBound's `<` does (and is twice as fast as a comparator).
  const vocabulary = [...holders.keys()].sort();
  const start = new Int32Array(vocabulary.length + 1);
  vocabulary.forEach((word, w) => (start[w + 1] = start[w]! + holders.get(word)!.length));
  const rows = new Int32Array(start[vocabulary.length]!);
  vocabulary.forEach((word, w) => rows.set(holders.get(word)!, start[w]!));
  return {
    ids: all.map((r) => r.id),
    words: all.map((r) => r.words),
    followUpDue: Float64Array.from(all, (r) => r.due),
    vocabulary,
    start,
    rows,
  };
}

/** What a match cost: the rows whose words were checked (the rarest token's run). */
export interface MatchWork {
  rowsExamined: number;
}

/**
 * Same answer as matchDirectory (the plain scan, kept as the reference): the people whose
 * words start with every token of `query`, newest first, and those with a follow-up due by `now`.
 */
export function matchIndex(index: DirectoryIndex, query: string, now: number, work?: MatchWork): DirectoryMatch | undefined {
  const tokens = [...new Set(searchTokens(query))];
  if (!tokens.length) return undefined;
  // The token with the fewest rows leads; the run of a prefix is counted in two binary searches.
  let lead = '';
  let from = 0;
  let to = Infinity;
  for (const token of tokens) {
    const lo = index.start[lowerBound(index.vocabulary, token)]!;
    const hi = index.start[lowerBound(index.vocabulary, `${token}\uffff`)]!;
    if (hi - lo < to - from) [lead, from, to] = [token, lo, hi];
  }
  if (work) work.rowsExamined = to - from;
  // A row holding several words with the lead prefix ("nadia", "nadiapark12") is in the run twice.
  const ranks = index.rows.slice(from, to).sort();
  const rest = tokens.filter((t) => t !== lead).map((t) => ` ${t}`);
  const newestFirst: string[] = [];
  const due: string[] = [];
  for (let n = 0; n < ranks.length; n++) {
    const rank = ranks[n]!;
    if (n > 0 && ranks[n - 1] === rank) continue;
    const words = index.words[rank]!;
    if (!rest.every((t) => words.includes(t))) continue;
    newestFirst.push(index.ids[rank]!);
    const dueAt = index.followUpDue[rank]!;
    if (dueAt > 0 && dueAt <= now) due.push(index.ids[rank]!);
  }
  return { newestFirst, due };
}

/** The first position in sorted `list` whose word is not below `key`. */
function lowerBound(list: readonly string[], key: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
