import { triageOf } from '@/lib/detect/triage';
import type { ReturningSummary } from '@/lib/messages';
import { themesOf } from '@/lib/model/themes';
import type { Situation } from '@/lib/snippets';
import type { Post, Verdict } from '@/lib/types';

/**
 * The situation the helper ranks templates for: the detector's signals, read together with the
 * triage the helper shows beside them. When the triage note tells the agent "may leave" (a
 * customer "moving everything off" us, say, which the lexicon's churn words miss), the first
 * suggestion must answer a customer who is leaving, not only the outage they mention.
 */
export function situationOf(post: Post, verdict: Verdict, summary?: ReturningSummary): Situation {
  const triage = triageOf({ text: post.text, verdict, returning: summary });
  const leaving = triage.reasons.includes('may leave');
  return {
    severity: verdict.severity,
    signals: { ...verdict.signals, churn: verdict.signals.churn || leaving },
    platform: post.platform,
    returning: summary?.known ?? false,
    themes: themesOf(post.text),
  };
}
