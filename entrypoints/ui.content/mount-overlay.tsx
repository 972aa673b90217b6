import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { OverlayApp } from '@/components/overlay/OverlayApp';
import { forgetAllDrafts } from '@/components/overlay/drafts';
import type { UiHost } from '@/lib/content/ui-bridge';

/**
 * Renders the reply helper, palette and toasts into the shell the scanning script made
 * (lib/content/ui-shell.ts), with this bundle's own stylesheet.
 */
export async function mountOverlay(ctx: ContentScriptContext, host: UiHost): Promise<void> {
  const style = document.createElement('style');
  style.textContent = await loadOwnCss();
  host.shadow.insertBefore(style, host.app);
  const root = createRoot(host.app);
  root.render(<OverlayApp deps={host.deps} />);
  const unmount = () => {
    root.unmount();
    style.remove();
    forgetAllDrafts();
  };
  ctx.onInvalidated(unmount);
  host.attached(unmount);
}

async function loadOwnCss(): Promise<string> {
  try {
    // WXT types only the public paths it knows; the stylesheet is web-accessible (cssInjectionMode 'ui').
    const url = (browser.runtime.getURL as (path: string) => string)('/content-scripts/ui.css');
    const res = await fetch(url);
    return (await res.text()).replaceAll(':root', ':host');
  } catch {
    // Unstyled is better than absent: the helper still works.
    return '';
  }
}
