import { describeTriage, PRIORITY_LABELS, triageOf } from '@/lib/detect/triage';
import type { ReturningSummary } from '@/lib/messages';
import type { Post, Verdict } from '@/lib/types';

/**
 * What to answer first, beside the severity: the triage priority and, in plain words, why
 * (lib/detect/triage.ts). Says nothing for a post with no stake beyond its words.
 */
export function TriageNote({ post, verdict, summary }: { post: Post; verdict: Verdict; summary?: ReturningSummary }) {
  const triage = triageOf({ text: post.text, verdict, returning: summary });
  if (triage.priority === 'normal') return null;
  return (
    <p className={`fl-triage is-${triage.priority}`} role="note" aria-label={`Priority ${describeTriage(triage)}`}>
      <strong>{PRIORITY_LABELS[triage.priority]}</strong> — {triage.reasons.join(' · ')}
    </p>
  );
}
