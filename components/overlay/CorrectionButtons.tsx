import { useState } from 'react';
import { SEVERITY_LABELS, type Severity } from '@/lib/model/severity';
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

/**
 * "Not a complaint", "More severe", "Less severe": the agent's word on the verdict, stored and
 * learnt from (lib/detect/adapt.ts). The level shown follows the agent's clicks at once; posts
 * read after this one use the refitted layer.
 */
export function CorrectionButtons({ post, verdict, send }: {
  post: Post;
  verdict: Verdict;
  send: (msg: ContentToBackgroundMessage) => Promise<unknown>;
}) {
  const [level, setLevel] = useState<Severity>(verdict.severity);
  const [status, setStatus] = useState<string | null>(null);
  const targets = correctionTargets(level);
  const teach = async (to: Severity) => {
    const reply = (await send({ type: 'cs→bg:correct', post, verdict, level: to }).catch(() => null)) as { ok?: boolean; error?: string } | null;
    if (reply?.ok) {
      setLevel(to);
      setStatus(`Noted: ${SEVERITY_LABELS[to].toLowerCase()}. Frontline will read posts like this one that way.`);
    } else {
      setStatus(`Not saved: ${reply?.error ?? 'Frontline did not answer'}`);
    }
  };
  return (
    <section aria-label="Correct the detector" className="fl-section">
      <div className="fl-row" role="group" aria-label={`Detected: ${SEVERITY_LABELS[level]}`}>
        {targets.notComplaint !== null && <button type="button" className="fl-btn" onClick={() => void teach(0)}>Not a complaint</button>}
        {targets.more !== null && <button type="button" className="fl-btn" onClick={() => void teach(targets.more!)}>More severe</button>}
        {targets.less !== null && <button type="button" className="fl-btn" onClick={() => void teach(targets.less!)}>Less severe</button>}
      </div>
      {status && <p className="fl-status is-ok" role="status">{status}</p>}
    </section>
  );
}
