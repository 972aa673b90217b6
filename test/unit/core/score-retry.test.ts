// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { scorePosts } from '../../../lib/background/score';
import { startSession } from '../../../lib/content/session';
import { createOverlayStore } from '../../../lib/content/store';
import type { ScoreItem } from '../../../lib/messages';
import { articleAdapter, until } from './article-adapter';

const COMPLAINT = 'You charged me twice, worst service ever, this is a scam and I want my money back.';

const adapter = articleAdapter('Sam');

let stop = () => {};
afterEach(() => {
  stop();
  document.body.replaceChildren();
});

describe('a batch the background never answered', () => {
  it('is asked again, so the complaint is still marked and gets its chip', async () => {
    const el = document.createElement('article');
    el.id = 'p1';
    el.textContent = COMPLAINT;
    document.body.append(el);
    const store = createOverlayStore();
    let calls = 0;
    const session = startSession({
      doc: document, adapter, store, isOwnNode: () => false,
      send: (async () => ({ ok: true, dropped: 0 })) as never,
      // The first batch is lost (an MV3 worker stopped before answering); then the real scorer answers.
      score: async (items: ScoreItem[]) => (++calls === 1 ? null : scorePosts(items, { brandTerms: [], focus: 'all', layer: null })),
    });
    stop = session.stop;
    await until(() => calls >= 1, 2_000);
    expect(el.hasAttribute('data-frontline-post')).toBe(false);
    await until(() => el.hasAttribute('data-frontline-severity'), 4_000);
    expect(calls).toBe(2);
    expect(el.getAttribute('data-frontline-post')).toBe('p1');
    expect([...store.get().flagged.keys()]).toEqual(['p1']);
  });
});
