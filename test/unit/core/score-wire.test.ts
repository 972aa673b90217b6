import { describe, expect, it } from 'vitest';
import { routeFromContentScript, type RouterDeps } from '../../../lib/background/router';
import { scorePosts } from '../../../lib/background/score';
import { serveScorePort } from '../../../lib/background/score-port';
import { createScoreChannel, type ChannelPort } from '../../../lib/content/score-channel';
import { ScoreAnswerSchema } from '../../../lib/messages';
import type { SenderInfo } from '../../../lib/background/sender';
import { packScoreResult, unpackScoreAnswer, type ScoreResult } from '../../../lib/score-wire';
import { containers } from './json-containers';

/**
 * Issue 18, counted: the browser converts a message property by property in the page's main
 * thread, both ways, and the answer is zod-parsed there. A flood's batch of 500 posts was 500
 * objects out and three objects (entry, verdict, signals) and a list per flagged post back; in
 * columns it is a handful of lists whatever the batch's size, and says the same.
 */

const COMPLAINT = 'Acme charged me twice and nobody answers my emails, this is ridiculous';
const sender: SenderInfo = { id: 'frontline-test-id', url: 'https://blog.example/post', tab: { id: 3, url: 'https://blog.example/post' }, frameId: 0 };
const deps = {
  ownId: 'frontline-test-id',
  score: async (items: Parameters<typeof scorePosts>[0]) => scorePosts(items, { brandTerms: [], focus: 'all', layer: null }),
} as unknown as RouterDeps;


function wiredChannel() {
  const sizes = { out: 0, back: 0 };
  const toBg: Array<(m: unknown) => void> = [];
  const toPage: Array<(m: unknown) => void> = [];
  const page: ChannelPort = {
    postMessage: (m) => {
      sizes.out += containers(m);
      const copy = JSON.parse(JSON.stringify(m));
      queueMicrotask(() => toBg.forEach((cb) => cb(copy)));
    },
    disconnect: () => undefined,
    onMessage: { addListener: (cb) => void toPage.push(cb) },
    onDisconnect: { addListener: () => undefined },
  };
  serveScorePort(
    {
      sender,
      postMessage: (m: unknown) => {
        sizes.back += containers(m);
        const copy = JSON.parse(JSON.stringify(m));
        queueMicrotask(() => toPage.forEach((cb) => cb(copy)));
      },
      onMessage: { addListener: (cb: (m: unknown) => void) => void toBg.push(cb) },
    },
    (raw, s) => routeFromContentScript(raw, s, deps),
  );
  return { channel: createScoreChannel(() => page), sizes };
}

describe('score messages in columns', () => {
  it('sends 500 posts and gets 500 verdicts back in a few lists, not an object per post', async () => {
    const { channel, sizes } = wiredChannel();
    const items = Array.from({ length: 500 }, (_, i) => (i % 50 === 0 ? { text: `${COMPLAINT} ${i}`, quoted: 'Acme?' } : { text: `${COMPLAINT} ${i}` }));
    const result = await channel.ask(items);
    expect(result?.flagged).toHaveLength(500);
    expect(result).toEqual(scorePosts(items, { brandTerms: [], focus: 'all', layer: null }));
    // Main: 502 out (a {text} per post) and 1,500+ back (entry, verdict, signals, cues per post).
    expect(sizes.out).toBeLessThanOrEqual(4 + 10); // envelope, message, two lists, the 10 quoted pairs
    expect(sizes.back).toBeLessThanOrEqual(10 + 500); // envelope, answer, seven lists, a cues list per post
  });

  it('says the same in columns as in objects, and the schema bounds every entry and the columns’ lengths', () => {
    const result: ScoreResult = {
      flagged: [
        { index: 3, verdict: { complaint: true, score: 0.91, severity: 4, cues: ['refund', 'scam'], signals: { brand: true, churn: false, abuse: true, question: false, urgency: true } } },
        { index: 0, verdict: { complaint: true, score: 0.5, severity: 1, cues: [], signals: { brand: false, churn: true, abuse: false, question: true, urgency: false } } },
      ],
      notRead: [{ index: 7, language: 'de' }],
    };
    const cols = packScoreResult(result);
    expect(ScoreAnswerSchema.safeParse(cols).success).toBe(true);
    expect(unpackScoreAnswer(cols)).toEqual(result);
    const bad = [
      { ...cols, score: [0.9] }, // a column short
      { ...cols, severity: [4, 9] },
      { ...cols, signals: [32, 0] },
      { ...cols, flagged: [500, 0] },
      { ...cols, cues: [['x'.repeat(121)], []] },
      { ...cols, language: [] },
    ];
    for (const b of bad) expect(ScoreAnswerSchema.safeParse(b).success).toBe(false);
  });
});
