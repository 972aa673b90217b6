import { describe, expect, it } from 'vitest';
import { routeContentMessage, type RouterDeps } from '../../../lib/background/router';
import { scoreContextFor, scorePosts, verdictFor } from '../../../lib/background/score';
import { createScoreQueue } from '../../../lib/content/score-queue';
import type { ScoreItem, ScoreResult } from '../../../lib/messages';
import type { ScoreAnswerColumns } from '../../../lib/score-wire';
import { DEFAULT_SETTINGS } from '../../../lib/settings';

/** The detector behind the page (issue 18): the page's script sends words, the background answers what to mark. */

const ACME = 'Acme charged me twice and nobody answers my emails, this is ridiculous';
const OTHER = 'My bank charged me twice and nobody answers my emails, this is ridiculous';
const PRAISE = 'Thanks so much, the new update works great and support was lovely';
const GERMAN =
  'Ich habe mich schon dreimal beschwert, aber der Kundenservice sagt nur: worst service ever, you charged me twice, scam. ' +
  'Die Rechnung ist doppelt abgebucht und ich warte seit drei Wochen auf mein Geld.';

describe('scorePosts: what the page marks', () => {
  it('names the complaints by their place in the batch, with cues the helper shows; praise is not ours', () => {
    const result = scorePosts([{ text: PRAISE }, { text: ACME }], { brandTerms: [], focus: 'all', layer: null });
    expect(result.flagged.map((f) => f.index)).toEqual([1]);
    const verdict = result.flagged[0]!.verdict;
    expect(verdict.severity).toBeGreaterThan(0);
    expect(Array.isArray(verdict.cues) && verdict.cues.length > 0).toBe(true);
    // A plain object: what crosses the message boundary is the verdict itself, not a getter.
    expect(Object.getOwnPropertyDescriptor(verdict, 'cues')?.get).toBeUndefined();
    expect(result.notRead).toEqual([]);
  });

  it('keeps brand focus: another company’s complaint is not flagged unless its quote names us, or focus is on everything', () => {
    const brand = { brandTerms: ['Acme'], focus: 'brand' as const, layer: null };
    expect(scorePosts([{ text: OTHER }, { text: ACME }], brand).flagged.map((f) => f.index)).toEqual([1]);
    expect(scorePosts([{ text: OTHER, quoted: 'What does Acme say?' }], brand).flagged.map((f) => f.index)).toEqual([0]);
    expect(scorePosts([{ text: OTHER }], { ...brand, focus: 'all' }).flagged.map((f) => f.index)).toEqual([0]);
  });

  it('reports a complaint in another language as not read, and flags nothing for it', () => {
    const result = scorePosts([{ text: GERMAN }], { brandTerms: [], focus: 'all', layer: null });
    expect(result).toEqual({ flagged: [], notRead: [{ index: 0, language: 'de' }] });
  });

  it('gives the helper a verdict for words the agent selected, whatever the focus', () => {
    expect(verdictFor(OTHER, ['Acme'], null).complaint).toBe(true);
    expect(verdictFor(PRAISE, ['Acme'], null).complaint).toBe(false);
  });
});

describe('router: cs→bg:score', () => {
  const settings = { ...DEFAULT_SETTINGS, brandTerms: ['Acme'], focus: 'brand' as const, focusByHost: { 'forum.example': 'all' as const } };
  const deps = {
    ownId: 'frontline-test-id',
    // As the background builds it (entrypoints/background.ts): the context from the sender frame's host.
    score: async (items: ScoreItem[], host: string) => scorePosts(items, scoreContextFor(settings, host, null)),
  } as unknown as RouterDeps;
  const from = (url: string) => ({ id: 'frontline-test-id', url, tab: { id: 7, url }, frameId: 0 });

  it('scores with the focus of the frame that sent the words, not one the page could name', async () => {
    const msg = { type: 'cs→bg:score', texts: [OTHER], quoted: [] };
    const onForum = await routeContentMessage(msg, from('https://forum.example/t/1'), deps);
    const elsewhere = await routeContentMessage(msg, from('https://blog.example/post'), deps);
    expect(onForum.ok && (onForum as unknown as ScoreAnswerColumns).flagged.length).toBe(1);
    expect(elsewhere.ok && (elsewhere as unknown as ScoreAnswerColumns).flagged.length).toBe(0);
  });

  it('reads a post from X as a social post: money lost there is not a mere report (level 2, not 1)', async () => {
    // A social complaint with a case number and hours of waiting, which the gate alone reads as a banking post.
    const LOSING = 'Acme payments page failing for 3 hours, case no 7741, this is costing us real money.';
    const msg = { type: 'cs→bg:score', texts: [LOSING], quoted: [] };
    const severityFrom = async (url: string) => {
      const answer = await routeContentMessage(msg, from(url), deps);
      expect(answer.ok).toBe(true);
      return (answer as unknown as ScoreAnswerColumns).severity[0];
    };
    expect(await severityFrom('https://x.com/someone/status/1')).toBeGreaterThanOrEqual(2);
    expect(await severityFrom('https://twitter.com/someone/status/1')).toBeGreaterThanOrEqual(2);
    // A forum or blog gives no hint: the gate decides, as before.
    expect(await severityFrom('https://forum.example/t/1')).toBe(1);
    // The same words sent from a page that only names X in its path get no hint either.
    expect(await severityFrom('https://blog.example/x.com/status/1')).toBe(1);
  });

  it('refuses a batch larger than the protocol allows, and another extension', async () => {
    const big = { type: 'cs→bg:score', texts: Array.from({ length: 501 }, () => 'x'), quoted: [] };
    expect((await routeContentMessage(big, from('https://forum.example/'), deps)).ok).toBe(false);
    const stranger = { ...from('https://forum.example/'), id: 'someone-else' };
    expect((await routeContentMessage({ type: 'cs→bg:score', texts: [ACME], quoted: [] }, stranger, deps)).ok).toBe(false);
  });
});

