/**
 * Recognising the failures a user must hear about. Browsers report a full disk as
 * QuotaExceededError, but inside a transaction Dexie often surfaces it as an AbortError
 * whose `inner` is the QuotaExceededError (PLATFORM-NOTES.md), and bulk writes as a
 * BulkError listing per-item failures; all three mean "out of space".
 */
export function isQuotaError(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const e = error as { name?: unknown; code?: unknown; inner?: unknown; failures?: unknown };
  if (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
  // Legacy DOMException code for quota, still set by some engines.
  if (e.code === 22 && typeof e.name === 'string' && e.name.includes('Quota')) return true;
  if (isQuotaError(e.inner, depth + 1)) return true;
  const failures = Array.isArray(e.failures) ? e.failures : e.failures && typeof e.failures === 'object' ? Object.values(e.failures) : [];
  return failures.some((f) => isQuotaError(f, depth + 1));
}

export const QUOTA_MESSAGE =
  'Frontline could not save: the browser says storage is full. Nothing was lost — the change is kept ' +
  'and saved when space is free. Export your data or shorten retention in Options to free space.';

/** Another tab still has Frontline open at an older version, so this one cannot upgrade. */
export class DatabaseBlockedError extends Error {
  override name = 'DatabaseBlockedError';
  constructor() {
    super('Frontline was updated but another Frontline page is still open with the old version. Close or reload the other Frontline tabs, then try again.');
  }
}

/** The user pressed cancel (AbortSignal): nothing was written. */
export class CancelledError extends Error {
  override name = 'CancelledError';
  constructor(what: string) {
    super(`${what} cancelled; nothing was changed`);
  }
}

export function throwIfAborted(signal: AbortSignal | undefined, what: string): void {
  if (signal?.aborted) throw new CancelledError(what);
}
