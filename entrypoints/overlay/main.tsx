import { z } from 'zod';
import { createRoot } from 'react-dom/client';
import { OverlayApp } from '@/components/overlay/OverlayApp';
import { frameBaseCss } from '@/lib/content/ui-shell';
import { connectFrame, tokenFromLocation } from '@/lib/overlay/frame-link';
import { watchFrameSize } from '@/lib/overlay/frame-size';
import { loadSettings, watchSettings, type Settings } from '@/lib/settings';

// MV3 extension pages forbid `new Function`; zod must validate without its JIT.
z.config({ jitless: true });

/**
 * The reply helper and palette, in a page of the extension's own origin that the content script
 * frames inside the web page (lib/content/ui-bridge.ts): the page cannot read its text, click its
 * buttons or hear its keys. It learns what to show from the background, never from the page.
 */
async function start(): Promise<void> {
  const token = tokenFromLocation(location.hash);
  if (!token) return; // opened by hand, not by the page side: nothing to show
  const style = document.createElement('style');
  style.textContent = frameBaseCss();
  document.head.append(style);
  let settings: Settings = (await loadSettings()).settings;
  watchSettings((next) => {
    settings = next;
  });
  const link = connectFrame(token);
  const root = document.getElementById('root')!;
  createRoot(root).render(<OverlayApp deps={{ store: link.store, send: link.send, insert: link.insert, getSettings: () => settings }} />);
  watchFrameSize(root, (height) => link.relay({ kind: 'size', height }));
}

void start();
