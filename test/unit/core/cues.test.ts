import { describe, expect, it } from 'vitest';
import { withCues } from '../../../lib/actions';
import { detect } from '../../../lib/detect';
import { PostItemSchema } from '../../../lib/messages';
import type { Post } from '../../../lib/types';

const post = (text: string): Post => ({ id: 'x:1', platform: 'x', author: 'Sam', handle: '@sam', text, permalink: null, time: null });

// The contract (lib/messages.ts SeenVerdictSchema): cues absent = not computed, a list = computed.
describe('cues of flagged posts, derived in the background', () => {
  it('fills in the words that drove the verdict when the page did not compute them, as the page detector would have', () => {
    const text = 'I was charged twice and nobody answers my emails, this is ridiculous';
    const page = detect(text);
    expect(page.complaint).toBe(true);
    const sent = { complaint: page.complaint, score: page.score, severity: page.severity, signals: page.signals };
    const [stored] = withCues([{ post: post(text), verdict: sent }]);
    expect(stored!.verdict.cues.length).toBeGreaterThan(0);
    expect(stored!.verdict.cues).toEqual(page.cues);
    expect(stored!.verdict).toMatchObject({ severity: page.severity, score: page.score });
  });

  it('keeps cues that were computed, an empty list included, and derives none for a post that is no complaint', () => {
    const given = { complaint: true, score: 0.9, severity: 3 as const, signals: detect('x').signals, cues: ['never arrived'] };
    expect(withCues([{ post: post('my order never arrived'), verdict: given }])[0]!.verdict.cues).toEqual(['never arrived']);
    // Computed and found none: an empty list is an answer, not a request to compute.
    const computedNone = { ...given, cues: [] };
    expect(withCues([{ post: post('I was charged twice, ridiculous'), verdict: computedNone }])[0]!.verdict.cues).toEqual([]);
    const { cues: _cues, ...calm } = { ...given, complaint: false, severity: 0 as const };
    expect(withCues([{ post: post('I was charged twice, ridiculous'), verdict: calm }])[0]!.verdict.cues).toEqual([]);
  });

  it('the message keeps "not computed" apart from "none found": absent stays absent, an empty list stays a list', () => {
    const p = { ...post('my order never arrived'), permalink: null };
    const sent = { complaint: true, score: 0.9, severity: 3 as const, signals: detect('x').signals };
    expect('cues' in PostItemSchema.parse({ post: p, verdict: sent }).verdict).toBe(false);
    expect(PostItemSchema.parse({ post: p, verdict: { ...sent, cues: [] } }).verdict.cues).toEqual([]);
  });
});
