import { describe, expect, it } from 'vitest';
import { adapterForPage, genericAdapter, readPostsWith } from '../../../lib/sites/index';
import { deriveReader } from '../../../lib/sites/learn/derive';
import { learnedAdapter } from '../../../lib/sites/learn/learned';
import { wildPages } from '../../../scripts/sites/score';
import { loadFixture, parsePage } from './load-fixture';

/**
 * "Read posts like this one": the agent right-clicks the words of one post; the derived reader must
 * find the page's other posts with their authors. Each case plays the agent on a real saved page:
 * the click lands on the first long run of words inside the third post (found with that engine's
 * adapter, which is what tells the test where a post is; the derivation itself never sees it).
 */
const PAGES = ['discourse', 'xenforo1', 'phpbb', 'invision4', 'fluxbb', 'slashdot', 'hackernews-2015', 'old-reddit', 'livefyre-widget'];

function wordsIn(el: Element): Element | null {
  const all = [el, ...el.querySelectorAll('*')];
  return all.find((e) => [...e.childNodes].some((n) => n.nodeType === 3 && (n.nodeValue ?? '').trim().length >= 40)) ?? null;
}

describe('learned reader: derived from one post, it finds the others', () => {
  for (const engine of PAGES) {
    it(`${engine}: count within 10%, the same authors as the engine's adapter, no positional or hashed selectors`, () => {
      const page = wildPages().find((p) => p.engine === engine)!;
      const url = new URL(page.url);
      const doc = loadFixture(`wild/${page.file}`, page.url);
      const adapter = adapterForPage(doc, url)!;
      const third = adapter.findPosts(doc)[2]!;
      const textCss = adapter.selectors.text?.css;
      const clicked = wordsIn((textCss && third.querySelector(textCss)) || third)!;
      expect(clicked).not.toBeNull();

      const derived = deriveReader(clicked, doc);
      expect(derived).not.toBeNull();
      const { reader } = derived!;
      for (const css of [reader.post, reader.author, reader.text]) {
        expect(css).not.toMatch(/nth-|:eq|\d{3,}/);
      }
      const learned = readPostsWith(learnedAdapter(reader), doc, url);
      expect(Math.abs(learned.length / page.expectedPosts - 1)).toBeLessThanOrEqual(0.1);
      expect(derived!.found).toBe(learned.length);
      // Same authors, in order, as the adapter written for this engine reads them.
      const reference = readPostsWith(adapter, doc, url).slice(0, 6).map((p) => p.author);
      expect(learned.slice(0, 6).map((p) => p.author)).toEqual(reference);
      expect(learned.every((p) => p.text.length > 0)).toBe(true);
    }, 90_000);
  }

  const ARTICLE = `<html><body><nav class="menu"><ul>${Array.from({ length: 12 }, (_, i) => `<li class="item"><a href="/c/${i}">Category ${i} with a long enough name to click</a></li>`).join('')}</ul></nav>
    <article><h1>Why our invoices changed</h1><p class="byline">By <a href="/author/jo">Jo</a></p>
    <p id="words">This article explains in some detail why the invoices look different this month, and what to do.</p></article></body></html>`;

  it('a click in an article without comments, or in the navigation, derives nothing (said honestly)', () => {
    const doc = parsePage(ARTICLE, 'https://blog.example.org/post');
    expect(deriveReader(doc.getElementById('words')!, doc)).toBeNull();
    expect(deriveReader(doc.querySelector('nav li a')!, doc)).toBeNull();
  });

  it('comments whose markup names nothing but a profile link still yield a reader, without nth-child', () => {
    const comment = (i: number) =>
      `<div class="cm"><div class="hd"><a href="/people/p${i}">Person ${i}</a></div><div class="bd"><p>My parcel number ${i} has been stuck in the depot for a week now.</p></div></div>`;
    const doc = parsePage(`<html><body><main><div class="list">${Array.from({ length: 7 }, (_, i) => comment(i)).join('')}</div></main></body></html>`, 'https://shop.example.org/p/1');
    const derived = deriveReader(doc.querySelectorAll('.bd p')[3]!, doc);
    expect(derived?.reader).toMatchObject({ post: 'div.cm', text: 'div.bd' });
    const posts = readPostsWith(learnedAdapter(derived!.reader), doc, new URL('https://shop.example.org/p/1'));
    expect(posts.map((p) => p.author)).toEqual(Array.from({ length: 7 }, (_, i) => `Person ${i}`));
  });
});

