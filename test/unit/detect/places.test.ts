/**
 * Issue 20, round 6: where a post was written is not what it says. Links, a "cc"/"via" that
 * introduces a handle, and a phrase naming the platform ("on Mastodon", "in this thread") give no
 * feature, so the shipped detector scores such a post exactly like the same words without them.
 * Sentences and platforms here are our own, none from the CheckList lists.
 */
import { describe, expect, it } from 'vitest';
import { detect } from '../../../lib/detect/index';
import { createFeatureSet, extract, featureFlags } from '../../../lib/detect/features';
import { model } from '../../../lib/detect/model';
import { normalise } from '../../../lib/detect/normalise';

function features(text: string) {
  const f = createFeatureSet();
  extract(normalise(text), f);
  return { words: Array.from(f.wordHash.subarray(0, f.nWord)), grams: Array.from(f.scan.gramHash.subarray(0, f.scan.nGrams)), dense: Array.from(f.dense) };
}

const VARIANTS: Array<[string, string]> = [
  ['My invoice shows a charge for a plan I never picked', 'My invoice shows a charge for a plan I never picked https://imgur.com/a/b1'],
  ['The checkout page freezes after I enter my card', 'The checkout page freezes after I enter my card, see www.example.net/log for details'],
  ['Still no replacement for the cracked lid', 'Still no replacement for the cracked lid cc @lidcare_team'],
  ['Support keeps sending me the same canned reply', 'Support keeps sending me the same canned reply via @consumerwatch'],
  ['The update wiped my playlists', 'The update wiped my playlists, posting this on Mastodon'],
  ['Three weeks and the loan statement is still wrong', 'Three weeks and the loan statement is still wrong, as I said in this thread'],
  ['Lovely new colour options this spring', 'Lovely new colour options this spring, saw them on LinkedIn'],
  ['How do I merge two accounts', 'How do I merge two accounts? Asked on our website too'],
];

describe('where the text was written', () => {
  it('the shipped weights read links and platform phrases as places, not words', () => {
    expect(model() && featureFlags.places).toBe(true);
  });

  it('links, "cc"/"via" before a handle and platform phrases leave no feature', () => {
    expect(features('The update wiped my playlists on Mastodon')).toEqual(features('The update wiped my playlists'));
    expect(features('The update wiped my playlists https://t.co/x9 cc @someone')).toEqual(features('The update wiped my playlists'));
    expect(features('In this thread: the update wiped my playlists')).toEqual(features('the update wiped my playlists'));
  });

  it('gives a post the same verdict, score and level with or without its link, handle intro or platform', () => {
    const strip = (s: string) => s.replace(/ ?(https?:\/\/|www\.)\S+/g, '').replace(/ ?(cc|via) @\w+/g, '').replace(/ on Mastodon| on LinkedIn| in this thread| on our website/g, '');
    for (const [, placed] of VARIANTS) {
      const a = detect(placed), b = detect(strip(placed));
      expect({ complaint: a.complaint, severity: a.severity }).toEqual({ complaint: b.complaint, severity: b.severity });
      expect(a.score).toBeCloseTo(b.score, 9);
    }
  });

  it('keeps words that only look like a place: "lost in the post" is the mail', () => {
    expect(features('my parcel got lost in the post')).not.toEqual(features('my parcel got lost'));
    expect(features('the technician never came on site')).not.toEqual(features('the technician never came'));
  });
});
