import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { queryAll, matches } from '../../../lib/sites/reader/match';
import { AUTHORISH, BODYISH, NOT_WORDS, QUOTE, TIMEISH } from '../../../lib/sites/reader/parts';
import { SITE_FIXTURES } from '../../../scripts/sites/score';
import { loadFixture } from './load-fixture';

/**
 * lib/sites/reader/match.ts lets through to the browser's own match only the elements that carry
 * what a selector list needs. If its prefilter ever dropped an element the list matches, the reader
 * would lose an author, a quote or a signature without a word: here every saved hand-made page and
 * a few real ones are read with both, and they must agree element for element, in order.
 */
const LISTS = { AUTHORISH, QUOTE, NOT_WORDS, BODYISH, TIMEISH };
const SETS = ['generic', 'synthetic', 'shapes3', 'shapes4', 'shapes5', 'engines'];
const REAL = ['wild/xenforo1--wcxb--www.spigotmc.org-best-minecraft-server-hosts.html', 'wild/old-reddit--wcxb--old.reddit.com-r-science-fully-functional-hair-follicle.html', 'phpbb/prosilver--forum.example.org-viewtopic-t-981.html'];

const pages = [...SETS.flatMap((d) => readdirSync(join(SITE_FIXTURES, d)).filter((f) => f.endsWith('.html')).map((f) => `${d}/${f}`)), ...REAL];

describe('selector lists matched through the prefilter', () => {
  it('finds pages to compare', () => {
    expect(pages.length).toBeGreaterThan(30);
  });

  for (const page of pages) {
    it(`${page}: the same elements as querySelectorAll for every list`, () => {
      const doc = loadFixture(page, 'https://example.org/page');
      for (const [name, css] of Object.entries(LISTS)) {
        const native = Array.from(doc.body.querySelectorAll(css));
        const ours = queryAll(doc.body, css);
        expect(ours.length, `${name} on ${page}`).toBe(native.length);
        expect(ours.every((el, i) => el === native[i]), `${name} on ${page}`).toBe(true);
      }
    });
  }

  it('a selector it cannot read still matches, through the browser', () => {
    const doc = loadFixture('synthetic/article-comments.html', 'https://example.org/page');
    const css = 'article > header, p:first-child';
    expect(queryAll(doc.body, css)).toEqual(Array.from(doc.body.querySelectorAll(css)));
    const el = doc.body.querySelector('p')!;
    expect(matches(el, css)).toBe(el.matches(css));
  });
});
