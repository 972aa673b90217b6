import type { Send } from '../messages';
import type { Settings } from '../settings';
import type { HelperTarget, OverlayState } from '../content/store';

/**
 * What the reply helper and palette (components/overlay) need, whoever hosts them. Today that is
 * our overlay frame (entrypoints/overlay, lib/overlay/frame-link.ts): an extension page the web
 * page can neither read nor operate, fed by the background with what the page side says.
 */
export interface OverlayViewStore {
  get(): OverlayState;
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
