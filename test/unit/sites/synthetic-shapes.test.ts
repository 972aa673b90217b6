import { describe, expect, it } from 'vitest';
import { scoreSynthetic } from '../../../scripts/sites/score';

/**
 * The second test set (test/fixtures/sites/synthetic, README there): hand-made pages of engines in
 * shapes no saved page has, read by the generic reader. Each post must be read at its place with its
 * author, its own words starting and ending where a person reads them (no by-line, no signature, no
 * quote), and nothing more than the posts (no article, no card grid, no "latest comments" rail).
 */
describe('generic reader on engines of other shapes', () => {
  const scores = scoreSynthetic();

  it('has the five shapes', () => {
    expect(scores.map((s) => s.file).sort()).toEqual([
      'article-comments.html',
      'div-forum-signatures.html',
      'dl-comments.html',
      'table-forum.html',
      'threaded-replies.html',
    ]);
  });

  for (const s of scores) {
    it(`${s.file}: every post read right, none too many (${s.shape.slice(0, 60)}…)`, () => {
      expect(s.misses).toEqual([]);
      expect(s.read).toBe(s.expected);
    });
  }
});
