import { z } from 'zod';
import { mountOverlay } from './mount-overlay';
import { claimUiHost } from '@/lib/content/ui-bridge';

// Content scripts run under the extension's CSP too: zod must not compile validators with `new Function`.
z.config({ jitless: true });

/**
 * The overlay: reply helper, palette, chips (React). Not listed in the manifest: the background
 * injects it into a frame whose scanning script (main.content) asks for it, so a page where
 * nothing is flagged never pays for React.
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  registration: 'runtime',
  cssInjectionMode: 'ui',
  async main(ctx) {
    const flag = globalThis as { __frontlineUiStarted?: boolean };
    const host = claimUiHost();
    // Without the scanning script there is nothing to show; injected twice, one overlay.
    if (!host || flag.__frontlineUiStarted) return;
    flag.__frontlineUiStarted = true;
    try {
      await mountOverlay(ctx, host);
    } catch (error) {
      // Said once, where a developer looks: an async main's rejection would vanish silently.
      flag.__frontlineUiStarted = false;
      console.error('[frontline] the reply helper could not start:', error);
    }
  },
});
