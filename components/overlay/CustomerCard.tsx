import { useMemo, useState } from 'react';
import { SEVERITY_LABELS } from '@/lib/content/marks';
import type { CustomerHistory, ReturningSummary } from '@/lib/messages';
import { PLATFORM_NAMES } from '@/lib/snippets';
import { SIGNAL_LABELS } from '@/lib/model';
import type { Post, Verdict } from '@/lib/types';
import { CustomerHistoryList } from './CustomerHistoryList';
import { BlurredInsults, insultSpans, revealLabel } from './Insults';

/** Who wrote it, how upset they are, why it was flagged, and what we already know of them. */
export function CustomerCard({ post, verdict, summary, history }: { post: Post; verdict: Verdict; summary?: ReturningSummary; history?: CustomerHistory }) {
  const signals = (Object.keys(SIGNAL_LABELS) as Array<keyof Verdict['signals']>).filter((k) => verdict.signals[k]);
  // One switch for the quote and the flagged words: an insult is blurred everywhere or nowhere.
  const [revealed, setRevealed] = useState(false);
  const hideInsult = (cue: string) => verdict.signals.abuse && !revealed && insultSpans(cue).length > 0;
  return (
    <section className="fl-customer" aria-label="Customer">
      <div className="fl-customer-row">
        <div className="fl-avatar" aria-hidden="true">{(post.author || post.handle || '?').replace(/^@/, '').slice(0, 1).toUpperCase()}</div>
        <div className="fl-customer-id">
          <div className="fl-customer-name">{post.author || 'Unknown author'}</div>
          <div className="fl-customer-handle">
            {post.handle ? `${post.handle} · ` : ''}
            {PLATFORM_NAMES[post.platform]}
          </div>
        </div>
        <span className={`fl-sev fl-sev-${verdict.severity}`} aria-label={`Severity ${verdict.severity}: ${SEVERITY_LABELS[verdict.severity]}`}>
          {verdict.severity} · {SEVERITY_LABELS[verdict.severity]}
        </span>
      </div>

      {summary?.known ? (
        <div className={`fl-returning${summary.severityRising ? ' is-rising' : ''}`} role="note">
          <strong>Returning customer</strong> — {summary.earlierInteractions} earlier interaction{summary.earlierInteractions === 1 ? '' : 's'}
          {summary.lastStatus ? `, last status ${summary.lastStatus}` : ''}
          {summary.daysSince !== undefined ? `, ${daysAgo(Math.round(summary.daysSince))}` : ''}.
          {summary.severityRising ? ' Angrier than last time: answer personally and fast.' : ''}
          {/* With the history listed below, our last reply is shown there, with its date. */}
          {summary.lastReply && !history ? <blockquote className="fl-last-reply">Last reply: {summary.lastReply}</blockquote> : null}
        </div>
      ) : null}
      {history ? <CustomerHistoryList history={history} /> : null}

      {post.text ? <PostQuote text={post.text.length > 400 ? `${post.text.slice(0, 400)}…` : post.text} abusive={verdict.signals.abuse} revealed={revealed} onToggle={() => setRevealed((r) => !r)} /> : null}

      {verdict.cues.length + signals.length > 0 ? (
        <div className="fl-cues" aria-label="Why this was flagged">
          {signals.map((s) => (
            <span key={s} className={`fl-tag fl-tag-${s}`}>{SIGNAL_LABELS[s]}</span>
          ))}
          {verdict.cues.map((c) => (
            <span key={c} className="fl-tag fl-tag-cue">
              {hideInsult(c) ? (
                <>
                  <span className="fl-blur" aria-hidden="true" data-testid="blurred-insult">“{c}”</span>
                  <span className="fl-sr-only">(insult hidden)</span>
                </>
              ) : (
                `“${c}”`
              )}
            </span>
          ))}
        </div>
      ) : null}
    </section>
  );
}

/**
 * The customer's words. In a post flagged abusive the insults are blurred (and read out as
 * "insult hidden") until the agent chooses to read them: the problem is answerable without them.
 */
function PostQuote({ text, abusive, revealed, onToggle }: { text: string; abusive: boolean; revealed: boolean; onToggle: () => void }) {
  const spans = useMemo(() => (abusive ? insultSpans(text) : []), [abusive, text]);
  if (spans.length === 0) return <blockquote className="fl-quote">{text}</blockquote>;
  return (
    <div className="fl-quote-wrap">
      <blockquote className="fl-quote">
        <BlurredInsults text={text} spans={spans} revealed={revealed} />
      </blockquote>
      <button type="button" className="fl-link-btn" aria-pressed={revealed} onClick={onToggle}>
        {revealLabel(spans.length, revealed)}
      </button>
    </div>
  );
}

/** "today", "1 day ago", "12 days ago": never "0 days ago". */
function daysAgo(days: number): string {
  return days <= 0 ? 'today' : `${days} day${days === 1 ? '' : 's'} ago`;
}
