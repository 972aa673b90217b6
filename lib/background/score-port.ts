import { ScorePortRequest, type Reply } from '../messages';

export { SCORE_PORT } from '../messages';
import type { SenderInfo } from './sender';

/** The part of runtime.Port this needs (WebExtension ports in both browsers). */
export interface PortLike {
  sender?: SenderInfo;
  postMessage(message: unknown): void;
  onMessage: { addListener(cb: (message: unknown) => void): void };
}

/**
 * The background's end of a frame's score port (SCORE_PORT in lib/messages.ts): each request is
 * routed exactly as a sendMessage would be (`route`: sender check, zod parse, scope by the sender's
 * frame), with the port's sender, which the browser sets and the page cannot; only `cs→bg:score`
 * and `cs→bg:posts-seen` (the page's two busy messages, issue 18) travel here.
 */
const PORT_TYPES: ReadonlySet<unknown> = new Set(['cs→bg:score', 'cs→bg:posts-seen']);

export function serveScorePort(port: PortLike, route: (raw: unknown, sender: SenderInfo) => Promise<Reply<Record<string, unknown>>>): void {
  port.onMessage.addListener((raw) => {
    const parsed = ScorePortRequest.safeParse(raw);
    if (!parsed.success) return;
    const { seq, msg } = parsed.data;
    const allowed = typeof msg === 'object' && msg !== null && PORT_TYPES.has((msg as { type?: unknown }).type);
    const answer = allowed
      ? route(msg, port.sender ?? {})
      : Promise.resolve({ ok: false as const, error: 'refused: only scores and posts seen travel this port' });
    void answer.then((reply) => {
      try {
        port.postMessage({ seq, reply });
      } catch {
        // The frame went away meanwhile: nobody is waiting.
      }
    });
  });
}
