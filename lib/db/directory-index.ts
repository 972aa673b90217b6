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
 *
 * Why a handful of big values and no string or array per person (issue 22, branch query3): the
 * kept index lives as long as the page, and a match used to allocate per row it looked at (a
 * closure per row, and a rope of the whole text flattened by the first search). As arrays of
 * ~20,000 ids and ~20,000 word strings it was ~40,000 objects for every collection to trace; now
 * it is seven values whatever the number of people (the ids and the words each one string with
 * Int32Array offsets, the times Float64Arrays), and a match allocates only its answer. Over
 * bench:db's ten queries V8's sampling allocation profiler counted 8.0–8.2 MB allocated before,
 * 6.4–6.5 MB after, the match's share 1.9 MB → 0.4–0.8 MB (research/db/probe-query-tail.ts
 * --alloc). What this did *not* change measurably: a minor collection forced as the agent would
 * type costs ~4 ms on one thread with either layout (--minor-gc), so the 25–187 ms collections
 * seen inside queries under load were the machine's, not the index's size.
 */
export interface DirectoryIndex {
  /** How many people (rows). */
  size: number;
  /** Every row's id, one per line: row r's is idText[idStarts[r], idStarts[r + 1] - 1). */
  idText: string;
  idStarts: Int32Array;
  lastSeenAt: Float64Array;
  /** Earliest pending follow-up per row, 0 for none. */
  followUpDue: Float64Array;
  /** Each row's words, each preceded by a space, one row per line (" nadia park nadiapark12\n"): a token never holds a space or a line break, so no hit spans two rows. */
  text: string;
  /** Row r is text[starts[r], starts[r + 1] - 1); starts has one entry more than there are rows. */
  starts: Int32Array;
}

/** Joins strings one per line (each followed by "\n") and records where each starts. */
function lines(parts: readonly string[]): { text: string; starts: Int32Array } {
  const starts = new Int32Array(parts.length + 1);
  for (let r = 0; r < parts.length; r++) starts[r + 1] = starts[r]! + parts[r]!.length + 1;
  // join() makes one flat string; `${joined}\n` would be a rope that the first search flattens.
  return { text: parts.length ? [...parts, ''].join('\n') : '', starts };
}

export function buildDirectoryIndex(shards: readonly DirectoryShard[]): DirectoryIndex {
  let size = 0;
  for (const s of shards) size += s.ids.length;
  // Gathered in plain arrays for the join; they and the shards are garbage once it is done.
  const ids: string[] = [];
  const words: string[] = [];
  const lastSeenAt = new Float64Array(size);
  const followUpDue = new Float64Array(size);
  for (const s of shards) {
    for (let n = 0; n < s.ids.length; n++) {
      lastSeenAt[ids.length] = s.lastSeenAt[n]!;
      followUpDue[ids.length] = s.followUpDue[n]!;
      ids.push(s.ids[n]!);
      words.push(s.words[n]!);
    }
  }
  const idLines = lines(ids);
  const wordLines = lines(words);
  return { size, idText: idLines.text, idStarts: idLines.starts, lastSeenAt, followUpDue, text: wordLines.text, starts: wordLines.starts };
}

/** Row r's id (a new string: only the rows a search answers with are sliced). */
export function idOf(index: DirectoryIndex, row: number): string {
  return index.idText.slice(index.idStarts[row]!, index.idStarts[row + 1]! - 1);
}

/** Row r's words (" nadia park nadiapark12"). */
export function wordsOf(index: DirectoryIndex, row: number): string {
  return index.text.slice(index.starts[row]!, index.starts[row + 1]! - 1);
}

/** Compares two rows' ids as strings compare (<), without slicing them. */
function compareIds(index: DirectoryIndex, a: number, b: number): number {
  const { idText, idStarts } = index;
  const aEnd = idStarts[a + 1]! - 1;
  const bEnd = idStarts[b + 1]! - 1;
  for (let i = idStarts[a]!, j = idStarts[b]!; ; i++, j++) {
    if (i === aEnd || j === bEnd) return (aEnd - i) - (bEnd - j);
    const d = idText.charCodeAt(i) - idText.charCodeAt(j);
    if (d !== 0) return d;
  }
}

/** What a match cost: the rows whose words were checked (those holding the lead token). */
export interface MatchWork {
  rowsExamined: number;
}

/**
 * Same answer as matchDirectory (the plain scan, kept as the reference): the people whose
 * words start with every token of `query`, newest first, and those with a follow-up due by `now`.
 * The longest token leads (a longer prefix is held by fewer people: "nadia pa" walks the rows
 * holding a word that starts with "nadia", not those with "pa"). Every other token keeps the
 * position of its next occurrence in the text, moved on only past rows already decided, so each
 * is looked for once per occurrence, and once one occurs no more the walk stops: no row after it
 * can match. Nothing is allocated per row looked at.
 */
export function matchIndex(index: DirectoryIndex, query: string, now: number, work?: MatchWork): DirectoryMatch | undefined {
  const tokens = [...new Set(searchTokens(query))];
  if (!tokens.length) return undefined;
  const lead = tokens.reduce((a, b) => (b.length > a.length ? b : a));
  const needle = ` ${lead}`;
  const rest = tokens.filter((t) => t !== lead).map((t) => ` ${t}`);
  const next = rest.map(() => -1);
  const { text, starts } = index;
  const hits: number[] = [];
  let examined = 0;
  walk: for (let at = text.indexOf(needle); at >= 0; ) {
    const row = rowAt(starts, at);
    const rowStart = starts[row]!;
    const rowEnd = starts[row + 1]!;
    examined++;
    let all = true;
    for (let k = 0; k < rest.length; k++) {
      if (next[k]! < rowStart) next[k] = text.indexOf(rest[k]!, rowStart);
      if (next[k]! < 0) break walk;
      if (next[k]! >= rowEnd) all = false;
    }
    if (all) hits.push(row);
    // The row is decided: look on from the next one.
    at = text.indexOf(needle, rowEnd);
  }
  if (work) work.rowsExamined = examined;
  const { lastSeenAt, followUpDue } = index;
  // Newest first; ties by id descending, as the lastSeenAt index walks backwards.
  hits.sort((a, b) => lastSeenAt[b]! - lastSeenAt[a]! || compareIds(index, b, a));
  const due: string[] = [];
  const dueAt: number[] = [];
  const newestFirst = new Array<string>(hits.length);
  for (let n = 0; n < hits.length; n++) {
    const row = hits[n]!;
    const id = idOf(index, row);
    newestFirst[n] = id;
    const at = followUpDue[row]!;
    if (at > 0 && at <= now) {
      due.push(id);
      dueAt.push(at);
    }
  }
  return { newestFirst, due, dueAt };
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
