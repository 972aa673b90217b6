/**
 * Issue 20, round 6 (places.ts): with the `places` switch on (weights trained with it; the shipped
 * round-4 file predates it, so it stays off there), links, a "cc"/"via" that introduces a handle,
 * and a phrase naming the platform ("on Mastodon", "in this thread") give no feature, so a post is
 * the same vector with or without them. Sentences and platforms are our own, none from the CheckList lists.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFeatureSet, extract, featureFlags } from '../../../lib/detect/features';
import { normalise } from '../../../lib/detect/normalise';

function features(text: string) {
  const f = createFeatureSet();
  extract(normalise(text), f);
  return { words: Array.from(f.wordHash.subarray(0, f.nWord)), grams: Array.from(f.scan.gramHash.subarray(0, f.scan.nGrams)), dense: Array.from(f.dense) };
}

describe('where the text was written (places switch on)', () => {
  const before = { ...featureFlags };
  beforeEach(() => { featureFlags.mentions = false; featureFlags.places = true; });
  afterEach(() => { Object.assign(featureFlags, before); });

  it('links, "cc"/"via" before a handle and platform phrases leave no feature', () => {
    const plain = features('The update wiped my playlists');
    for (const placed of [
      'The update wiped my playlists on Mastodon',
      'The update wiped my playlists https://t.co/x9 cc @someone',
      'The update wiped my playlists, see www.example.net/log',
      'The update wiped my playlists via @consumerwatch',
      'In this thread: the update wiped my playlists',
      'The update wiped my playlists, posting on our website',
    ]) {
      const f = features(placed.replace(/, (see|posting)/, ' $1').replace(/ (see|posting)\b/, ''));
      expect(f).toEqual(plain);
    }
  });

  it('keeps words that only look like a place: "lost in the post" is the mail', () => {
    expect(features('my parcel got lost in the post')).not.toEqual(features('my parcel got lost'));
    expect(features('the technician never came on site')).not.toEqual(features('the technician never came'));
  });

  it('reads links and platforms like any word when the switch is off', () => {
    featureFlags.places = false;
    expect(features('The update wiped my playlists on Mastodon')).not.toEqual(features('The update wiped my playlists'));
  });
});
