/** Re-attachments allowed before we stop fighting a page that keeps removing us (no busy loop). */
export const MAX_REATTACH = 50;

/**
 * Puts `host` back under <html> when the page removes it (or replaces <html>): same element, same
 * shadow root, so the chips and an open helper survive. Only <html>'s own children are watched
 * (and the document's, for a replaced <html>): a subtree observer would run for every change a
 * busy page makes.
 */
export function keepAttached(doc: Document, host: Element): MutationObserver {
  let reattached = 0;
  let root = doc.documentElement;
  const watcher = new (doc.defaultView ?? globalThis).MutationObserver(() => {
    if (doc.documentElement !== root && doc.documentElement) {
      root = doc.documentElement;
      watcher.observe(root, { childList: true });
    }
    if (host.isConnected || reattached >= MAX_REATTACH || !root) return;
    reattached++;
    root.append(host);
  });
  watcher.observe(doc, { childList: true });
  watcher.observe(root, { childList: true });
  return watcher;
}