describe('learned reader where the markup names no author', () => {
  const review = (i: number, who: string) =>
    `<div class="review"><div class="review-head"><span class="reviewer">${who}</span><span class="stars">★★☆☆☆</span></div>` +
    `<p class="review-body">The kettle number ${i} stopped heating after two weeks and support never wrote back to me.</p></div>`;
  const WHO = ['Dana P.', 'Lee Wong', 'Sam', 'Ines Ruiz', 'Kofi'];
  const html = `<html><body><main><h1>Kettle 3000</h1><section class="reviews">${WHO.map((w, i) => review(i, w)).join('')}</section></main>
    <footer><p class="small">Copyright notice for this shop and a long enough line of words here.</p></footer></body></html>`;

  it('the generic reader finds nothing; pointing at one review teaches a reader that finds all five with their names', () => {
    const url = new URL('https://shop.example.net/kettle-3000');
    const doc = parsePage(html, url.href);
    expect(readPostsWith(genericAdapter, doc, url)).toEqual([]);
    const derived = deriveReader(doc.querySelectorAll('.review-body')[1]!, doc);
    expect(derived?.found).toBe(5);
    const posts = readPostsWith(learnedAdapter(derived!.reader), doc, url);
    expect(posts.map((p) => p.author)).toEqual(WHO);
    expect(posts[0]!.text).toMatch(/^The kettle number 0 stopped heating/);
  });
});

describe('which reader a page gets (lib/content/learn-reader.ts readerFor)', () => {
  const reviews = `<html><body><section class="reviews">${['Dana P.', 'Lee Wong', 'Kofi'].map((w, i) => `<div class="review"><div class="review-head"><span class="reviewer">${w}</span></div><p class="review-body">Review ${i}: the kettle stopped heating after two weeks of use.</p></div>`).join('')}</section></body></html>`;
  const taught = { post: 'div.review', author: 'span.reviewer', text: 'p.review-body' };

  it('the taught reader on its own host only; elsewhere the generic reader', async () => {
    const { readerFor } = await import('../../../lib/content/learn-reader');
    const doc = parsePage(reviews, 'https://shop.example.net/k');
    const here = readerFor(doc, new URL('https://shop.example.net/k'), { learnedReaders: { 'shop.example.net': taught } });
    expect(here.name).toBe('learned');
    expect(readPostsWith(here, doc, new URL('https://shop.example.net/k')).map((p) => p.author)).toEqual(['Dana P.', 'Lee Wong', 'Kofi']);
    const elsewhere = readerFor(doc, new URL('https://other.example.net/k'), { learnedReaders: { 'shop.example.net': taught } });
    expect(elsewhere).toBe(genericAdapter);
  });

  it('a host adapter is kept even before its posts arrive; a named engine that reads posts beats the taught reader', async () => {
    const { readerFor } = await import('../../../lib/content/learn-reader');
    const empty = parsePage('<html><body><main></main></body></html>', 'https://x.com/home');
    expect(readerFor(empty, new URL('https://x.com/home'), { learnedReaders: {} }).platform).toBe('x');
    const page = wildPages().find((p) => p.engine === 'fluxbb')!;
    const doc = loadFixture(`wild/${page.file}`, page.url);
    const url = new URL(page.url);
    expect(readerFor(doc, url, { learnedReaders: { [url.hostname]: taught } }).name).toBe('fluxbb');
  });
});
