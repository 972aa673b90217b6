import { findsAnyPost } from '../scan/piecewise';
import { adapterForPage } from '../sites';

/**
 * An app that draws its posts after load (Flarum, and forums behind a loading shell) names no engine
 * when the content script starts, so the generic reader takes the page. While it does, look again as
 * the page changes, at most once a second and a bounded number of times: once an engine is recognised
 * by its markup and reads posts, `onEngine` runs (the caller starts over with that engine's reader).
 */
export const ENGINE_CHECK_MS = 1_000;
export const ENGINE_CHECKS_MAX = 30;

export function watchForEngine(doc: Document, url: URL, onEngine: () => void): () => void {
  let checks = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  const stop = () => {
    stopped = true;
    observer.disconnect();
    if (timer) clearTimeout(timer);
  };
  const check = () => {
    timer = null;
    if (stopped) return;
    checks += 1;
    let found: boolean;
    try {
      const engine = adapterForPage(doc, url);
      found = engine !== null && findsAnyPost(doc, engine);
    } catch {
      found = false;
    }
    if (found) {
      stop();
      onEngine();
    } else if (checks >= ENGINE_CHECKS_MAX) {
      stop();
    }
  };
  const observer = new MutationObserver(() => {
    if (!timer && !stopped) timer = setTimeout(check, ENGINE_CHECK_MS);
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true });
  return stop;
}
