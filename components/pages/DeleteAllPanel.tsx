import { useState } from 'react';
import { deleteEverything } from '@/lib/actions';
import type { FrontlineDB } from '@/lib/db';
import { StatusMessage, type Status } from './StatusMessage';

const CONFIRM_WORD = 'DELETE';

/** Typing the word is a deliberate act a stray click is not. */
export function DeleteAllPanel({ db }: { db: FrontlineDB }) {
  const [typed, setTyped] = useState('');
  const [status, setStatus] = useState<Status | null>(null);

  const run = async () => {
    try {
      await deleteEverything(db);
      setTyped('');
      setStatus({ kind: 'ok', text: 'All Frontline data in this browser was deleted.' });
    } catch (error) {
      setStatus({ kind: 'error', text: `Nothing was deleted: ${error instanceof Error ? error.message : String(error)}` });
    }
  };

  return (
    <section className="card stack danger-zone" aria-labelledby="delete-title">
      <h2 id="delete-title">Delete all data</h2>
      <p className="muted">
        Removes every contact, interaction and event from this browser. Export JSON first if you may need them. Your profile
        and settings in Options are kept.
      </p>
      <div className="row wrap">
        <label className="field">
          <span>Type {CONFIRM_WORD} to confirm</span>
          <input className="input" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" spellCheck={false} />
        </label>
        <button type="button" className="btn btn-danger field-button" disabled={typed !== CONFIRM_WORD} onClick={() => void run()}>
          Delete all data
        </button>
      </div>
      <StatusMessage status={status} />
    </section>
  );
}
