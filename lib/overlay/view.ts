import type { CustomerHistory, Send } from '../messages';
import type { Settings } from '../settings';
import type { HelperTarget, OverlayState } from '../content/store';

/**
 * What the reply helper and palette (components/overlay) need, whoever hosts them. Today that is
 * our overlay frame (entrypoints/overlay, lib/overlay/frame-link.ts): an extension page the web
 * page can neither read nor operate, fed by the background with what the page side says.
 */
/** The customer history the background gave for one post (the frame asks for it, `ui→bg:history`). */
export interface HelperHistory {
  postId: string;
  history: CustomerHistory;
}

/** The page side's state, plus what only the frame holds: the open post's customer history. */
export type OverlayViewState = OverlayState & { history?: HelperHistory | null };

export interface OverlayViewStore {
  get(): OverlayViewState;
  subscribe(listener: () => void): () => void;
  openHelper(target: HelperTarget): void;
  closeHelper(): void;
  setPalette(open: boolean): void;
  toast(text: string, tone?: 'info' | 'error'): void;
  clearToast(): void;
}

export interface OverlayDeps {
  store: OverlayViewStore;
  send: Send;
  getSettings(): Settings;
  /** Puts the text into the reply box of the post the helper is open on (done by the page side). */
  insert(text: string): Promise<{ ok: boolean; message: string }>;
}
