import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodePage } from '../../../lib/sites/decode';
import { adapterForPage } from '../../../lib/sites/index';
import { vbulletinAdapter } from '../../../lib/sites/vbulletin';
import { FIXTURES, expectPostsMatch, loadFixture, readExpectedFixture } from './load-fixture';

const BASE = 'trafilatura--pocketpc.ch-auslieferung-p34';

describe('vbulletin adapter', () => {
  it('decodes the windows-1252 page without a charset so umlauts survive', () => {
    const text = decodePage(readFileSync(join(FIXTURES, 'vbulletin', `${BASE}.html`)));
    expect(text).toContain('Gehöre zum Inventar');
    expect(text).not.toContain('\uFFFD');
  });

  it('reads 20 posts of a vBulletin 4 thread page, quoted members kept apart', () => {
    const { posts, expected } = readExpectedFixture('vbulletin', BASE);
    expect(posts).toHaveLength(expected.count);
    expectPostsMatch(posts, expected.posts);
    expect(posts[0]?.quoted).toMatch(/^Gibt es denn irgendow eine Seite/);
    expect(posts[0]?.text).not.toContain('Zitat von');
    expect(posts.some((p) => p.text.includes('document.write'))).toBe(false);
    expect(posts[0]?.id).toBe('vbulletin:www.pocketpc.ch/949757');
  });

  it('is recognised by its markup on any host', () => {
    const { url } = JSON.parse(readFileSync(join(FIXTURES, 'vbulletin', `${BASE}.expected.json`), 'utf8')) as { url: string };
    expect(adapterForPage(loadFixture(`vbulletin/${BASE}.html`, url), new URL(url))).toBe(vbulletinAdapter);
  });
});
