export interface Status {
  kind: 'ok' | 'error' | 'info';
  text: string;
}

/**
 * A live region that is always in the DOM (regions inserted together with their text are
 * often not announced), so screen readers hear what an action did.
 */
export function StatusMessage({ status }: { status: Status | null }) {
  return (
    <div role="status" aria-live="polite" className={status ? `notice notice-${status.kind}` : 'notice'}>
      {status?.text ?? ''}
    </div>
  );
}
