import { describe, expect, it } from 'vitest';
import { createOverlayStore, KEEP_NEWEST, MAX_FLAGGED, type FlaggedPost } from '../../../lib/content/store';
import type { Verdict } from '../../../lib/types';

/**
 * Issue 18 (heap growth on a flood): the page's store of flagged posts is bounded, and what it
 * drops is chosen by a rule an agent would agree with: what was marked last (what is in view) and the
 * most severe stay, the post the helper is open on is never dropped.
 */

const verdict = (severity: number): Verdict => ({ complaint: true, score: 0.9, severity, signals: [] }) as unknown as Verdict;

const flagged = (n: number, severity = 2): FlaggedPost => ({
  post: { id: `p${n}`, platform: 'generic', author: `Person ${n}`, text: `complaint ${n}`, url: `https://forum.example/t/${n}` } as unknown as FlaggedPost['post'],
  verdict: verdict(severity),
  el: null,
});

/** Marks `count` posts from `from` on, in batches of 25 (a marking slice's worth). */
function markMany(store: ReturnType<typeof createOverlayStore>, from: number, count: number, severity = 2): void {
  for (let i = 0; i < count; i += 25) {
    const batch: FlaggedPost[] = [];
    for (let k = i; k < Math.min(count, i + 25); k++) batch.push(flagged(from + k, severity));
    store.addFlagged(batch);
  }
}

describe('the flagged-post store under a flood', () => {
  it('holds at most about MAX_FLAGGED posts however many are marked, and its order lists exactly them', () => {
    const store = createOverlayStore();
    markMany(store, 0, 20_000);
    const s = store.get();
    expect(s.flagged.size).toBeGreaterThanOrEqual(MAX_FLAGGED);
    expect(s.flagged.size).toBeLessThanOrEqual(MAX_FLAGGED + 60);
    expect(new Set(s.order)).toEqual(new Set(s.flagged.keys()));
    expect(s.order.length).toBe(s.flagged.size);
  });

  it('keeps the posts marked last (the ones in view) and, of the older ones, the most severe', () => {
    const store = createOverlayStore();
    markMany(store, 0, 100, 4); // an early screenful of severe complaints
    markMany(store, 100, 2_000, 1); // then a flood of mild ones
    const s = store.get();
    for (let n = 2_100 - KEEP_NEWEST; n < 2_100; n++) expect(s.flagged.has(`p${n}`)).toBe(true);
    for (let n = 0; n < 100; n++) expect(s.flagged.has(`p${n}`)).toBe(true);
    // The mild ones evicted are the oldest of them.
    expect(s.flagged.has('p100')).toBe(false);
    // "Next flagged post" still walks the page in the order the posts were found.
    const kept = s.order.map((id) => Number(id.slice(1)));
    expect(kept).toEqual([...kept].sort((a, b) => a - b));
  });

  it('never drops the post the helper is open on', () => {
    const store = createOverlayStore();
    markMany(store, 0, 10);
    store.openHelper({ kind: 'post', postId: 'p3' });
    markMany(store, 10, 5_000, 4);
    expect(store.get().flagged.size).toBeLessThanOrEqual(MAX_FLAGGED + 60);
    expect(store.get().flagged.get('p3')?.post.author).toBe('Person 3');
    expect(store.get().order).toContain('p3');
  });

  it('takes a dropped post back when it is marked again (shown again), as the newest', () => {
    const store = createOverlayStore();
    markMany(store, 0, 2_000);
    expect(store.get().flagged.has('p0')).toBe(false);
    store.addFlagged([flagged(0)]);
    markMany(store, 2_000, KEEP_NEWEST - 1);
    markMany(store, 5_000, 100); // enough to make the store evict again
    expect(store.get().flagged.has('p0')).toBe(true);
    expect(store.get().order.at(-1)).toBe('p5099');
  });
});
