import { throwIfAborted } from './errors';
import type { FrontlineDB } from './schema';
import type { Contact, StoredInteraction } from './records';
import { matchText, snippetRuns, textQueryTokens, type SnippetRun } from './text-match';

/**
 * Search over what customers wrote and the agent's internal notes, for the popup's second
 * section. There is no text index (no schema change; every index is paid on every write, see
 * README.md), so this is a bounded scan of the interactions, newest activity first, a page per
 * read, with the page handed back between pages and whenever a slice runs over its budget: the
 * popup stays responsive and the next keystroke cancels it (`signal`).
 */

export const TEXT_SEARCH_LIMIT = 20;
/** Past this many interactions scanned, stop: a search over an old log answers from recent work. */
export const TEXT_SEARCH_MAX_SCAN = 20_000;

export interface TextHit {
  /** `${interactionId}:post` or `${interactionId}:note:${n}`: one row per record searched. */
  key: string;
  interactionId: string;
  contactId: string;
  contact: Contact | undefined;
  source: 'post' | 'note';
  at: number;
  permalink: string | null;
  runs: SnippetRun[];
}

export interface TextSearchResult {
  hits: TextHit[];
  /** More matches exist past `limit`. */
  more: boolean;
  scanned: number;
  /** Stopped at maxScan before the oldest interaction. */
  capped: boolean;
}

export interface TextSearchOptions {
  limit?: number;
  signal?: AbortSignal;
  /** Milliseconds of matching before the page gets the main thread back. */
  sliceMs?: number;
  pageSize?: number;
  maxScan?: number;
  /** Called with the hits so far after each page, so rows show as they are found. */
  onProgress?: (partial: TextSearchResult) => void;
}

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** One interaction's matching records: its notes, newest first, then the post. */
function hitsIn(i: StoredInteraction, tokens: readonly string[]): Omit<TextHit, 'contact'>[] {
  const out: Omit<TextHit, 'contact'>[] = [];
  const base = { interactionId: i.id, contactId: i.contactId, permalink: i.permalink };
  for (let n = i.events.length - 1; n >= 0; n--) {
    const e = i.events[n]!;
    if (e.type !== 'note' || !e.text) continue;
    const ranges = matchText(e.text, tokens);
    if (ranges) out.push({ ...base, key: `${i.id}:note:${n}`, source: 'note', at: e.at, runs: snippetRuns(e.text, ranges) });
  }
  const ranges = matchText(i.text, tokens);
  if (ranges) out.push({ ...base, key: `${i.id}:post`, source: 'post', at: i.firstSeenAt, runs: snippetRuns(i.text, ranges) });
  return out;
}

/**
 * The first `limit` posts and notes matching every word of `query` (word prefixes, any order,
 * case and diacritics ignored), newest activity first, with their contacts. A word split across
 * two records (half in the post, half in a note) does not match: each record stands alone.
 * Throws CancelledError once `signal` aborts.
 */
export async function searchTexts(db: FrontlineDB, query: string, options: TextSearchOptions = {}): Promise<TextSearchResult> {
  const { limit = TEXT_SEARCH_LIMIT, signal, sliceMs = 8, pageSize = 100, maxScan = TEXT_SEARCH_MAX_SCAN, onProgress } = options;
  const tokens = textQueryTokens(query);
  const result: TextSearchResult = { hits: [], more: false, scanned: 0, capped: false };
  if (tokens.length === 0) return result;
  const contacts = new Map<string, Contact | undefined>();
  // Histories (schema v8) paged on their lastEventAt (the latest of theirs), newest first: the
  // next read starts at the last time read, past the histories already read at that very time.
  // Their interactions wait in `buffer` until no unread history can hold a later one, so the
  // scan still goes newest activity first (then by id, newest first), as the v5 index gave it.
  let lastAt = Number.POSITIVE_INFINITY;
  let tiesRead = 0;
  let exhausted = false;
  let buffer: StoredInteraction[] = [];
  const histories = Math.max(1, Math.ceil(pageSize / 5));
  const ready = (i: StoredInteraction) => exhausted || i.lastEventAt > lastAt;
  const newestFirst = (a: StoredInteraction, b: StoredInteraction) => b.lastEventAt - a.lastEventAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
  for (;;) {
    throwIfAborted(signal, 'Search');
    const want = Math.min(pageSize, maxScan - result.scanned);
    while (!exhausted && buffer.filter(ready).length < want) {
      const rows = await db.histories.where('lastEventAt').belowOrEqual(lastAt).reverse().offset(tiesRead).limit(histories).toArray();
      for (const h of rows) {
        tiesRead = h.lastEventAt === lastAt ? tiesRead + 1 : 1;
        lastAt = h.lastEventAt;
        buffer.push(...h.interactions);
      }
      if (rows.length < histories) exhausted = true;
    }
    buffer.sort(newestFirst);
    let taken = 0;
    while (taken < buffer.length && taken < want && ready(buffer[taken]!)) taken++;
    const page = buffer.slice(0, taken);
    buffer = buffer.slice(taken);
    throwIfAborted(signal, 'Search');
    const found: Omit<TextHit, 'contact'>[] = [];
    let sliceStart = performance.now();
    for (const i of page) {
      found.push(...hitsIn(i, tokens));
      if (performance.now() - sliceStart > sliceMs) {
        await pause();
        throwIfAborted(signal, 'Search');
        sliceStart = performance.now();
      }
      if (result.hits.length + found.length > limit) break;
    }
    result.scanned += page.length;
    const unknown = [...new Set(found.map((h) => h.contactId))].filter((id) => !contacts.has(id));
    if (unknown.length) (await db.contacts.bulkGet(unknown)).forEach((c, n) => contacts.set(unknown[n]!, c));
    throwIfAborted(signal, 'Search');
    result.hits.push(...found.map((h) => ({ ...h, contact: contacts.get(h.contactId) })));
    if (result.hits.length > limit) {
      result.hits.length = limit;
      result.more = true;
      break;
    }
    if (page.length < want && exhausted && buffer.length === 0) break;
    if (result.scanned >= maxScan) {
      result.capped = true;
      break;
    }
    onProgress?.({ ...result, hits: [...result.hits] });
    await pause();
  }
  return result;
}
