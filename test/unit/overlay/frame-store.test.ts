import { describe, expect, it } from 'vitest';
import type { UiCommand, UiState } from '../../../lib/messages';
import { createFrameStore } from '../../../lib/overlay/frame-store';
import type { Post, Verdict } from '../../../lib/types';

const verdict: Verdict = { complaint: true, score: 0.8, severity: 2, cues: [], signals: { brand: true, churn: false, abuse: false, question: false, urgency: false } };
const post: Post = { id: 'x:1', platform: 'x', author: 'Nadia', handle: '@nadia', text: 'Stuck for hours', permalink: null, time: null };
const ui = (over: Partial<UiState> = {}): UiState => ({ helper: { post, verdict }, helperPostId: post.id, order: ['x:1', 'x:2'], palette: false, toast: null, ...over });

describe('the overlay frame’s store: it shows what the page side says and asks it for changes', () => {
  it('shows the post the page side opened, with its place among the flagged ones', () => {
    const store = createFrameStore(() => undefined);
    store.apply(ui());
    const s = store.get();
    expect(s.helper).toEqual({ kind: 'post', postId: 'x:1' });
    expect(s.flagged.get('x:1')?.post.text).toBe('Stuck for hours');
    expect(s.order).toEqual(['x:1', 'x:2']);
    store.apply(ui({ helper: { post, verdict }, helperPostId: null }));
    expect(store.get().helper).toMatchObject({ kind: 'ad-hoc', post: { id: 'x:1' } });
  });

  it('asks the page side to open another post instead of showing one it does not have', () => {
    const sent: UiCommand[] = [];
    const store = createFrameStore((c) => void sent.push(c));
    store.apply(ui());
    store.openHelper({ kind: 'post', postId: 'x:2' });
    expect(store.get().helper).toEqual({ kind: 'post', postId: 'x:1' });
    expect(sent).toEqual([{ kind: 'open-post', postId: 'x:2' }]);
  });

  it('closes at once and tells the page side, which sizes the frame; toasts too', () => {
    const sent: UiCommand[] = [];
    const store = createFrameStore((c) => void sent.push(c));
    store.apply(ui({ palette: true }));
    store.setPalette(false);
    store.closeHelper();
    store.toast('Marked resolved.');
    expect(store.get()).toMatchObject({ helper: null, paletteOpen: false, toast: { text: 'Marked resolved.', tone: 'info' } });
    expect(sent.map((c) => c.kind)).toEqual(['close-palette', 'close-helper', 'toast']);
  });

  it('shows a customer history only beside the post it was asked for', () => {
    const store = createFrameStore(() => undefined);
    store.apply(ui());
    const history = { summary: { postId: 'x:1', known: true, earlierInteractions: 2, severityRising: false }, earlier: [], current: null };
    // An answer that arrives after the helper moved to another post is not shown beside it.
    store.setHistory('x:2', { ...history, summary: { ...history.summary, postId: 'x:2' } });
    expect(store.get().history).toBeNull();
    store.setHistory('x:1', history);
    expect(store.get().history).toEqual({ postId: 'x:1', history });
    const other: Post = { ...post, id: 'x:2', author: 'Marcus' };
    store.apply(ui({ helper: { post: other, verdict }, helperPostId: 'x:2' }));
    expect(store.get().history).toBeNull();
  });
});

