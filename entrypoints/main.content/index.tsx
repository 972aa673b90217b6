import { z } from 'zod';
import { startFrontline } from '@/lib/content/frontline';

// Content scripts run under the extension's CSP too: zod must not compile validators with `new Function`.
z.config({ jitless: true });

/**
 * The full content script. Not listed in the manifest: the background injects it where the
 * gate (gate.content.ts) found a page that can hold posts, or on demand from the context menu
 * and the palette shortcut (activeTab), so ordinary pages never pay for React or the model.
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  registration: 'runtime',
  async main(ctx) {
    // Injection can happen twice (gate, then context menu); one instance per frame.
    const flag = globalThis as { __frontlineStarted?: boolean };
    if (flag.__frontlineStarted) return;
    flag.__frontlineStarted = true;
    await startFrontline(ctx);
  },
});
