export interface Status {
  kind: 'ok' | 'error' | 'info';
  text: string;
  /** One follow-up the agent may take on what just happened (e.g. "Undo"). */
  action?: { label: string; run: () => void };
}

/**
 * A live region that is always in the DOM (regions inserted together with their text are
 * often not announced), so screen readers hear what an action did.
 */
export function StatusMessage({ status }: { status: Status | null }) {
  return (
    <div role="status" aria-live="polite" className={status ? `notice notice-${status.kind}` : 'notice'}>
      {status?.text ?? ''}
      {status?.action && (
        <>
          {' '}
          <button type="button" className="btn btn-small" onClick={status.action.run}>
            {status.action.label}
          </button>
        </>
      )}
    </div>
  );
}
