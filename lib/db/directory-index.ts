import { searchTokens } from './normalise';
import type { DirectoryMatch, DirectoryShard } from './directory';

/**
 * The search directory laid out for matching, built once from its shards and kept while they
 * do not change (directory-cache.ts): every row's words in one text, one row per line, so a
 * query token is found by the engine's native substring search (`indexOf(" " + token)`) over
 * the whole directory at once instead of a word-by-word walk in JavaScript. Only the rows where
 * the lead token occurs are looked at; the other tokens are checked on those rows.
 *
 * Why not a sorted vocabulary with row lists (the index before issue 22's second round): its
 * build sorted 20,000 rows and every distinct word, 100–180 ms of work in Chromium on the bench
 * data that competed with the first keystrokes after the popup opened. This one is a join of the
 * rows' words and their offsets (a few ms), and a match costs about the same (~1 ms).
 */
export interface DirectoryIndex {
  ids: string[];
  lastSeenAt: number[];
  /** Earliest pending follow-up per row, 0 for none. */
  followUpDue: number[];
  /** Each row's words, each preceded by a space (" nadia park nadiapark12"). */
  words: string[];
  /** words.join("\n") + "\n": a token never holds a space or a line break, so no hit spans two rows. */
  text: string;
  /** Row r is text[starts[r], starts[r + 1] - 1); starts has one entry more than there are rows. */
  starts: Int32Array;
}

export function buildDirectoryIndex(shards: readonly DirectoryShard[]): DirectoryIndex {
  const ids: string[] = [];
  const lastSeenAt: number[] = [];
  const followUpDue: number[] = [];
  const words: string[] = [];
  for (const s of shards) {
    for (let n = 0; n < s.ids.length; n++) {
      ids.push(s.ids[n]!);
      lastSeenAt.push(s.lastSeenAt[n]!);
      followUpDue.push(s.followUpDue[n]!);
      words.push(s.words[n]!);
    }
  }
  const starts = new Int32Array(words.length + 1);
  for (let r = 0; r < words.length; r++) starts[r + 1] = starts[r]! + words[r]!.length + 1;
  return { ids, lastSeenAt, followUpDue, words, text: words.length ? `${words.join('\n')}\n` : '', starts };
}

/** What a match cost: the rows whose words were checked (those holding the lead token). */
export interface MatchWork {
  rowsExamined: number;
}

/**
 * Same answer as matchDirectory (the plain scan, kept as the reference): the people whose
 * words start with every token of `query`, newest first, and those with a follow-up due by `now`.
 * The longest token leads (a longer prefix is held by fewer people: "nadia pa" walks the rows
 * holding a word that starts with "nadia", not those with "pa").
 */
export function matchIndex(index: DirectoryIndex, query: string, now: number, work?: MatchWork): DirectoryMatch | undefined {
  const tokens = [...new Set(searchTokens(query))];
  if (!tokens.length) return undefined;
  const lead = tokens.reduce((a, b) => (b.length > a.length ? b : a));
  const needle = ` ${lead}`;
  const rest = tokens.filter((t) => t !== lead).map((t) => ` ${t}`);
  const { text, starts, words } = index;
  const hits: number[] = [];
  let examined = 0;
  for (let at = text.indexOf(needle); at >= 0; ) {
    const row = rowAt(starts, at);
    examined++;
    const rowWords = words[row]!;
    if (rest.every((t) => rowWords.includes(t))) hits.push(row);
    // The row is decided: look on from the next one.
    at = text.indexOf(needle, starts[row + 1]!);
  }
  if (work) work.rowsExamined = examined;
  const { ids, lastSeenAt } = index;
  // Newest first; ties by id descending, as the lastSeenAt index walks backwards.
  hits.sort((a, b) => lastSeenAt[b]! - lastSeenAt[a]! || (ids[a]! < ids[b]! ? 1 : ids[a]! > ids[b]! ? -1 : 0));
  const due: string[] = [];
  const dueAt: number[] = [];
  for (const row of hits) {
    const at = index.followUpDue[row]!;
    if (at > 0 && at <= now) {
      due.push(ids[row]!);
      dueAt.push(at);
    }
  }
  return { newestFirst: hits.map((row) => ids[row]!), due, dueAt };
}

/** The row whose line holds text position `at`: the last start not after it. */
function rowAt(starts: Int32Array, at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid;
  }
  return lo;
}
