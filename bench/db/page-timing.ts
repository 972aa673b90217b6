import type { BrowserContext, Page } from 'playwright-core';

/**
 * Opens an extension page with a watcher installed before any of its scripts run: the first
 * moment each selector matches is stamped with performance.now(), whose zero is the start of
 * navigation. So "first render" includes loading the bundle, opening IndexedDB, the queries
 * and React's commit, as the agent experiences it, with no polling delay from the test side.
 */
const WATCHER = (watch: Record<string, string>) => `(() => {
  const watch = ${JSON.stringify(watch)};
  window.__seen = {};
  const check = () => {
    for (const name in watch) {
      if (!(name in window.__seen) && document.querySelector(watch[name])) window.__seen[name] = performance.now();
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
})()`;

export async function openWatched(
  context: BrowserContext,
  url: string,
  watch: Record<string, string>,
): Promise<{ page: Page; first: { name: string; ms: number } }> {
  const page = await context.newPage();
  await page.addInitScript(WATCHER(watch));
  await page.goto(url);
  // Polled with evaluate: waitForFunction compiles its predicate with eval, which our pages' CSP forbids.
  let seen: Record<string, number> = {};
  for (const until = Date.now() + 60_000; Object.keys(seen).length === 0; ) {
    if (Date.now() > until) throw new Error(`${url}: none of ${Object.values(watch).join(', ')} appeared`);
    await new Promise((r) => setTimeout(r, 20));
    seen = (await page.evaluate('window.__seen')) as Record<string, number>;
  }
  const [name, ms] = Object.entries(seen).sort((a, b) => a[1] - b[1])[0]!;
  return { page, first: { name, ms } };
}

/**
 * In-page script text that defines `query`, `input` (the "Search contacts" box; rejects without it)
 * and `settled()`: the number of rows once every row shown matches the query or "No contact
 * matches" shows, else -1. For a `new Promise((resolve, reject) => …)` body.
 */
export const searchSettledJs = (query: string): string => `
  const query = ${JSON.stringify(query)};
  const tokens = query.toLowerCase().split(/\\s+/).filter(Boolean);
  const input = document.querySelector('input[aria-label="Search contacts"]');
  if (!input) return reject(new Error('no "Search contacts" box'));
  const matches = (li) => {
    const words = ((li.querySelector('.name')?.textContent ?? '') + ' ' + (li.querySelector('.handle')?.textContent ?? ''))
      .toLowerCase().split(/[^\\p{L}\\p{N}]+/u);
    return tokens.every((t) => words.some((w) => w.startsWith(t)));
  };
  const settled = () => {
    const rows = document.querySelectorAll('li.contact-item');
    const none = Array.from(document.querySelectorAll('.list-empty')).some((el) => el.textContent.includes('No contact matches'));
    return (rows.length > 0 && Array.from(rows).every(matches)) || none ? rows.length : -1;
  };
`;

/**
 * Types a whole query into "Search contacts" the way React sees typing (native value setter,
 * then an input event) and times until every contact row shown matches it: the live query
 * has answered and React has committed the new rows.
 */
export async function timeSearch(page: Page, query: string): Promise<{ ms: number; rows: number }> {
  return (await page.evaluate(`new Promise((resolve, reject) => {
    ${searchSettledJs(query)}
    const started = performance.now();
    const observer = new MutationObserver(() => {
      const rows = settled();
      if (rows < 0) return;
      observer.disconnect();
      resolve({ ms: performance.now() - started, rows });
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, query);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    setTimeout(() => reject(new Error('search never settled for ' + query)), 30000);
  })`)) as { ms: number; rows: number };
}

/** In an open dashboard: follow a #contact= link and time until that contact's timeline is on screen. */
export async function timeTimelineSwitch(page: Page, contactId: string): Promise<{ ms: number; cards: number }> {
  const handle = contactId.slice(contactId.indexOf(':') + 1);
  return (await page.evaluate(`new Promise((resolve, reject) => {
    const handle = ${JSON.stringify(handle)};
    const shown = () => {
      const header = document.querySelector('.timeline-header p');
      const cards = document.querySelectorAll('article.timeline li.card').length;
      return header && header.textContent.includes('@' + handle) && cards > 0 ? cards : -1;
    };
    const started = performance.now();
    const observer = new MutationObserver(() => {
      const cards = shown();
      if (cards < 0) return;
      observer.disconnect();
      resolve({ ms: performance.now() - started, cards });
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    location.hash = '#contact=' + encodeURIComponent(${JSON.stringify(contactId)});
    setTimeout(() => reject(new Error('timeline never showed ' + handle)), 30000);
  })`)) as { ms: number; cards: number };
}
