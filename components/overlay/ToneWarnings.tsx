import type { ToneWarning } from '@/lib/snippets';

const KIND_LABELS: Record<ToneWarning['kind'], string> = {
  overpromise: 'Promise you may not keep',
  defensive: 'Sounds defensive',
  blame: 'Blames the customer',
  canned: 'Sounds canned',
  'no-next-step': 'No next step',
  placeholder: 'To fill in',
  unconfirmed: 'Not confirmed by you',
};

/** The live honesty and tone check: explained, never blocking. */
export function ToneWarnings({ warnings }: { warnings: readonly ToneWarning[] }) {
  if (warnings.length === 0) {
    return <p className="fl-tone-ok" role="status">Tone check: honest, personal, with a next step.</p>;
  }
  return (
    <section className="fl-section" aria-label="Tone check">
      <h3 className="fl-h3">Tone check</h3>
      <ul className="fl-warnings" role="list">
        {warnings.map((w, i) => (
          <li key={`${w.kind}-${w.start}-${i}`} className={`fl-warning fl-warning-${w.kind}`}>
            <div className="fl-warning-kind">{KIND_LABELS[w.kind]}{w.words ? <>: <mark>“{w.words}”</mark></> : null}</div>
            <div className="fl-warning-msg">{w.message}</div>
            {w.suggestion ? <div className="fl-warning-try">Try: {w.suggestion}</div> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
