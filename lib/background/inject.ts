import { browser } from 'wxt/browser';

/** Where WXT writes the runtime-registered content script (entrypoints/main.content). */
export const MAIN_SCRIPT = '/content-scripts/main.js';

/**
 * Injects the full content script into one frame unless it already runs there: WXT starts a
 * fresh context on every injection and invalidates the old one, which would drop the page's
 * marks and open helper. Fails quietly on pages extensions may not touch (chrome://, the store).
 */
export async function injectMain(tabId: number, frameId = 0): Promise<boolean> {
  try {
    const reply = (await browser.tabs.sendMessage(tabId, { type: 'bg→cs:ping' }, { frameId })) as { ok?: boolean } | undefined;
    if (reply?.ok) return true;
  } catch {
    // No listener: not injected yet.
  }
  try {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [MAIN_SCRIPT] });
    return true;
  } catch {
    return false;
  }
}

/** The injected script registers its listener right away, but its first turn may not have run yet. */
export async function sendToTab(tabId: number, msg: unknown, frameId = 0): Promise<boolean> {
  for (let attempt = 0; attempt < 10; attempt++) {
    try {
      await browser.tabs.sendMessage(tabId, msg, { frameId });
      return true;
    } catch {
      await new Promise((r) => setTimeout(r, 100 * (attempt + 1)));
    }
  }
  return false;
}
