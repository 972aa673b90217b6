import { useRef, useState } from 'react';
import { importFile } from '@/lib/actions';
import type { FrontlineDB, ImportResult, Progress } from '@/lib/db';
import { StatusMessage, type Status } from './StatusMessage';

/** Exports of a year of work are a few MB; far beyond that is not a Frontline file. */
const MAX_BYTES = 200 * 1024 * 1024;

function summary(result: Extract<ImportResult, { ok: true }>): string {
  const { contacts, interactions, events } = result;
  return (
    `Imported: ${contacts.added} new and ${contacts.updated} updated contacts, ` +
    `${interactions.added} new and ${interactions.updated} updated interactions, ${events.added} events` +
    (events.skipped ? ` (${events.skipped} already present).` : '.')
  );
}

/**
 * Reads a Frontline JSON export back. lib/db validates everything before writing and writes
 * in one transaction, so a bad file or Cancel changes nothing; this panel says so plainly.
 */
export function ImportPanel({ db }: { db: FrontlineDB }) {
  const [status, setStatus] = useState<Status | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const abortRef = useRef<AbortController | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const busy = progress !== null;

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const controller = new AbortController();
    abortRef.current = controller;
    setProgress({ phase: 'contacts', done: 0, total: 0 });
    setStatus({ kind: 'info', text: `Checking ${file.name}…` });
    try {
      if (file.size > MAX_BYTES) {
        setStatus({ kind: 'error', text: `${file.name} was not imported: the file is too large to be a Frontline export. Nothing was changed.` });
        return;
      }
      const result = await importFile(db, await file.text(), { signal: controller.signal, onProgress: setProgress });
      if (result.ok) setStatus({ kind: 'ok', text: summary(result) });
      else if (result.cancelled) setStatus({ kind: 'info', text: 'Import cancelled. Nothing was changed.' });
      else setStatus({ kind: 'error', text: `${file.name} was not imported: ${result.error}. Nothing was changed.` });
    } catch (error) {
      setStatus({ kind: 'error', text: `Import failed: ${error instanceof Error ? error.message : String(error)}. Nothing was changed.` });
    } finally {
      abortRef.current = null;
      setProgress(null);
      // The same file can be picked again after fixing it.
      if (inputRef.current) inputRef.current.value = '';
    }
  };

  return (
    <section className="card stack" aria-labelledby="import-title">
      <h2 id="import-title">Import</h2>
      <p className="muted">
        Merges a Frontline JSON export into this browser. The file is checked completely first; if anything is wrong,
        nothing is changed.
      </p>
      <div className="row wrap">
        <label className={`btn ${busy ? 'btn-disabled' : ''}`}>
          Import JSON
          <input
            ref={inputRef}
            className="sr-only"
            type="file"
            accept="application/json,.json"
            disabled={busy}
            onChange={(e) => void onFile(e.target.files?.[0])}
          />
        </label>
        {busy && (
          <>
            <progress
              className="grow"
              aria-label={`Importing ${progress.phase}`}
              max={progress.total || 1}
              value={progress.total ? progress.done : 0}
            />
            <span className="muted small">
              {progress.phase} {progress.done}/{progress.total}
            </span>
            <button type="button" className="btn" onClick={() => abortRef.current?.abort()}>
              Cancel
            </button>
          </>
        )}
      </div>
      <StatusMessage status={status} />
    </section>
  );
}
