import { describe, expect, it } from 'vitest';
import { routeFromContentScript, type RouterDeps } from '../../../lib/background/router';
import { scorePosts } from '../../../lib/background/score';
import { serveScorePort } from '../../../lib/background/score-port';
import { createScoreChannel, type ChannelPort } from '../../../lib/content/score-channel';
import type { SenderInfo } from '../../../lib/background/sender';

/**
 * The score port end to end in one process: the page's channel, a connected pair of ports as the
 * browser gives them (the sender is set by the browser side), the background's router and scorer.
 */
const COMPLAINT = 'Acme charged me twice and nobody answers my emails, this is ridiculous';
const seenByBackground: Array<{ id: string; author: string }> = [];
const deps = {
  ownId: 'frontline-test-id',
  score: async (items: Parameters<typeof scorePosts>[0]) => scorePosts(items, { brandTerms: [], focus: 'all', layer: null }),
  postsSeen: async (msg: { items: Array<{ post: { id: string; author: string } }> }) => {
    for (const { post } of msg.items) seenByBackground.push({ id: post.id, author: post.author });
    return [];
  },
} as unknown as RouterDeps;

function connectedPair(sender: SenderInfo) {
  const toBg: Array<(m: unknown) => void> = [];
  const toPage: Array<(m: unknown) => void> = [];
  const onDisconnect: Array<() => void> = [];
  let open = true;
  const page: ChannelPort = {
    postMessage: (m) => {
      if (!open) throw new Error('disconnected');
      const copy = JSON.parse(JSON.stringify(m));
      queueMicrotask(() => toBg.forEach((cb) => cb(copy)));
    },
    disconnect: () => void (open = false),
    onMessage: { addListener: (cb) => void toPage.push(cb) },
    onDisconnect: { addListener: (cb) => void onDisconnect.push(cb) },
  };
  const bg = {
    sender,
    postMessage: (m: unknown) => {
      const copy = JSON.parse(JSON.stringify(m));
      queueMicrotask(() => toPage.forEach((cb) => cb(copy)));
    },
    onMessage: { addListener: (cb: (m: unknown) => void) => void toBg.push(cb) },
  };
  serveScorePort(bg, (raw, s) => routeFromContentScript(raw, s, deps));
  return { page, bg, drop: () => ((open = false), onDisconnect.forEach((cb) => cb())) };
}

const tabSender: SenderInfo = { id: 'frontline-test-id', url: 'https://blog.example/post', tab: { id: 3, url: 'https://blog.example/post' }, frameId: 0 };

describe('score port', () => {
  it('answers a batch from a page with what to mark', async () => {
    const channel = createScoreChannel(() => connectedPair(tabSender).page);
    const result = await channel.ask([{ text: 'Lovely weather today' }, { text: COMPLAINT }]);
    expect(result?.flagged.map((f) => f.index)).toEqual([1]);
  });

  it('refuses a port that is not a web page’s content script, and anything but scores', async () => {
    const fromOurPage = createScoreChannel(() => connectedPair({ ...tabSender, url: 'chrome-extension://frontline-test-id/overlay.html' }).page);
    expect(await fromOurPage.ask([{ text: COMPLAINT }])).toBeNull();
    const pair = connectedPair(tabSender);
    const answers: unknown[] = [];
    pair.page.onMessage.addListener((m) => void answers.push(m));
    pair.page.postMessage({ seq: 0, msg: { type: 'cs→bg:page-settings' } });
    await new Promise((r) => setTimeout(r, 0));
    expect(answers).toEqual([{ seq: 0, reply: { ok: false, error: 'refused: only scores and posts seen travel this port' } }]);
  });

  it('carries the flagged posts seen too (issue 18: a sendMessage each cost the page ~1 ms), placed by the port’s sender', async () => {
    let opened = 0;
    const channel = createScoreChannel(() => (opened++, connectedPair(tabSender).page));
    const post = { id: 'wordpress:blog.example:comment-7', platform: 'wordpress' as const, author: 'Sam', handle: '', text: COMPLAINT, permalink: 'https://blog.example/post#comment-7', time: null };
    const verdict = { complaint: true, score: 0.9, severity: 2 as const, signals: { brand: false, churn: false, abuse: false, question: false, urgency: false } };
    await channel.ask([{ text: COMPLAINT }]);
    const reply = await channel.seen([{ post, verdict }]);
    expect(reply).toEqual({ ok: true, dropped: 0 });
    expect(seenByBackground).toEqual([{ id: post.id, author: 'Sam' }]);
    expect(opened).toBe(1); // the score batch and the seen batch on one port
    // A post another site's frame could not have shown is dropped, as through sendMessage.
    const foreign = await channel.seen([{ post: { ...post, id: 'x:1', platform: 'x', permalink: 'https://x.com/a/status/1' }, verdict }]);
    expect(foreign).toEqual({ ok: true, dropped: 1 });
  });

  it('answers null for a batch in flight when the background goes away, and connects again for the next', async () => {
    const pairs: Array<ReturnType<typeof connectedPair>> = [];
    const channel = createScoreChannel(() => {
      const pair = connectedPair(tabSender);
      pairs.push(pair);
      return pair.page;
    });
    const lost = channel.ask([{ text: COMPLAINT }]);
    pairs[0]!.drop(); // an MV3 worker stopped before answering
    expect(await lost).toBeNull();
    expect((await channel.ask([{ text: COMPLAINT }]))?.flagged).toHaveLength(1);
    expect(pairs).toHaveLength(2);
  });
});
