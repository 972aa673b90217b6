import { useState } from 'react';
import { forgetOlderThan } from '@/lib/actions';
import type { FrontlineDB } from '@/lib/db';
import { StatusMessage, type Status } from './StatusMessage';

/** Forget old conversations: personal data is kept no longer than the team decides. */
export function RetentionPanel({ db }: { db: FrontlineDB }) {
  const [days, setDays] = useState('180');
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);
  const n = Number(days);
  const valid = Number.isInteger(n) && n >= 1 && n <= 3650;

  const apply = async () => {
    setConfirming(false);
    try {
      const removed = await forgetOlderThan(db, n);
      setStatus({
        kind: 'ok',
        text: `Deleted ${removed.interactions} interactions, ${removed.events} events and ${removed.contacts} contacts older than ${n} days.`,
      });
    } catch (error) {
      setStatus({ kind: 'error', text: `Nothing was deleted: ${error instanceof Error ? error.message : String(error)}` });
    }
  };

  return (
    <section className="card stack" aria-labelledby="retention-title">
      <h2 id="retention-title">Retention</h2>
      <p className="muted">
        Delete interactions with no activity in the last N days, with their events, and customers left with nothing.
      </p>
      <div className="row wrap">
        <label className="field">
          <span>Keep the last (days)</span>
          <input
            className="input"
            type="number"
            min={1}
            max={3650}
            value={days}
            onChange={(e) => {
              setDays(e.target.value);
              setConfirming(false);
            }}
            aria-invalid={!valid}
          />
        </label>
        <button type="button" className="btn field-button" disabled={!valid || confirming} onClick={() => setConfirming(true)}>
          Delete older interactions
        </button>
      </div>
      {!valid && <p className="small" role="alert">Enter a whole number of days from 1 to 3650.</p>}
      {confirming && (
        <div className="confirm row wrap" role="group" aria-label="Confirm deletion">
          <span className="grow">Delete every interaction with no activity in the last {n} days? This cannot be undone.</span>
          <button type="button" className="btn btn-danger" onClick={() => void apply()}>
            Yes, delete
          </button>
          <button type="button" className="btn" onClick={() => setConfirming(false)}>
            Keep them
          </button>
        </div>
      )}
      <StatusMessage status={status} />
    </section>
  );
}
