import { statSync } from 'node:fs';
import path from 'node:path';
import type { ExtensionBrowser } from '../../test/e2e/harness';
import { openWatched, timeSearch, timeTimelineSwitch } from './page-timing';

export interface Timed {
  ms: number;
  note?: string;
}

const POPUP_READY = { contacts: 'li.contact-item', empty: '.empty h2' };
const TIMELINE_READY = { timeline: 'article.timeline li.card', missing: '.timeline-pane p[role="status"]' };
/**
 * The queries agents type, one of each shape: first name + start of the last name, a last name,
 * a handle prefix, a common first name (~1 person in 16 of the seed), a single letter (the first
 * keystroke, thousands of matches), a word of post text ("refund": no name holds it, so the name
 * search answers "No contact matches" and the posts are scanned below once typing pauses), a
 * one-letter word after a name. Each query's rows must not all
 * match the next query, or timeSearch would see it settled before it ran: no query here is a
 * prefix of a later one's words for every row.
 */
export const SEARCHES = ['nadia pa', 'okafor', 'mei ng', 'kwame', 'ivanlind', 'h', 'refund', 'nadia', 'sofia b', 'tomokafor'];

const extensionUrl = (b: ExtensionBrowser, file: string) => `chrome-extension://${b.extensionId}/${file}`;

/** How many times the popup is opened per run; the report judges their p95. */
export const POPUP_OPENS = 5;

/** Popup opened as a tab; the first contact row (or the empty state) is "rendered". */
export async function popupFirstRender(b: ExtensionBrowser): Promise<Timed> {
  const { page, first } = await openWatched(b.context, extensionUrl(b, 'popup.html'), POPUP_READY);
  await page.close();
  return { ms: first.ms, note: first.name };
}

/** POPUP_OPENS openings, one after another (the first is the cold one). */
export async function popupOpens(b: ExtensionBrowser): Promise<Timed[]> {
  const out: Timed[] = [];
  for (let n = 0; n < POPUP_OPENS; n++) out.push(await popupFirstRender(b));
  return out;
}

export async function searches(b: ExtensionBrowser): Promise<Timed[]> {
  const { page, first } = await openWatched(b.context, extensionUrl(b, 'popup.html'), POPUP_READY);
  try {
    if (first.name !== 'contacts') return [];
    const out: Timed[] = [];
    for (const query of SEARCHES) {
      const { ms, rows } = await timeSearch(page, query);
      out.push({ ms, note: `"${query}" → ${rows} rows` });
    }
    return out;
  } finally {
    await page.close();
  }
}

/** Cold: the dashboard opened on a #contact= link. Warm: following links inside an open dashboard. */
export async function timelines(b: ExtensionBrowser, ids: { heavy: string; typical: string } | null) {
  const target = ids?.heavy ?? 'x:nobody-here';
  const { page, first } = await openWatched(b.context, extensionUrl(b, `dashboard.html#contact=${encodeURIComponent(target)}`), TIMELINE_READY);
  try {
    const cards = await page.locator('article.timeline li.card').count();
    const cold: Timed = { ms: first.ms, note: first.name === 'timeline' ? `${cards} posts` : 'contact not found message' };
    if (!ids) return { cold, switchTypical: null, switchHeavy: null };
    const typical = await timeTimelineSwitch(page, ids.typical);
    const heavy = await timeTimelineSwitch(page, ids.heavy);
    return {
      cold,
      switchTypical: { ms: typical.ms, note: `${typical.cards} posts` } as Timed,
      switchHeavy: { ms: heavy.ms, note: `${heavy.cards} posts` } as Timed,
    };
  } finally {
    await page.close();
  }
}

/** Clicks "Export JSON" on the Data tab; time until the browser reports the download. */
export async function exportAll(b: ExtensionBrowser, saveTo: string): Promise<Timed & { file: string; bytes: number }> {
  const { page } = await openWatched(b.context, extensionUrl(b, 'dashboard.html#tab=data'), { ready: 'section[aria-labelledby="export-title"] button' });
  try {
    const started = Date.now();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 300_000 }),
      page.getByRole('button', { name: 'Export JSON', exact: true }).click(),
    ]);
    const ms = Date.now() - started;
    const file = path.resolve(saveTo);
    await download.saveAs(file);
    const { size } = statSync(file);
    return { ms, file, bytes: size, note: `${(size / 2 ** 20).toFixed(1)} MB` };
  } finally {
    await page.close();
  }
}

/** Picks the file in the Data tab's import control; time until the panel reports the outcome. */
export async function importFile(b: ExtensionBrowser, file: string): Promise<Timed> {
  const { page } = await openWatched(b.context, extensionUrl(b, 'dashboard.html#tab=data'), { ready: 'section[aria-labelledby="import-title"] input[type="file"]' });
  try {
    const status = page.locator('section[aria-labelledby="import-title"] [role="status"]');
    const started = Date.now();
    await page.locator('section[aria-labelledby="import-title"] input[type="file"]').setInputFiles(file);
    const handedMs = Date.now() - started;
    await status.filter({ hasText: /Imported:|not imported|failed|cancelled/ }).waitFor({ timeout: 600_000 });
    const ms = Date.now() - started;
    const text = (await status.textContent()) ?? '';
    const outcome = text.startsWith('Imported:') ? text.replace(/^Imported: /, '') : `FAILED: ${text}`;
    return { ms, note: `${outcome} (file picked in ${handedMs} ms)` };
  } finally {
    await page.close();
  }
}
