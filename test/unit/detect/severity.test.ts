/**
 * Issue 20, round 3: the verdict cannot depend on @handles (they produce no feature), and the
 * severity decoder's floors: churn, repetition, insults, accusations and threats set a minimum
 * level on posts that read as social ones; the banking head decides alone on banking-like posts.
 */
import { describe, expect, it } from 'vitest';
import { createFeatureSet, extract, featureFlags } from '../../../lib/detect/features';
import { normalise } from '../../../lib/detect/normalise';
import { decodeLevel, escalationFloor, FLOORS, sentencesOf } from '../../../lib/detect/severity';

function features(text: string) {
  const f = createFeatureSet();
  extract(normalise(text), f);
  return { words: Array.from(f.wordHash.subarray(0, f.nWord)), grams: Array.from(f.scan.gramHash.subarray(0, f.scan.nGrams)), dense: Array.from(f.dense) };
}

function floorOf(text: string): number {
  const f = createFeatureSet();
  const norm = normalise(text);
  extract(norm, f);
  return escalationFloor(norm, f.lexiconBits);
}

describe('where the text was written', () => {
  it('with the round-3 switch, @handles give no feature: the tweet and the forum comment are the same post to the model', () => {
    const before = featureFlags.mentions;
    featureFlags.mentions = false;
    const pairs = [
      ['@AcmeSupport my refund never came, third email this week', 'my refund never came, third email this week'],
      ['Really disappointed with the new update @Acme the export button is gone', 'Really disappointed with the new update the export button is gone'],
      ['@a @b @c charged twice!!', 'charged twice!!'],
    ];
    try {
      for (const [tweet, forum] of pairs) expect(features(tweet!)).toEqual(features(forum!));
    } finally {
      featureFlags.mentions = before;
    }
  });
});

describe('severity floors', () => {
  it('reads the escalation an agent would see', () => {
    expect(floorOf('The package never arrived.')).toBe(0);
    expect(floorOf('This is the third time this happened.')).toBe(FLOORS.repetition);
    expect(floorOf('I am cancelling my account.')).toBe(FLOORS.churn);
    expect(floorOf('You are thieves and liars.')).toBe(FLOORS.abuse);
    expect(floorOf('You stole my money.')).toBe(FLOORS.accusation);
    expect(floorOf('I will see you in court.')).toBe(FLOORS.blame);
  });

  it('raises a social post to its floor, never lowers a level', () => {
    const social = [3, 1, 0, -1], bank = [0, 0, 0, 5];
    expect(decodeLevel(social, bank, -4, [1, 2, 3, 4], 0)).toBe(1);
    expect(decodeLevel(social, bank, -4, [1, 2, 3, 4], 3)).toBe(3);
    expect(decodeLevel([0, 0, 0, 2], bank, -4, [1, 2, 3, 4], 2)).toBe(4);
  });

  it('leaves a banking-like post to the banking head', () => {
    expect(decodeLevel([3, 1, 0, -1], [4, 0, 0, 0], 4, [1, 2, 3, 4], 3)).toBe(1);
  });
});

describe('sentences', () => {
  it('cuts at a full stop, ! or ? before a space, never inside a link, a file name or a version number', () => {
    expect(sentencesOf('charged twice https://example.com/shot.png and still waiting. third time! why?'))
      .toEqual(['charged twice https://example.com/shot.png and still waiting.', ' third time!', ' why?']);
    expect(sentencesOf('v4.5 broke the export... again')).toEqual(['v4.5 broke the export...', ' again']);
  });
});
