// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { scorePosts } from '../../../lib/background/score';
import { startSession } from '../../../lib/content/session';
import { createOverlayStore } from '../../../lib/content/store';
import { packScoreResult, unpackScoreItems, type ScoreRequestColumns } from '../../../lib/score-wire';
import type { SiteAdapter } from '../../../lib/sites/types';
import { until } from './article-adapter';

/**
 * The repeated-copy rule in the content script (lib/content/copies.ts), as lib/sites/repeated.ts
 * applies it to extract and the scores: a post the page draws twice with the same author and words
 * (an "accepted solution" box repeating a reply) is marked once, in the thread. Real session and
 * background scorer; a test reader, so the copy can come first and the thread later, as when the
 * thread is drawn after load. Before this, both copies were marked and both had a chip. The same
 * rule on a real page in real Chromium: test/e2e/repeated-copies.e2e.ts.
 */
let stop = () => {};
afterEach(() => {
  stop();
  document.body.replaceChildren();
});

// The background's scorer as the router runs it, on the score message's columns (lib/score-wire.ts).
const send = (async (msg: { type: string } & ScoreRequestColumns) =>
  msg.type === 'cs→bg:score'
    ? { ok: true, ...packScoreResult(scorePosts(unpackScoreItems(msg), { brandTerms: [], focus: 'all', layer: null })) }
    : { ok: true, dropped: 0 }) as never;

function run(adapter: SiteAdapter) {
  const store = createOverlayStore();
  const session = startSession({ doc: document, adapter, store, isOwnNode: () => false, send });
  stop = session.stop;
  return store;
}

describe('a post drawn twice is marked once in the browser', () => {
  it('a copy read first loses its mark and its chip when the thread drawing the same post among its replies comes later', async () => {
    const WORDS = 'You charged me twice for the same order and support has ignored three emails, I want my money back now.';
    // The copy stands alone in a highlight box; the thread, added after load, holds the post among its siblings.
    document.body.innerHTML = `<section class="highlight"><article class="reply" id="copy">${WORDS}</article></section>`;
    const adapter: SiteAdapter = {
      site: { id: 'test-forum', platform: 'forum', hosts: [], gate: {} },
      platform: 'forum',
      matches: () => true,
      selectors: {},
      findPosts: (root) => [...((root as Element).matches?.('.reply') ? [root as Element] : []), ...root.querySelectorAll('.reply')],
      readPost: (el) => ({ id: `t:${el.id}`, platform: 'forum', author: 'ines', handle: '', text: el.textContent ?? '', permalink: null, time: null }),
      findComposer: () => null,
    };
    const store = run(adapter);
    const copy = document.getElementById('copy')!;
    await until(() => copy.getAttribute('data-frontline-severity') !== null, 3_000);
    expect(copy.getAttribute('data-frontline-severity'), 'the copy alone is flagged first').toMatch(/^[1-4]$/);
    const thread = document.createElement('ol');
    thread.className = 'thread';
    thread.innerHTML =
      `<li class="reply" id="r1">The kettle works fine for me, it was a fuse in the plug.</li>` +
      `<li class="reply" id="r2">${WORDS}</li><li class="reply" id="r3">Same here, a new fuse and it runs again.</li>`;
    document.body.append(thread);
    const original = document.getElementById('r2')!;
    await until(() => original.getAttribute('data-frontline-severity') !== null, 3_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(original.getAttribute('data-frontline-severity')).toMatch(/^[1-4]$/);
    expect(copy.hasAttribute('data-frontline-post')).toBe(false);
    expect(copy.hasAttribute('data-frontline-severity')).toBe(false);
    expect([...store.get().flagged.keys()]).toEqual(['t:r2']);
  });
});
