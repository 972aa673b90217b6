import { localDay } from '@/lib/time/calendar';
import { now } from '@/lib/time/clock';

/** Saves text as a file through a temporary <a download>: no downloads permission needed. */
export function downloadText(filename: string, text: string | readonly string[] | Blob, type: string): void {
  // A list of parts goes into the Blob as it is: no joined copy of a 100 MB export; a Blob (the
  // JSON export, built as it was read) is saved as it is.
  const blob = text instanceof Blob ? text : new Blob(typeof text === 'string' ? [text] : [...text], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "frontline-contacts-2026-11-02.csv" */
export function datedName(stem: string, ext: string, at = now()): string {
  return `frontline-${stem}-${localDay(at)}.${ext}`;
}
