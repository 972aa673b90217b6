import type { ReactNode } from 'react';
import { insultSpans, type Span as InsultSpan } from '@/lib/detect/insults';

/**
 * A customer's words with the insults blurred (and read out as "insult hidden") until the agent
 * chooses to read them: the problem is answerable without them. Page text stays React text.
 */
export function BlurredInsults({ text, spans, revealed }: { text: string; spans: readonly InsultSpan[]; revealed: boolean }) {
  if (revealed || spans.length === 0) return <>{text}</>;
  const parts: ReactNode[] = [];
  let at = 0;
  for (const s of spans) {
    if (s.start > at) parts.push(text.slice(at, s.start));
    parts.push(
      <span key={s.start}>
        <span className="fl-blur" aria-hidden="true" data-testid="blurred-insult">{text.slice(s.start, s.end)}</span>
        <span className="fl-sr-only">(insult hidden)</span>
      </span>,
    );
    at = s.end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}

export { insultSpans };

/** "Show the 2 insults" / "Hide the insults again": the switch's name says what it will do. */
export function revealLabel(count: number, revealed: boolean, where = ''): string {
  if (revealed) return `Hide the insults${where} again`;
  return `Show ${count === 1 ? 'the insult' : `the ${count} insults`}${where}`;
}
