import type { InteractionEvent } from '@/lib/db';
import { dateTime } from './format';

/**
 * One line per logged event, in the agent's words; the event's own text is shown beside it.
 * A colleague's event (team sync: `by`) says who: "ben: Reply inserted".
 */
export function describeEvent(event: InteractionEvent): string {
  const what = describeOwn(event);
  return event.by ? `${event.by}: ${what.replace(' (confirmed by you)', '')}` : what;
}

function describeOwn(event: InteractionEvent): string {
  switch (event.type) {
    case 'flagged':
      return event.severity !== undefined ? `Flagged as a complaint (severity ${event.severity})` : 'Flagged as a complaint';
    case 'helper-opened':
      return 'Reply helper opened';
    case 'reply-inserted':
      return 'Reply inserted';
    case 'reply-copied':
      return 'Reply copied (not confirmed as sent)';
    case 'reply-confirmed':
      return 'Reply sent (confirmed by you)';
    case 'note':
      return 'Note';
    case 'status':
      return `Status changed to ${event.status ?? 'unknown'}`;
    case 'follow-up-set':
      return event.dueAt !== undefined ? `Follow-up set for ${dateTime(event.dueAt)}` : 'Follow-up set';
    case 'follow-up-done':
      return 'Follow-up done';
  }
}

/** Events that carry words the agent wrote (shown as a quote). */
export function hasText(event: InteractionEvent): boolean {
  return Boolean(event.text) && (event.type === 'reply-inserted' || event.type === 'reply-copied' || event.type === 'reply-confirmed' || event.type === 'note');
}
