import { packScoreItems, unpackScoreAnswer, type ScoreItem, type ScoreResult } from '../score-wire';
import { messageSchemas } from './protocol';

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
 * postMessage, not a channel. Answers are parsed with the protocol's schema (parseReply); a batch
 * whose answer never comes (the port closed) resolves to null.
 */
export function createScoreChannel(connect: () => ChannelPort) {
  let port: ChannelPort | null = null;
  let seq = 0;
  const waiting = new Map<number, (raw: unknown) => void>();

  const open = (): ChannelPort => {
    const p = connect();
    p.onMessage.addListener((raw) => {
      void messageSchemas().then(({ ScorePortAnswer }) => {
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

  return {
    async ask(items: ScoreItem[]): Promise<ScoreResult | null> {
      const n = seq++;
      const raw = await new Promise<unknown>((resolve) => {
        waiting.set(n, resolve);
        try {
          port ??= open();
          port.postMessage({ seq: n, msg: { type: 'cs→bg:score', ...packScoreItems(items) } });
        } catch {
          waiting.delete(n);
          port = null;
          resolve(undefined);
        }
      });
      const reply = (await messageSchemas()).parseReply('cs→bg:score', raw);
      return reply.ok ? unpackScoreAnswer(reply) : null;
    },
    close(): void {
      port?.disconnect();
      port = null;
      for (const done of waiting.values()) done(undefined);
      waiting.clear();
    },
  };
}
