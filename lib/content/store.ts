import type { Post, Verdict } from '../types';

export interface FlaggedPost {
  post: Post;
  verdict: Verdict;
  /** The element last seen holding this post; X recycles nodes, so check its id before use. */
  el: Element | null;
}

export type HelperTarget =
  | { kind: 'post'; postId: string }
  /** Opened from the context menu: the customer's words come from a selection, not a scanned post. */
  | { kind: 'ad-hoc'; post: Post; verdict: Verdict };

export interface OverlayState {
  /**
   * Updated in place (copying it per scanning slice cost ~50 ms on a 5,000-post timeline);
   * `version` changes whenever it does, so readers compare versions, not maps.
   */
  flagged: ReadonlyMap<string, FlaggedPost>;
  version: number;
  /** Flagged ids in page order of discovery, for "next flagged post" and the palette. */
  order: readonly string[];
  helper: HelperTarget | null;
  paletteOpen: boolean;
  toast: { text: string; tone: 'info' | 'error' } | null;
}

/**
 * At most this many flagged posts are kept (issue 18: a page of 50,000 complaints grew our heap by
 * 7 MB, every flagged post read in full, with its element, for as long as the tab lived). Past it,
 * posts are evicted down to the cap in one go (EVICT_SLACK more are let in first, so eviction runs
 * once per that many posts, not per post) by `evictionOrder`.
 */
export const MAX_FLAGGED = 500;
const EVICT_SLACK = 50;
/**
 * The KEEP_NEWEST flagged posts marked last are never evicted: the scanner reads the viewport first,
 * and a post shown again is marked again, so what was marked last is what the agent is looking at
 * (and what the chips draw from).
 */
export const KEEP_NEWEST = 200;

/**
 * Which flagged posts go first when the store is over its cap, given when each was last marked
 * (`seen`, a counter): never the post the helper is open on, nor the KEEP_NEWEST marked last; of the
 * rest, the least severe first and, at equal severity, the one marked longest ago first. What an
 * evicted post loses is its place in "next flagged" and the palette; its element keeps its marks, the
 * session keeps its verdict, and when the page shows it again (X recycles its cells; a forum
 * re-renders) it is marked again and comes back as the newest.
 */
export function evictionOrder(flagged: ReadonlyMap<string, FlaggedPost>, seen: ReadonlyMap<string, number>, keep: string | null): string[] {
  const all = [...flagged.keys()].map((id) => ({ id, sev: flagged.get(id)!.verdict.severity, at: seen.get(id) ?? 0 }));
  all.sort((a, b) => b.at - a.at);
  const candidates = all.slice(KEEP_NEWEST).filter((c) => c.id !== keep);
  candidates.sort((a, b) => a.sev - b.sev || a.at - b.at);
  return candidates.map((c) => c.id);
}

/**
 * A tiny external store for the in-page overlay (React reads it with useSyncExternalStore).
 * The scanner writes flagged posts here (at most MAX_FLAGGED of them); nothing in it is needed
 * after the tab closes.
 */
export function createOverlayStore() {
  const flagged = new Map<string, FlaggedPost>();
  const order: string[] = [];
  // When each flagged post was last marked (a counter, not a clock): what the eviction spares.
  const seen = new Map<string, number>();
  let tick = 0;
  let state: OverlayState = { flagged, version: 0, order, helper: null, paletteOpen: false, toast: null };
  const listeners = new Set<() => void>();
  const flaggedListeners = new Set<(items: readonly FlaggedPost[]) => void>();
  /** Down to MAX_FLAGGED, by evictionOrder; `order` keeps its page order. */
  const evict = (): void => {
    const open = state.helper?.kind === 'post' ? state.helper.postId : null;
    const gone = new Set(evictionOrder(flagged, seen, open).slice(0, flagged.size - MAX_FLAGGED));
    for (const id of gone) {
      flagged.delete(id);
      seen.delete(id);
    }
    let kept = 0;
    for (let i = 0; i < order.length; i += 1) if (!gone.has(order[i] as string)) order[kept++] = order[i] as string;
    order.length = kept;
  };
  const set = (next: Partial<OverlayState>) => {
    state = { ...state, ...next };
    for (const l of listeners) l();
  };

  return {
    get: () => state,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Only the posts flagged (or seen again in a new element) since the last call: work per new post, not per post seen. */
    subscribeFlagged(listener: (items: readonly FlaggedPost[]) => void) {
      flaggedListeners.add(listener);
      return () => flaggedListeners.delete(listener);
    },
    addFlagged(items: FlaggedPost[]) {
      if (items.length === 0) return;
      const added: FlaggedPost[] = [];
      for (const item of items) {
        const prev = flagged.get(item.post.id);
        if (!prev) order.push(item.post.id);
        seen.set(item.post.id, (tick += 1));
        const next = { ...prev, ...item };
        flagged.set(item.post.id, next);
        added.push(next);
      }
      if (flagged.size > MAX_FLAGGED + EVICT_SLACK) evict();
      for (const l of flaggedListeners) l(added);
      set({ version: state.version + 1 });
    },
    openHelper(target: HelperTarget) {
      set({ helper: target, paletteOpen: false });
    },
    closeHelper() {
      set({ helper: null });
    },
    setPalette(open: boolean) {
      set({ paletteOpen: open });
    },
    toast(text: string, tone: 'info' | 'error' = 'info') {
      set({ toast: { text, tone } });
    },
    clearToast() {
      set({ toast: null });
    },
    /** SPA navigation: the old page's posts are gone. */
    reset() {
      flagged.clear();
      seen.clear();
      order.length = 0;
      set({ version: state.version + 1, helper: null });
    },
  };
}
export type OverlayStore = ReturnType<typeof createOverlayStore>;