describe('score queue: one request in flight', () => {
  it('sends what was read meanwhile in one next request, and carries on after a failure', async () => {
    const asked: string[][] = [];
    const answers: Array<(r: ScoreResult | null) => void> = [];
    const scored: Array<{ entries: number[]; ok: boolean }> = [];
    const queue = createScoreQueue<number>({
      ask: (items) => {
        asked.push(items.map((i) => i.text));
        return new Promise((resolve) => answers.push(resolve));
      },
      onScored: (entries, result) => void scored.push({ entries, ok: result !== null }),
    });
    queue.push([{ item: { text: 'a' }, entry: 1 }]);
    queue.push([{ item: { text: 'b' }, entry: 2 }]);
    queue.push([{ item: { text: 'c' }, entry: 3 }]);
    expect(asked).toEqual([['a']]);
    answers[0]!(null); // the background did not answer
    await new Promise((r) => setTimeout(r, 0));
    expect(asked).toEqual([['a'], ['b', 'c']]);
    answers[1]!({ flagged: [], notRead: [] });
    await new Promise((r) => setTimeout(r, 0));
    expect(scored).toEqual([{ entries: [1], ok: false }, { entries: [2, 3], ok: true }]);
  });
});

describe('score queue: gathering (issue 18)', () => {
  /** A fake clock and timer: counted, not timed. */
  function fakeTime() {
    let now = 0;
    const timers: Array<{ at: number; cb: () => void }> = [];
    return {
      now: () => now,
      setTimer: (cb: () => void, ms: number) => void timers.push({ at: now + ms, cb }),
      advance(ms: number) {
        now += ms;
        for (const t of timers.filter((t) => t.at <= now)) {
          timers.splice(timers.indexOf(t), 1);
          t.cb();
        }
      },
    };
  }
  const slice = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ item: { text: `post ${from + i}` }, entry: from + i }));

  it('sends the slices a scrolling timeline reads within the wait as one request, not one each', async () => {
    const time = fakeTime();
    const asked: number[] = [];
    const queue = createScoreQueue<number>({
      ask: async (items) => (asked.push(items.length), { flagged: [], notRead: [] }),
      onScored: () => undefined,
      gather: { ms: 150, atLeast: 200 },
      now: time.now,
      setTimer: time.setTimer,
    });
    // Six slices of 20 posts, one every 20 ms (a frame each while scrolling): without gathering,
    // each went alone as soon as the one before was answered (6 requests).
    for (let s = 0; s < 6; s++) {
      queue.push(slice(s * 20, 20));
      await new Promise((r) => setTimeout(r, 0)); // an answer would have come back by now
      time.advance(20);
    }
    expect(asked).toEqual([]);
    time.advance(30); // the first slice has waited 150 ms
    expect(asked).toEqual([120]);
  });

  it('does not wait once enough posts are there, and a lone post still leaves after the wait', async () => {
    const time = fakeTime();
    const asked: number[] = [];
    const queue = createScoreQueue<number>({
      ask: async (items) => (asked.push(items.length), { flagged: [], notRead: [] }),
      onScored: () => undefined,
      gather: { ms: 150, atLeast: 200 },
      now: time.now,
      setTimer: time.setTimer,
    });
    queue.push(slice(0, 250));
    expect(asked).toEqual([250]);
    await new Promise((r) => setTimeout(r, 0));
    queue.push(slice(250, 1));
    time.advance(149);
    expect(asked).toEqual([250]);
    time.advance(1);
    expect(asked).toEqual([250, 1]);
  });
});
