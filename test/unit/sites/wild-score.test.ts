import { describe, expect, it } from 'vitest';
import { meetsTarget, scoreExpected, scoreWild, wildPages } from '../../../scripts/sites/score';

/**
 * Every saved page scored against the bar (count within 10%; on forum pages recall ≥ 0.9,
 * precision ≥ 0.95, every author named on the page). The pages still short of it are listed here, so
 * a page that gets better or worse fails the test until this list says so. Figures: npm run score:sites.
 */
const STILL_SHORT = new Set([
  // Why each is short, from npm run score:sites: ground truth without post titles typed into the body
  // (vbulletin6), without one post (invision4), without an AutoModerator post (old-reddit); post dates
  // that are in the ground truth's words but read as times (phpbb, recall 0.89); remote users' names
  // written without their instance (nodebb); two quote-only posts that carry no words (vanilla).
  'vbulletin6', 'phpbb', 'invision4', 'nodebb', 'vanilla', 'old-reddit',
  // held out, both short by their ground truth (checked in the sixth pass): bbPress's keeps every post's
  // date, "#post-id", rank and @handle lines as words (all 20 posts on the page are read; SOURCES says 22);
  // inSided's holds the opening guide only, none of the 20 replies (so precision stays near 0.44).
  'bbpress', 'insided-gainsight',
]);

const pages = wildPages();

describe('wild pages of 18 engines, read by npm run extract', () => {
  it('lists all 18 pages, 5 of them held out', () => {
    expect(pages).toHaveLength(18);
    expect(pages.filter((p) => p.heldOut)).toHaveLength(5);
  });

  for (const page of pages) {
    it(`${page.engine}${page.heldOut ? ' (held out)' : ''}: ${STILL_SHORT.has(page.engine) ? 'still short of' : 'meets'} the target, never more posts than there are`, () => {
      const s = scoreWild(page);
      expect(s.posts.length).toBeLessThanOrEqual(Math.ceil(page.expectedPosts * 1.1));
      for (const p of s.posts) expect(p.text.length).toBeGreaterThan(0);
      expect(meetsTarget(s), JSON.stringify({ read: s.posts.length, recall: s.recall, precision: s.precision, authors: s.authorsOnPage })).toBe(
        !STILL_SHORT.has(page.engine),
      );
    });
  }
});

describe('older fixtures with an expected reading', () => {
  it('every post read, in order, with the right author and first words', () => {
    const scores = scoreExpected();
    expect(scores.length).toBeGreaterThanOrEqual(14);
    for (const s of scores) expect({ file: s.file, read: s.read, matched: s.matched }).toEqual({ file: s.file, read: s.expected, matched: s.expected });
  }, 120_000); // 14 pages parsed in happy-dom: ~5 s alone, over 20 s on a loaded 2-core machine
});
