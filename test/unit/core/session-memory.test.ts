// @vitest-environment happy-dom
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { startSession } from '../../../lib/content/session';
import { createOverlayStore } from '../../../lib/content/store';
import type { ScoreItem, ScoreResult } from '../../../lib/messages';
import type { Verdict } from '../../../lib/types';
import { articleAdapter, until } from './article-adapter';

/**
 * Issue 18 (heap growth ≤ 3 MB on the 50,000-comment page): on a flood every post is flagged, and
 * each flagged verdict carries its cues (the helper shows them). The session kept 6,000 of them;
 * now at most 1,000 flagged ones (a post whose verdict was dropped is scored again if shown again).
 * Counted: the verdict objects still alive after a garbage collection.
 */

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

let stop = () => {};
afterEach(() => {
  stop();
  document.body.replaceChildren();
});

describe('what the session holds per flagged post', () => {
  it('keeps at most 1,000 flagged verdicts (with their cues) after 1,500 complaints, and marks every one', async () => {
    const N = 1_500;
    const frag = document.createDocumentFragment();
    for (let i = 0; i < N; i++) {
      const el = document.createElement('article');
      el.id = `p${i}`;
      el.textContent = `You charged me twice for order ${i}, worst service ever.`;
      frag.append(el);
    }
    document.body.append(frag);
    const alive: Array<WeakRef<Verdict>> = [];
    const score = async (items: ScoreItem[]): Promise<ScoreResult> => ({
      flagged: items.map((_, index) => {
        const verdict: Verdict = {
          complaint: true,
          score: 0.9,
          severity: 2,
          cues: ['charged me twice', 'worst service'],
          signals: { brand: false, churn: false, abuse: false, question: false, urgency: false },
        };
        alive.push(new WeakRef(verdict));
        return { index, verdict };
      }),
      notRead: [],
    });
    const session = startSession({
      doc: document,
      adapter: articleAdapter('Sam'),
      store: createOverlayStore(),
      isOwnNode: () => false,
      send: (async () => ({ ok: true, dropped: 0 })) as never,
      score,
    });
    stop = session.stop;
    await until(() => document.querySelectorAll('[data-frontline-severity]').length === N, 20_000);
    expect(document.querySelectorAll('[data-frontline-severity="2"]')).toHaveLength(N);
    await new Promise((r) => setTimeout(r, 300)); // the last marking slices and the chips' hand-over
    gc();
    const live = alive.filter((ref) => ref.deref() !== undefined).length;
    expect(alive).toHaveLength(N);
    expect(live).toBeLessThanOrEqual(1_000);
  }, 40_000);
});
