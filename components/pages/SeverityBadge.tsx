import { SEVERITY_LABELS } from './format';

/** Colour plus words: severity is never told by colour alone. */
export function SeverityBadge({ severity }: { severity: number }) {
  const level = Math.max(0, Math.min(4, Math.round(severity)));
  return (
    <span className={`sev sev-${level}`} title={`Severity ${level}: ${SEVERITY_LABELS[level]}`}>
      {level === 0 ? SEVERITY_LABELS[0] : `${level} · ${SEVERITY_LABELS[level]}`}
    </span>
  );
}

export function StatusTag({ status }: { status: string | undefined }) {
  if (!status) return null;
  return <span className={`tag status-${status}`}>{status}</span>;
}
