import { describe, expect, it } from 'vitest';
import { scoreSynthetic } from '../../../scripts/sites/score';

/**
 * The check every held-out set of test pages gets: the set has its pages, and each page is either
 * read right or listed as still short (from `npm run score:sites`), so a page that gets better or
 * worse fails until its list says so; on no page is anything read that is not a post.
 */
export function describeHeldOutSet(
  title: string,
  set: string,
  pages: number,
  stillShort: ReadonlySet<string>,
  /** Pages known to read more posts than they have (listed, so fixing one fails until the list says so). */
  readsTooMany: ReadonlySet<string> = new Set(),
): void {
  describe(title, () => {
    const scores = scoreSynthetic(set);

    it(`has the ${pages} pages`, () => {
      expect(scores).toHaveLength(pages);
    });

    for (const s of scores) {
      const tooMany = readsTooMany.has(s.file);
      it(`${s.file}: ${stillShort.has(s.file) ? 'still short, ' : 'every post read right, '}${tooMany ? 'still reads too many' : 'nothing read that is not a post'}`, () => {
        if (tooMany) expect(s.read).toBeGreaterThan(s.expected);
        else expect(s.read).toBeLessThanOrEqual(s.expected);
        expect(s.misses.length === 0, s.misses.join('; ')).toBe(!stillShort.has(s.file));
      });
    }
  });
}
