import { useEffect, useState } from 'react';
import { parseReply, type ContentToBackgroundMessage } from '@/lib/messages';
import type { Post } from '@/lib/types';

/**
 * Team sync (issue 19): opening the helper claims the post on the team server; this says who else
 * is on it before the agent writes — "Ana is answering this (2 min ago)", "Ben replied 5 min ago:
 * …" — with "Answer anyway" to take the claim over. Nothing shows when team sync is off or
 * nobody else is on the post. The line is the server's data: rendered as text, never markup.
 */
export function TeamNote({ post, send }: { post: Post; send: (msg: ContentToBackgroundMessage) => Promise<unknown> }) {
  const [line, setLine] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [held, setHeld] = useState(false);

  const ask = async (takeOver: boolean) => {
    const reply = parseReply('cs→bg:team-status', await send({ type: 'cs→bg:team-status', post, ...(takeOver ? { takeOver: true } : {}) }));
    // No answer (a background without team sync, a helper in a test): the helper works as before.
    if (!reply.ok) return;
    setLine(reply.line);
    setHeld(reply.held);
    setProblem(reply.problem);
  };

  useEffect(() => {
    void ask(false);
    // Once per post opened: the claim is made when the helper opens, not on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [post.id]);

  if (!line && !problem) return null;
  return (
    <div className="fl-team" role="note" aria-label="Team">
      {line ? (
        <p className="fl-team-line">
          <strong>{line}</strong>
          {held ? (
            <button type="button" className="fl-btn fl-btn-ghost" onClick={() => void ask(true)}>
              Answer anyway
            </button>
          ) : null}
        </p>
      ) : null}
      {problem ? <p className="fl-team-problem">Team sync: {problem}</p> : null}
    </div>
  );
}
