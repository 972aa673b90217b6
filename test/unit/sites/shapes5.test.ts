import { describe, expect, it } from 'vitest';
import { scoreSynthetic, SHAPES5 } from '../../../scripts/sites/score';

/**
 * The fifth test set (test/fixtures/sites/shapes5, README there): engines and themes no other set covers
 * (Kunena 6, Lobsters, Remark42, Typepad, Dreamwidth, an Arc forum, Forgejo, a XenForo 2 thread list),
 * written before the seventh pass changed the reader and held out from tuning. Like shapes4.test.ts it
 * lists the pages still short (from `npm run score:sites`), so a page that gets better or worse fails
 * until the list says so; on no page is anything read that is not a post.
 */
const STILL_SHORT = new Set([
  'arc-forum-thread.html', // table markup, depth as spacer width: nothing read
  'dreamwidth-entry.html', // the comment subject taken as the name on two of three
  'forgejo-issue.html', // timeline items: nothing read
  'kunena6-topic.html', // one post's words open with its relative date and #N
  'lobsters-story.html', // the text story not read as the opening post
  'typepad-comments.html', // a guest named in plain text after the words: missed
]);

describe('fifth test set (held out): engines and themes no other set covers', () => {
  const scores = scoreSynthetic(SHAPES5);

  it('has the eight pages', () => {
    expect(scores).toHaveLength(8);
  });

  for (const s of scores) {
    it(`${s.file}: ${STILL_SHORT.has(s.file) ? 'still short, ' : 'every post read right, '}nothing read that is not a post`, () => {
      expect(s.read).toBeLessThanOrEqual(s.expected);
      expect(s.misses.length === 0, s.misses.join('; ')).toBe(!STILL_SHORT.has(s.file));
    });
  }
});
