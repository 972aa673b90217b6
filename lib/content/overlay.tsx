import { createRoot, type Root } from 'react-dom/client';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { OverlayApp, type OverlayDeps } from '../../components/overlay/OverlayApp';
import type { ContentToBackgroundMessage } from '../messages';
import type { Settings } from '../settings';
import type { SiteAdapter } from '../sites/types';
import type { OverlayStore } from './store';

export interface OverlayOptions {
  send: (msg: ContentToBackgroundMessage) => Promise<unknown>;
  getSettings: () => Settings;
  getAdapter: () => SiteAdapter | null;
}

/**
 * The one shadow host (`frontline-ui`, open shadow root: DESIGN.md test contract), created
 * lazily on the first flagged post or the first explicit request, so pages without
 * complaints never get any UI. Key events stay inside (X's own hotkeys must not fire while
 * the agent types a reply).
 */
export function createOverlay(ctx: ContentScriptContext, store: OverlayStore, opts: OverlayOptions) {
  let mounting: Promise<ShadowRootContentScriptUi<Root>> | null = null;
  const deps: OverlayDeps = { store, ...opts };

  return {
    ensureMounted() {
      mounting ??= createShadowRootUi(ctx, {
        name: 'frontline-ui',
        position: 'inline',
        anchor: () => document.documentElement,
        append: 'last',
        isolateEvents: ['keydown', 'keyup', 'keypress', 'input', 'paste', 'copy', 'cut'],
        onMount(container) {
          const root = createRoot(container);
          root.render(<OverlayApp deps={deps} />);
          return root;
        },
        onRemove(root) {
          root?.unmount();
        },
      }).then((ui) => {
        ui.mount();
        return ui;
      });
      return mounting;
    },
    remove() {
      void mounting?.then((ui) => ui.remove());
    },
  };
}
