import Fuse, { type FuseResultMatch } from 'fuse.js';

/** What the palette ranks: anything with a label, a detail line and a group. */
export interface Rankable {
  id: string;
  label: string;
  detail?: string;
  group: string;
}

export interface RankedItem<T extends Rankable> {
  item: T;
  /** Inclusive [start, end] ranges of the label's characters that matched, for highlighting. */
  labelMatches: ReadonlyArray<readonly [number, number]>;
}

/**
 * How far a typed word may stray from the words it matches: 0.3 lets "refnd" find "refund" but
 * makes a three-letter query match as typed, so "own" finds "own it", not every label with an
 * o, a w and an n somewhere (Fuse's 0.4 with location ignored matched 22 of 24 items).
 */
const THRESHOLD = 0.3;

/**
 * The palette's order: with no query, recently used first (most recent first), then the rest as
 * given; with a query, Fuse's fuzzy score over label (weighted), detail and group, a recently
 * used item winning a near tie. Matched letters of the label come back for highlighting.
 */
export function rankPaletteItems<T extends Rankable>(items: readonly T[], query: string, recent: readonly string[] = []): Array<RankedItem<T>> {
  const recency = new Map(recent.map((id, i) => [id, i]));
  const recentFirst = (a: T, b: T) => (recency.get(a.id) ?? Infinity) - (recency.get(b.id) ?? Infinity);
  const q = query.trim();
  if (!q) return [...items].sort(recentFirst).map((item) => ({ item, labelMatches: [] }));
  const fuse = new Fuse(items, {
    keys: [
      { name: 'label', weight: 3 },
      { name: 'detail', weight: 1 },
      { name: 'group', weight: 1 },
    ],
    threshold: THRESHOLD,
    ignoreLocation: true,
    includeMatches: true,
    includeScore: true,
    minMatchCharLength: 2,
  });
  // A recent item gains a little: enough to win a near tie, never to beat a clearly better match.
  const scored = fuse.search(q).map((r) => ({ r, score: (r.score ?? 1) - (recency.has(r.item.id) ? 0.05 : 0) }));
  scored.sort((a, b) => a.score - b.score || recentFirst(a.r.item, b.r.item));
  return scored.map(({ r }) => ({ item: r.item, labelMatches: labelRanges(r.matches) }));
}

function labelRanges(matches: readonly FuseResultMatch[] | undefined): Array<readonly [number, number]> {
  const m = matches?.find((x) => x.key === 'label');
  return m ? m.indices.map(([a, b]) => [a, b] as const) : [];
}

/** The label cut into plain and matched runs, for <mark>ing the letters the query hit. */
export function highlightRuns(label: string, ranges: ReadonlyArray<readonly [number, number]>): Array<{ text: string; hit: boolean }> {
  const runs: Array<{ text: string; hit: boolean }> = [];
  let at = 0;
  for (const [a, b] of [...ranges].sort((x, y) => x[0] - y[0])) {
    if (a < at) continue;
    if (a > at) runs.push({ text: label.slice(at, a), hit: false });
    runs.push({ text: label.slice(a, b + 1), hit: true });
    at = b + 1;
  }
  if (at < label.length) runs.push({ text: label.slice(at), hit: false });
  return runs;
}

/** Ids of the palette items run on this page, most recent first (kept in the overlay's memory). */
const recentlyRun: string[] = [];
const MAX_RECENT = 8;

export function noteRun(id: string): void {
  const i = recentlyRun.indexOf(id);
  if (i >= 0) recentlyRun.splice(i, 1);
  recentlyRun.unshift(id);
  recentlyRun.length = Math.min(recentlyRun.length, MAX_RECENT);
}

export function recentRuns(): readonly string[] {
  return recentlyRun;
}
