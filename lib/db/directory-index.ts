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
  const steps = indexSteps(shards);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** When a sliced build gives the page back: `shouldYield` is asked at every checkpoint. */
export interface Slicing {
  shouldYield(): boolean;
  pause(): Promise<void>;
}

/**
 * The same index as buildDirectoryIndex, built in slices: between checkpoints (a few hundred
 * rows or comparisons apart) it pauses whenever `shouldYield` says so. Built at once it is a
 * 150–250 ms task in Chromium on 20,000 people; a keystroke or a rendering that lands in it
 * waits for all of it.
 */
export async function buildDirectoryIndexInSlices(shards: readonly DirectoryShard[], slicing: Slicing): Promise<DirectoryIndex> {
  const steps = indexSteps(shards);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (slicing.shouldYield()) await slicing.pause();
  }
}

/** Rows or comparisons between checkpoints: each is well under a millisecond of work. */
const CHECK_EVERY = 256;

/** The build, as a generator that yields at checkpoints (it never yields a value). */
function* indexSteps(shards: readonly DirectoryShard[]): Generator<void, DirectoryIndex, void> {
  const ids: string[] = [];
  const seen: number[] = [];
  const due: number[] = [];
  const rowWords: string[] = [];
  for (const s of shards) {
    for (let n = 0; n < s.ids.length; n++) {
      ids.push(s.ids[n]!);
      seen.push(s.lastSeenAt[n]!);
      due.push(s.followUpDue[n]!);
      rowWords.push(s.words[n]!);
    }
    yield;
  }
  // Newest first; ties by id descending, as the lastSeenAt index walks backwards.
  const order = Array.from(ids, (_, n) => n);
  yield* mergeSortSteps(order, (a, b) => seen[b]! - seen[a]! || (ids[a]! < ids[b]! ? 1 : ids[a]! > ids[b]! ? -1 : 0));
  const holders = new Map<string, number[]>();
  for (let rank = 0; rank < order.length; rank++) {
    for (const word of rowWords[order[rank]!]!.split(' ')) {
      if (!word) continue;
      const list = holders.get(word);
      if (!list) holders.set(word, [rank]);
      else if (list[list.length - 1] !== rank) list.push(rank);
    }
    if (rank % CHECK_EVERY === 0) yield;
  }
  // By UTF-16 code unit, as lowerBound's `<` compares.
  const vocabulary = [...holders.keys()];
  yield* mergeSortSteps(vocabulary, (a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const start = new Int32Array(vocabulary.length + 1);
  vocabulary.forEach((word, w) => (start[w + 1] = start[w]! + holders.get(word)!.length));
  yield;
  const rows = new Int32Array(start[vocabulary.length]!);
  for (let w = 0; w < vocabulary.length; w++) {
    rows.set(holders.get(vocabulary[w]!)!, start[w]!);
    if (w % CHECK_EVERY === 0) yield;
  }
  return {
    ids: order.map((n) => ids[n]!),
    words: order.map((n) => rowWords[n]!),
    followUpDue: Float64Array.from(order, (n) => due[n]!),
    vocabulary,
    start,
    rows,
  };
}

/** A stable bottom-up merge sort of `list` in place, yielding every CHECK_EVERY placements. */
function* mergeSortSteps<T>(list: T[], compare: (a: T, b: T) => number): Generator<void, void, void> {
  const n = list.length;
  let from = list.slice();
  let to = new Array<T>(n);
  // Runs of `width` are sorted in `from`; each pass merges pairs of them into `to`.
  for (let width = 1; width < n; width *= 2) {
    let placed = 0;
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let a = lo;
      let b = mid;
      for (let k = lo; k < hi; k++) {
        to[k] = a < mid && (b >= hi || compare(from[a]!, from[b]!) <= 0) ? from[a++]! : from[b++]!;
        if (++placed % CHECK_EVERY === 0) yield;
      }
    }
    [from, to] = [to, from];
  }
  for (let k = 0; k < n; k++) list[k] = from[k]!;
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
  const dueAt: number[] = [];
  for (let n = 0; n < ranks.length; n++) {
    const rank = ranks[n]!;
    if (n > 0 && ranks[n - 1] === rank) continue;
    const words = index.words[rank]!;
    if (!rest.every((t) => words.includes(t))) continue;
    newestFirst.push(index.ids[rank]!);
    const at = index.followUpDue[rank]!;
    if (at > 0 && at <= now) {
      due.push(index.ids[rank]!);
      dueAt.push(at);
    }
  }
  return { newestFirst, due, dueAt };
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
