import type { Send } from '../messages';
import type { Settings } from '../settings';
import type { SiteAdapter } from '../sites/types';
import { createChips } from './chips';
import type { OverlayStore } from './store';
import { createUiShell, type UiShell } from './ui-shell';

/** What the overlay needs from the scanning script: its store and a few callbacks. */
export interface OverlayDeps {
  store: OverlayStore;
  send: Send;
  getSettings: () => Settings;
  getAdapter: () => SiteAdapter | null;
}

/**
 * The scanning script (entrypoints/main.content) and the overlay (entrypoints/ui.content) are
 * two bundles in one isolated world: React's evaluation alone costs tens of milliseconds, so only
 * frames where the agent opens the helper load it. They meet through this one global, which the
 * page cannot see.
 */
export interface UiHost {
  deps: OverlayDeps;
  /** The shadow root the overlay's stylesheet goes into, and the element it renders into. */
  shadow: ShadowRoot;
  app: HTMLElement;
  /** Called by the overlay once mounted, with how to unmount it (extension updated or disabled). */
  attached(unmount: () => void): void;
}

const KEY = '__frontlineUiHost';

export function offerUiHost(host: UiHost): void {
  (globalThis as Record<string, unknown>)[KEY] = host;
}

export function claimUiHost(): UiHost | undefined {
  return (globalThis as Record<string, unknown>)[KEY] as UiHost | undefined;
}

/**
 * The scanning side of the in-page UI. The shell and the chips come with the first flagged post;
 * the React overlay only when the agent asks for it (a chip, the palette, the context menu): the
 * background injects it once. A failed injection (the page went away) is retried on the next ask.
 */
export function createInPageUi(doc: Document, deps: OverlayDeps) {
  let shell: UiShell | null = null;
  let chips: ReturnType<typeof createChips> | null = null;
  let app: 'none' | 'requested' = 'none';
  let unmountApp: (() => void) | null = null;
  let removed = false;

  const ensureShell = (): UiShell | null => {
    if (removed) return null;
    if (!shell) {
      shell = createUiShell(doc);
      offerUiHost({
        deps,
        shadow: shell.shadow,
        app: shell.app,
        attached(unmount) {
          if (removed) unmount();
          else unmountApp = unmount;
        },
      });
    }
    return shell;
  };

  const openApp = (): void => {
    if (!ensureShell() || app === 'requested' || unmountApp) return;
    app = 'requested';
    void deps
      .send({ type: 'cs→bg:need-ui' })
      .then((reply) => {
        if (!reply.ok) app = 'none';
      })
      .catch(() => {
        app = 'none';
      });
  };

  return {
    /** The first flagged post: draw chips beside flagged posts. */
    showChips(): void {
      const s = ensureShell();
      if (!s || chips) return;
      chips = createChips(doc, s.chips, deps.store, (postId) => {
        deps.store.openHelper({ kind: 'post', postId });
        openApp();
      });
    },
    /** The helper or the palette was asked for. */
    openApp,
    /** Our host element, whatever its (random) name: the scanner skips it. */
    isHost(node: Node): boolean {
      return shell !== null && node === shell.host;
    },
    remove(): void {
      removed = true;
      chips?.stop();
      unmountApp?.();
      shell?.remove();
    },
  };
}
