/**
 * For happy-dom tests that talk to the real server: happy-dom's fetch keeps its own HTTP cache
 * keyed by URL (not by Authorization) and ignores the client's `cache: 'no-store'`, which a
 * browser honours; a request's `Cache-Control: no-cache` makes it ask the server every time, as
 * Chromium does. Pair with `disableSameOriginPolicy` (the extension's fetch to a server it has a
 * host permission for is exempt from page CORS rules).
 */
export function askServerEveryTime(): void {
  const domFetch = globalThis.fetch;
  globalThis.fetch = ((input: RequestInfo | URL, init: RequestInit = {}) =>
    domFetch(input, { ...init, headers: { ...(init.headers as Record<string, string>), 'Cache-Control': 'no-cache' } })) as typeof fetch;
}
