// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { startSession } from '../../../lib/content/session';
import { createOverlayStore } from '../../../lib/content/store';
import type { ScoreItem, ScoreResult } from '../../../lib/messages';
import type { Verdict } from '../../../lib/types';
import { articleAdapter, until } from './article-adapter';

/**
 * Issue 18 item 3, counted (not timed): a page that posts faster than we score falls behind
 * gracefully. Posts read but not yet scored used to pile up in the session (the whole page read,
 * clipped and queued while the first batch was out); now the scanner stops reading while 1,000
 * wait, and a waiting post whose element left the page is never sent to be scored.
 */

const VERDICT: Verdict = {
  complaint: true,
  score: 0.9,
  severity: 2,
  cues: ['charged me twice'],
  signals: { brand: false, churn: false, abuse: false, question: false, urgency: false },
};

let stop = () => {};
afterEach(() => {
  stop();
  document.body.replaceChildren();
});

function addPosts(from: number, n: number): HTMLElement[] {
  const frag = document.createDocumentFragment();
  const els: HTMLElement[] = [];
  for (let i = from; i < from + n; i++) {
    const el = document.createElement('article');
    el.id = `p${i}`;
    el.textContent = `You charged me twice for order ${i}, worst service ever.`;
    frag.append(el);
    els.push(el);
  }
  document.body.append(frag);
  return els;
}

/** A scorer whose answers wait until the test lets them go; counts what it was asked. */
function heldScorer() {
  const held: Array<() => void> = [];
  let asked = 0;
  let batches = 0;
  const score = (items: ScoreItem[]): Promise<ScoreResult> => {
    asked += items.length;
    batches += 1;
    return new Promise((resolve) => held.push(() => resolve({ flagged: items.map((_, index) => ({ index, verdict: VERDICT })), notRead: [] })));
  };
  return {
    score,
    get asked() {
      return asked;
    },
    get batches() {
      return batches;
    },
    release() {
      for (const go of held.splice(0)) go();
    },
  };
}

function start(score: (items: ScoreItem[]) => Promise<ScoreResult>, onRead: () => void) {
  const base = articleAdapter('Sam');
  const session = startSession({
    doc: document,
    adapter: { ...base, readPost: (el, url) => (onRead(), base.readPost(el, url)) },
    store: createOverlayStore(),
    isOwnNode: () => false,
    send: (async () => ({ ok: true, dropped: 0 })) as never,
    score,
    rate: null, // counted, not timed: a loaded machine must not spend the per-second share for us
  });
  stop = session.stop;
  return session;
}

describe('posts waiting to be scored on a flood', () => {
  it('stops reading while 1,000 read posts wait for their score, then reads and marks the rest', async () => {
    const N = 3_000;
    addPosts(0, N);
    const scorer = heldScorer();
    let reads = 0;
    const session = start(scorer.score, () => reads++);
    await until(() => scorer.batches >= 1, 5_000);
    // Give the scanner every chance to read on: its burst alone would read the whole page.
    await new Promise((r) => setTimeout(r, 600));
    expect(scorer.batches).toBe(1);
    // Main read all 3,000 and kept 2,500 of them queued behind the one batch in flight.
    expect(reads).toBeLessThan(1_500);
    expect(session.scanner.stats().holds).toBeGreaterThanOrEqual(1);
    // As answers come, reading goes on: nothing is lost, every post is scored once and marked.
    const release = setInterval(() => scorer.release(), 20);
    try {
      await until(() => document.querySelectorAll('[data-frontline-severity]').length === N, 30_000);
    } finally {
      clearInterval(release);
    }
    expect(document.querySelectorAll('[data-frontline-severity="2"]')).toHaveLength(N);
    expect(scorer.asked).toBe(N);
    expect(reads).toBe(N);
  }, 40_000);

  it('does not send a waiting post whose element the page removed', async () => {
    const first = addPosts(0, 600);
    const scorer = heldScorer();
    let reads = 0;
    const session = start(scorer.score, () => reads++);
    await until(() => scorer.batches >= 1 && reads === 600, 5_000);
    await new Promise((r) => setTimeout(r, 100));
    expect(scorer.batches).toBe(1);
    const firstBatch = scorer.asked; // the first slice's posts; the others wait behind them
    expect(firstBatch).toBeLessThan(600);
    // The page drops everything it showed (a churning feed) while the first batch is out.
    for (const el of first) el.remove();
    const release = setInterval(() => scorer.release(), 20);
    try {
      await until(() => scorer.batches >= 2, 1_000);
    } finally {
      clearInterval(release);
    }
    // Main sent the removed posts that were waiting in a second batch (600 in all).
    expect(scorer.batches).toBe(1);
    expect(scorer.asked).toBe(firstBatch);
    expect(session.scanner.stats().posts).toBe(600);
  }, 20_000);
});
