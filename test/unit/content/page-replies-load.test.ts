// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { ChannelPort } from '../../../lib/content/score-channel';

/**
 * Issue 18 (our JS on every page): the page's script parsed its score and posts-seen answers with the
 * whole protocol's schemas, so reading any page built all of lib/messages.ts, the records', the
 * returning summary's and the detector's adapter-state schemas (whose module builds the lexicon's
 * table): 40–80 ms of ours a page on the flood pages, traced. What a page that only reads waits on
 * now builds only its answers' schemas (lib/page-replies.ts, the same ones PROTOCOL uses), and
 * they still refuse a forged answer. Counted: schema constructors zod ran, and whether
 * lib/messages.ts was loaded at all.
 */

const built = { count: 0, messagesLoaded: false };

vi.mock('zod', async (importOriginal) => (await import('../setup/counting-zod')).countingZod(await importOriginal(), built));

vi.mock('../../../lib/messages', async (importOriginal) => {
  built.messagesLoaded = true;
  return importOriginal();
});

/** A score port whose background answers each request with `answer(msg)`. */
function fakePort(answer: (msg: { type: string }) => unknown): ChannelPort {
  const listeners: Array<(m: unknown) => void> = [];
  return {
    postMessage: (m) => {
      const { seq, msg } = m as { seq: number; msg: { type: string } };
      setTimeout(() => listeners.forEach((cb) => cb({ seq, reply: answer(msg) })), 0);
    },
    disconnect: () => undefined,
    onMessage: { addListener: (cb) => void listeners.push(cb) },
    onDisconnect: { addListener: () => undefined },
  };
}

const COMPLAINT = 'Acme charged me twice and nobody answers my emails';
const post = { id: 'wp:blog.example/comment-1', platform: 'wordpress' as const, author: 'Nadia', handle: '', text: COMPLAINT, permalink: null, time: null };
const verdict = { complaint: true, score: 0.9, severity: 3 as const, signals: { anger: true } as never };

describe('a page that only reads', () => {
  it('parses its settings, score and posts-seen answers without building the rest of the protocol', async () => {
    const { createScoreChannel } = await import('../../../lib/content/score-channel');
    const { replySchemas } = await import('../../../lib/content/protocol');
    let forge = false;
    const channel = createScoreChannel(() =>
      fakePort((msg) =>
        msg.type === 'cs→bg:score'
          ? { ok: true, flagged: [0], score: [0.9], severity: [forge ? 9 : 3], signals: [1], cues: [['charged me twice']], notRead: [], language: [] }
          : { ok: true, dropped: 0 },
      ),
    );

    const scored = await channel.ask([{ text: COMPLAINT }, { text: 'Lovely post, thanks' }]);
    expect(scored?.flagged.map((f) => [f.index, f.verdict.severity])).toEqual([[0, 3]]);
    expect(await channel.seen([{ post, verdict }])).toEqual({ ok: true, dropped: 0 });
    const settings = (await replySchemas()).parseReadingReply('cs→bg:page-settings', {
      ok: true,
      settings: { focus: 'all', siteMode: 'all', brandTerms: ['Acme'], allowedHosts: [], disabledHosts: [], focusByHost: {}, learnedReaders: {} },
    });
    expect(settings.ok).toBe(true);

    // Still parsed: a forged answer (a severity the model has not got) marks nothing.
    forge = true;
    expect(await channel.ask([{ text: COMPLAINT }])).toBeNull();

    expect(built.messagesLoaded).toBe(false);
    // The settings' and the answers' schemas only: 60 (the whole protocol: 321).
    expect(built.count).toBeLessThan(100);
  });
});
