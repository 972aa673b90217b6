import type { Post } from '../types';
import type { RateBudget } from './rate-budget';

/**
 * The part of a site adapter the scanner needs. Declared here, not imported from `lib/sites`,
 * so the scanner depends on a shape, not on the adapters' module; any adapter satisfies it.
 */
export interface ScanAdapter {
  /** Post elements under root, root itself included when it is a post (the scanner passes each added subtree). */
  findPosts(root: ParentNode): Element[];
  /** The post an element shows, or null when it is not (yet) a readable post. */
  readPost(el: Element, pageUrl: URL): Post | null;
  /**
   * Optional, for adapters whose findPosts is a selector search: is this element itself a post?
   * Given, findPosts(root) must equal [root if isPost(root)] followed by findPosts of each child,
   * and a root too big for one step is searched child by child, from the viewport on (piecewise.ts).
   */
  isPost?(el: Element): boolean;
}

export interface ScannedPost {
  el: Element;
  post: Post;
  /**
   * True when this element is new to us but its post id is not (among the last MAX_KNOWN_IDS read):
   * the site rendered a known post again in a fresh element (X recycles and re-creates timeline cells). The caller re-marks the
   * element from what it already knows instead of treating the post as new.
   */
  reused: boolean;
}

export interface ScannerOptions {
  doc: Document;
  adapter: ScanAdapter;
  /** Each batch of newly read posts, at most once per slice; a post id is reported once until reset(). */
  onPosts: (batch: ScannedPost[]) => void;
  /** True for nodes Frontline created (UI host, marks): they and their subtrees never cause work. */
  isOwnNode?: (node: Node) => boolean;
  /** A slice never runs longer than this (ms), except that one step always runs. Default 8. */
  budgetMs?: number;
  now?: () => number;
  /**
   * Work per second, with a burst for a page's first scan (rate-budget.ts). Default DEFAULT_RATE
   * (scanner.ts); `null`: no limit.
   */
  rate?: { perSecondMs: number; burstMs: number } | null;
  /** A per-second budget shared with the caller's own work (takes the place of `rate`; createRateBudget). */
  budget?: RateBudget;
  /**
   * Back-pressure (issue 18): while this says true, no candidate post is read (finding them goes on,
   * bounded by the backlog cap); the caller calls `Scanner.resume()` once it has room again. Posts
   * read but not yet scored or marked then never pile up faster than they are handled.
   * `unreported`: posts read in this slice, not yet handed to onPosts.
   */
  holdReading?: (unreported: number) => boolean;
  /** How a slice waits for its budget to refill; default setTimeout. */
  delay?: (cb: () => void, ms: number) => void;
  /** Default: next animation frame, then a task hop so we run after paint. */
  schedule?: (cb: () => void) => void;
  /**
   * Visibility source; default is the IntersectionObserver captured at load. `null` turns
   * visible-first ordering off (document order). Injectable because happy-dom's never fires.
   */
  IntersectionObserver?: typeof IntersectionObserver | null;
}

export interface ScannerStats {
  slices: number;
  /** Posts reported through onPosts (reused elements included). */
  posts: number;
  maxSliceMs: number;
  /** Roots and candidate posts waiting to be processed. */
  queued: number;
  /** Posts set aside by the backlog cap (a flood): not read unless the page changes them. */
  setAside: number;
  /** Slices that waited for the per-second budget. */
  budgetWaits: number;
  /** Times reading stopped because the caller held it (holdReading). */
  holds: number;
}

export interface Scanner {
  start(): void;
  /** Disconnects observers and drops queued work; no callback fires after this returns. */
  stop(): void;
  /** SPA navigation: forget read elements and post ids, then rescan the document. */
  reset(): void;
  stats(): ScannerStats;
  /** Reading was held (ScannerOptions.holdReading) and may go on: schedules a slice. */
  resume(): void;
  /**
   * The id of the post this element showed when last read (null: not a post, or not read since
   * start or reset). One map for the scanner and its caller, who checks that an answer still fits
   * the element before writing it (a second per-element map was ~0.25 MB on a flood, issue 18).
   */
  postShownBy(el: Element): string | null;
}
