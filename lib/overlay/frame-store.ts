import type { CustomerHistory, UiCommand, UiState } from '../messages';
import type { FlaggedPost, HelperTarget } from '../content/store';
import type { OverlayViewState, OverlayViewStore } from './view';

/**
 * The overlay frame's copy of the page side's state. The page side (lib/content/ui-bridge.ts)
 * owns it: what the agent does here that changes it (close, open another post, a toast) goes
 * back as a command, and the page side's next state comes over the port (`apply`).
 */
export function createFrameStore(relay: (command: UiCommand) => void): OverlayViewStore & {
  apply(ui: UiState): void;
  setHistory(postId: string | null, history: CustomerHistory | null): void;
} {
  const flagged = new Map<string, FlaggedPost>();
  let state: OverlayViewState = { flagged, version: 0, order: [], helper: null, paletteOpen: false, toast: null, history: null };
  const listeners = new Set<() => void>();
  const openPostId = (): string | null => {
    const h = state.helper;
    return h?.kind === 'post' ? h.postId : h?.kind === 'ad-hoc' ? h.post.id : null;
  };
  const set = (next: Partial<OverlayViewState>) => {
    state = { ...state, ...next, version: state.version + 1 };
    for (const l of listeners) l();
  };
  return {
    get: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    apply(ui) {
      let helper: HelperTarget | null = null;
      if (ui.helper && ui.helperPostId !== null) {
        flagged.set(ui.helperPostId, { post: ui.helper.post, verdict: ui.helper.verdict, el: null });
        helper = { kind: 'post', postId: ui.helperPostId };
      } else if (ui.helper) {
        helper = { kind: 'ad-hoc', post: ui.helper.post, verdict: ui.helper.verdict };
      }
      set({ helper, order: ui.order, paletteOpen: ui.palette, toast: ui.toast });
      // Another post's history is never shown beside this one.
      if (state.history && state.history.postId !== openPostId()) set({ history: null });
    },
    /** The background's answer for the post the helper was open on when asked; dropped if it moved on since. */
    setHistory(postId, history) {
      if (postId === null || postId !== openPostId()) return;
      set({ history: history ? { postId, history } : null });
    },
    openHelper(target) {
      // Only scanned posts can be asked for by id; the page side answers with the post's state.
      if (target.kind === 'post') relay({ kind: 'open-post', postId: target.postId });
    },
    closeHelper() {
      set({ helper: null });
      relay({ kind: 'close-helper' });
    },
    setPalette(open) {
      set({ paletteOpen: open });
      if (!open) relay({ kind: 'close-palette' });
    },
    toast(text, tone = 'info') {
      set({ toast: { text, tone } });
      // The page side sizes the frame: it must know a toast is showing.
      relay({ kind: 'toast', text: text.slice(0, 500), tone });
    },
    clearToast() {
      set({ toast: null });
      relay({ kind: 'clear-toast' });
    },
  };
}
