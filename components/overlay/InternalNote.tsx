import { useId, useMemo, useState } from 'react';
import { findTicketRefs } from '@/lib/detect/ticket-refs';
import type { ContentToBackgroundMessage } from '@/lib/messages';
import { outcomeOf } from '@/lib/content/write-outcome';
import type { Post, Verdict } from '@/lib/types';

/**
 * Notes for the team, never for the customer: what the agent found out, and the ticket number
 * the customer quoted ("Ticket #48213"), recognised in the post and added with one click. A saved
 * note goes into this customer's history (the dashboard timeline), not into the reply.
 */
export function InternalNote({ post, verdict, send }: { post: Post; verdict: Verdict; send: (msg: ContentToBackgroundMessage) => Promise<unknown> }) {
  const tickets = useMemo(() => findTicketRefs(post.text), [post.text]);
  const [note, setNote] = useState('');
  const [status, setStatus] = useState<{ text: string; tone: 'ok' | 'error' } | null>(null);
  const id = useId();

  const save = async () => {
    const text = note.trim();
    if (!text) return;
    const logged = await outcomeOf(send({ type: 'cs→bg:interaction-event', post, verdict, event: 'note', text }));
    if (logged.ok) setNote('');
    setStatus(logged.ok ? { text: 'Note saved to this customer’s history.', tone: 'ok' } : { text: `Note not saved: ${logged.error}.`, tone: 'error' });
  };

  const addTicket = (label: string) => setNote((n) => (n.includes(label) ? n : `${label}${n ? ` ${n}` : ': '}`));

  return (
    <details className="fl-section fl-note-box" open={tickets.length > 0}>
      <summary className="fl-h3">
        Internal note{tickets.length > 0 ? ` · ${tickets.map((t) => t.label).join(', ')} in the post` : ''}
      </summary>
      {tickets.length > 0 ? (
        <div className="fl-choices" role="group" aria-label="Ticket numbers in the post">
          {tickets.map((t) => (
            <button key={t.label} type="button" className="fl-chip-btn" onClick={() => addTicket(t.label)} aria-label={`Add ${t.label} to the note`}>
              + {t.label}
            </button>
          ))}
        </div>
      ) : null}
      <label htmlFor={id} className="fl-note">For your team only: never sent to the customer.</label>
      <textarea id={id} className="fl-editor fl-note-input" rows={2} value={note} aria-label="Internal note" onChange={(e) => setNote(e.target.value)} />
      <div className="fl-row fl-note-actions">
        <button type="button" className="fl-btn" onClick={save} disabled={!note.trim()}>Save note</button>
        {status ? <span className={`fl-note-status ${status.tone === 'error' ? 'is-error' : 'is-ok'}`} role="status">{status.text}</span> : null}
      </div>
    </details>
  );
}
