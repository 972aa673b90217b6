import { useState } from 'react';
import { exportCSV, exportJSONBlob, type FrontlineDB } from '@/lib/db';
import { StatusMessage, type Status } from './StatusMessage';
import { datedName, downloadText } from './download';

/** Backups (JSON, re-importable) and spreadsheets (CSV) of the log. */
export function ExportPanel({ db }: { db: FrontlineDB }) {
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (what: string, make: () => Promise<{ name: string; text: string | Blob; type: string }>) => {
    setBusy(true);
    setStatus({ kind: 'info', text: `Preparing ${what}…` });
    try {
      const file = await make();
      downloadText(file.name, file.text, file.type);
      setStatus({ kind: 'ok', text: `Saved ${file.name}.` });
    } catch (error) {
      setStatus({ kind: 'error', text: `Export failed: ${error instanceof Error ? error.message : String(error)}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card stack" aria-labelledby="export-title">
      <h2 id="export-title">Export</h2>
      <p className="muted">A JSON export is a complete backup you can import again. CSV files open in any spreadsheet.</p>
      <div className="row wrap">
        <button
          type="button"
          className="btn btn-primary"
          disabled={busy}
          onClick={() =>
            run('the export', async () => ({
              name: datedName('export', 'json'),
              text: await exportJSONBlob(db),
              type: 'application/json',
            }))
          }
        >
          Export JSON
        </button>
        <button
          type="button"
          className="btn"
          disabled={busy}
          onClick={() =>
            run('contacts', async () => ({ name: datedName('contacts', 'csv'), text: await exportCSV(db, 'contacts'), type: 'text/csv' }))
          }
        >
          Export contacts CSV
        </button>
        <button
          type="button"
          className="btn"
          disabled={busy}
          onClick={() =>
            run('interactions', async () => ({
              name: datedName('interactions', 'csv'),
              text: await exportCSV(db, 'interactions'),
              type: 'text/csv',
            }))
          }
        >
          Export interactions CSV
        </button>
      </div>
      <StatusMessage status={status} />
    </section>
  );
}
