import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageMayHavePosts } from '../../../lib/content/gate';
import { adapterForPage } from '../../../lib/sites';
import { loadFixture, parsePage } from '../sites/load-fixture';

const FIXTURES = path.resolve('test/fixtures/sites');
const htmlFiles = readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));

const load = (file: string) => loadFixture(file, 'https://blog.somewhere.example/post/1');

// An unknown host, so only the markup can open the gate (self-hosted blogs and forums).
const SOMEWHERE = new URL('https://blog.somewhere.example/post/1');

describe('the gate', () => {
  it('opens for every saved page whose software an adapter recognises by markup', () => {
    let recognised = 0;
    for (const f of htmlFiles) {
      // Parsed once per file: the saved pages include 18 large real forum pages.
      const doc = load(f);
      if (adapterForPage(doc, SOMEWHERE) === null) continue;
      recognised += 1;
      expect(pageMayHavePosts(doc, SOMEWHERE), f).toBe(true);
    }
    expect(recognised).toBeGreaterThan(5);
  }, 60_000);

  it('opens for generic comment pages and stays shut on an article without comments', () => {
    expect(pageMayHavePosts(load('generic/plain-blog-comments.html'), SOMEWHERE)).toBe(true);
    // Deliberately shut: microdata alone would need an attribute scan that costs 0.3 ms on every page.
    expect(pageMayHavePosts(load('generic/microdata-comments.html'), SOMEWHERE)).toBe(false);
    expect(pageMayHavePosts(load('generic/no-comments-long-article.html'), SOMEWHERE)).toBe(false);
  });

  it('opens on known hosts before any markup exists (SPA timelines load later)', () => {
    expect(pageMayHavePosts(parsePage('<p>Loading…</p>', 'https://x.com/home'), new URL('https://x.com/home'))).toBe(true);
  });
});
