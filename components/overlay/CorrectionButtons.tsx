import { useState } from 'react';
import { SEVERITY_LABELS, type Severity } from '@/lib/model/severities';
import type { ContentToBackgroundMessage } from '@/lib/messages';
import type { Post, Verdict } from '@/lib/types';

/** The level each button asks for, from the level shown now; null where it cannot go further. */
export function correctionTargets(level: Severity): { notComplaint: Severity | null; more: Severity | null; less: Severity | null } {
  return {
    notComplaint: level === 0 ? null : 0,
    more: level >= 4 ? null : ((level === 0 ? 1 : level + 1) as Severity),
    less: level <= 1 ? null : ((level - 1) as Severity),
  };
}

/** What a correction attempt came to: the helper's message reply, or a page's own write. */
export interface TeachOutcome {
  ok?: boolean;
  error?: string;
}

/**
 * "Not a complaint", "More severe", "Less severe": the agent's word on the verdict, stored and
 * learnt from (lib/detect/adapt.ts). The level shown follows the agent's clicks at once; posts
 * read after this use the refitted layer. Shared by the reply helper and the popup, which differ
 * only in how the word is stored (`teach`) and in their button styles.
 */
export function CorrectionButtons({ detected, teach, buttonClassName = 'fl-btn', tabIndex }: {
  detected: Severity;
  teach: (level: Severity) => Promise<TeachOutcome | null | undefined>;
  buttonClassName?: string;
  tabIndex?: number;
}) {
  const [level, setLevel] = useState<Severity>(detected);
  const [status, setStatus] = useState<string | null>(null);
  const targets = correctionTargets(level);
  const click = async (to: Severity) => {
    const reply = await teach(to).catch((error: unknown) => ({ ok: false, error: error instanceof Error ? error.message : String(error) }));
    if (reply?.ok) {
      setLevel(to);
      setStatus(`Noted: ${SEVERITY_LABELS[to].toLowerCase()}. Frontline will read posts like this one that way.`);
    } else {
      setStatus(`Not saved: ${reply?.error ?? 'Frontline did not answer'}`);
    }
  };
  const button = (label: string, to: Severity | null) =>
    to !== null && <button type="button" className={buttonClassName} tabIndex={tabIndex} onClick={() => void click(to)}>{label}</button>;
  return (
    <section aria-label="Correct the detector" className="fl-section">
      <div className="fl-row row" role="group" aria-label={`Detected: ${SEVERITY_LABELS[level]}`}>
        {button('Not a complaint', targets.notComplaint)}
        {button('More severe', targets.more)}
        {button('Less severe', targets.less)}
      </div>
      {status && <p className="fl-status is-ok small" role="status">{status}</p>}
    </section>
  );
}

/** The helper's buttons: the correction goes to the background (cs→bg:correct), which refits the layer. */
export function HelperCorrectionButtons({ post, verdict, send }: {
  post: Post;
  verdict: Verdict;
  send: (msg: ContentToBackgroundMessage) => Promise<unknown>;
}) {
  return <CorrectionButtons detected={verdict.severity} teach={(level) => send({ type: 'cs→bg:correct', post, verdict, level }) as Promise<TeachOutcome>} />;
}
