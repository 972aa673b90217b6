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
 * A tiny external store for the in-page overlay (React reads it with useSyncExternalStore).
 * The scanner writes flagged posts here; nothing in it is needed after the tab closes.
 */
export function createOverlayStore() {
  const flagged = new Map<string, FlaggedPost>();
  const order: string[] = [];
  let state: OverlayState = { flagged, version: 0, order, helper: null, paletteOpen: false, toast: null };
  const listeners = new Set<() => void>();
  const flaggedListeners = new Set<(items: readonly FlaggedPost[]) => void>();
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
        const next = { ...prev, ...item };
        flagged.set(item.post.id, next);
        added.push(next);
      }
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
      order.length = 0;
      set({ version: state.version + 1, helper: null });
    },
  };
}
export type OverlayStore = ReturnType<typeof createOverlayStore>;
