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

export interface ToneWarningsProps {
  warnings: readonly ToneWarning[];
  /** Applies the finding's one-click rewrite to the draft (shown only where one is offered). */
  onRewrite?: (warning: ToneWarning) => void;
  /** Selects the finding's words in the draft, so the agent can retype them. */
  onShow?: (warning: ToneWarning) => void;
  /** The finding under the caret, shown as the current one. */
  current?: number;
}

/** What the rewrite button says it will do, so its name is the action, not "Fix". */
function rewriteLabel(w: ToneWarning): string {
  if (w.words === '') return 'Add a next step';
  if (w.rewrite === '') return `Delete “${w.words}”`;
  return `Change to “${w.rewrite}”`;
}

/**
 * The live honesty and tone check, Grammarly style: each finding is underlined in the draft
 * (DraftMarks) and listed here, right under it, with a one-click rewrite where one keeps the
 * sentence true, or a button that selects the words for the agent to retype. Never blocking.
 */
export function ToneWarnings({ warnings, onRewrite, onShow, current = -1 }: ToneWarningsProps) {
  if (warnings.length === 0) {
    return <p className="fl-tone-ok" role="status">Tone check: honest, personal, with a next step.</p>;
  }
  return (
    <section className="fl-section" aria-label="Tone check">
      <h3 className="fl-h3">Tone check</h3>
      <ul className="fl-warnings" role="list">
        {warnings.map((w, i) => (
          <li key={`${w.kind}-${w.start}-${i}`} className={`fl-warning fl-warning-${w.kind}${i === current ? ' is-current' : ''}`}>
            <div className="fl-warning-kind">{KIND_LABELS[w.kind]}{w.words ? <>: <mark>“{w.words}”</mark></> : null}</div>
            <div className="fl-warning-msg">{w.message}</div>
            {w.suggestion ? <div className="fl-warning-try">Try: {w.suggestion}</div> : null}
            {(onRewrite && w.rewrite !== undefined) || (onShow && w.words) ? (
              <div className="fl-warning-actions">
                {onRewrite && w.rewrite !== undefined ? (
                  <button type="button" className="fl-chip-btn" onClick={() => onRewrite(w)}>{rewriteLabel(w)}</button>
                ) : null}
                {onShow && w.words ? (
                  <button type="button" className="fl-link-btn" onClick={() => onShow(w)} aria-label={`${w.kind === 'placeholder' ? 'Go to field' : 'Select'} “${w.words}” in the draft`}>
                    {w.kind === 'placeholder' ? 'Go to field' : 'Select in draft'}
                  </button>
                ) : null}
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
