import type { ReplyFor, SeenVerdict } from '../messages';
import type { Post } from '../types';
import { packScoreItems, unpackScoreAnswer, type ScoreItem, type ScoreResult } from '../score-wire';
import { fitMessage } from './clip-post';
import { replySchemas } from './protocol';

/** The part of runtime.Port this needs. */
export interface ChannelPort {
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(cb: (message: unknown) => void): void };
  onDisconnect: { addListener(cb: () => void): void };
}

/**
 * This frame's end of the score port (SCORE_PORT, lib/background/score-port.ts): opened on first
 * use and again after the background went away (an MV3 worker that stopped), so a batch costs a
 * postMessage, not a channel. Answers are parsed with the protocol's schema (parseReadingReply, the
 * same schemas as lib/messages.ts PROTOCOL, without building the rest of it); a batch
 * whose answer never comes (the port closed) resolves to null.
 *
 * The posts-seen batches travel here too (`seen`): a runtime.sendMessage opens a message channel of
 * its own each time, ~1 ms (up to 5) of the page's thread per call where a postMessage on this open
 * port took ~0.2 ms (issue 18, measured on the timeline and churn pages).
 */
export function createScoreChannel(connect: () => ChannelPort) {
  let port: ChannelPort | null = null;
  let seq = 0;
  const waiting = new Map<number, (raw: unknown) => void>();

  const open = (): ChannelPort => {
    const p = connect();
    p.onMessage.addListener((raw) => {
      void replySchemas().then(({ ScorePortAnswer }) => {
        const parsed = ScorePortAnswer.safeParse(raw);
        if (!parsed.success) return;
        const done = waiting.get(parsed.data.seq);
        waiting.delete(parsed.data.seq);
        done?.(parsed.data.reply);
      });
    });
    p.onDisconnect.addListener(() => {
      if (port === p) port = null;
      for (const done of waiting.values()) done(undefined);
      waiting.clear();
    });
    return p;
  };

  /** One request on the port; its raw answer (undefined: none came). */
  const request = (msg: { type: string }): Promise<unknown> => {
    const n = seq++;
    return new Promise<unknown>((resolve) => {
      waiting.set(n, resolve);
      try {
        port ??= open();
        port.postMessage({ seq: n, msg });
      } catch {
        waiting.delete(n);
        port = null;
        resolve(undefined);
      }
    });
  };

  return {
    async ask(items: ScoreItem[]): Promise<ScoreResult | null> {
      const raw = await request({ type: 'cs→bg:score', ...packScoreItems(items) });
      const reply = (await replySchemas()).parseReadingReply('cs→bg:score', raw);
      return reply.ok ? unpackScoreAnswer(reply) : null;
    },
    /** A posts-seen batch (fitted, so in columns, as every message that leaves, clip-post.ts). */
    async seen(items: Array<{ post: Post; verdict: SeenVerdict }>): Promise<ReplyFor<'cs→bg:posts-seen'>> {
      const raw = await request(fitMessage({ type: 'cs→bg:posts-seen' as const, items }));
      return (await replySchemas()).parseReadingReply('cs→bg:posts-seen', raw);
    },
    close(): void {
      port?.disconnect();
      port = null;
      for (const done of waiting.values()) done(undefined);
      waiting.clear();
    },
  };
}
