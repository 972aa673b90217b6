import { describe, expect, it } from 'vitest';
import { genericAdapter } from '../../../lib/sites/generic';
import { readPostsOnPage, readPostsWith } from '../../../lib/sites/index';
import { declaredPosts } from '../../../lib/sites/reader/structured';
import { comparableWords, postsInJsonLd } from '../../../lib/sites/reader/jsonld';
import { loadFixture } from './load-fixture';

/** Posts declared as structured data (JSON-LD, microdata, RDFa, microformats), on pages we wrote (generic/structured/). */
describe('structured data as a reader', () => {
  const BLOG = 'https://notes.example.org/2025/checkout';

  it('reads JSON-LD comments: author, address and time as declared, words as shown, nested reply kept apart', () => {
    const doc = loadFixture('generic/structured/jsonld-comments.html', BLOG);
    const posts = readPostsOnPage(doc, new URL(BLOG));
    expect(posts.map((p) => [p.author, p.permalink, p.time])).toEqual([
      ['Dana Ruiz', `${BLOG}#remark-11`, '2025-06-02T07:15:00.000Z'],
      // A bare date has no zone: no time rather than a wrong one.
      ['Omar', `${BLOG}#remark-12`, null],
      ['Lea', `${BLOG}#remark-13`, '2025-06-03T18:40:00.000Z'],
      ['Dana Ruiz', `${BLOG}#remark-14`, '2025-06-03T19:02:00.000Z'],
    ]);
    expect(posts[0]!.handle).toBe('https://notes.example.org/people/dana');
    // The by-line is not the words; the declared text was cut short ("…"), the page shows all of it.
    expect(posts[0]!.text).toBe('The new checkout charged my card twice for one order and nobody answers the support email. I want a refund for the second charge.');
    expect(posts[1]!.text).toMatch(/not even an automatic reply\.$/);
    // Lea's words are hers, not her reply's; the reply quotes her and the quote is kept apart.
    expect(posts[2]!.text).toBe('Did you try the help form? It took them three days but they did refund me in the end.');
    expect(posts[3]!.text).toBe('I did, twice. The form says my order number does not exist, which is odd because I have the receipt.');
    expect(posts[3]!.quoted).toMatch(/^Did you try the help form/);
  });

  it('ties each JSON-LD post to the element that shows it, and says which ones no element shows', () => {
    const doc = loadFixture('generic/structured/jsonld-comments.html', BLOG);
    const els = genericAdapter.findPosts(doc);
    expect(els.map((e) => e.id || e.parentElement!.id)).toEqual(['remark-11', 'remark-12', 'remark-13', 'remark-14']);
    const reading = declaredPosts(doc);
    expect(reading.declared).toBe(5);
    expect(reading.unshown.map((p) => p.author)).toEqual(['Removed User']);
  });

  it('reads schema.org Review in RDFa (bare and schema:-prefixed properties), not the aside beside it', () => {
    const url = 'https://shop.example.com/kettles/k2';
    const posts = readPostsOnPage(loadFixture('generic/structured/rdfa-reviews.html', url), new URL(url));
    expect(posts.map((p) => [p.author, p.permalink, p.time])).toEqual([
      ['Ingrid P.', 'https://shop.example.com/kettles/k2#review-301', '2025-02-11T10:00:00.000Z'],
      ['Tom', 'https://shop.example.com/kettles/k2#review-302', '2025-02-14T15:30:00.000Z'],
    ]);
    expect(posts[1]!.text).toMatch(/^The lid hinge cracked in week two\./);
  });

  it('reads a Question and its Answers in microdata with several itemtypes; the asker’s profile is not the post’s address', () => {
    const url = 'https://help.example.net/q/70';
    const posts = readPostsOnPage(loadFixture('generic/structured/microdata-qa.html', url), new URL(url));
    expect(posts.map((p) => [p.author, p.permalink])).toEqual([
      ['Pia K', 'https://help.example.net/q/70#q-70'],
      ['netfix', 'https://help.example.net/q/70#a-71'],
      ['Carl', 'https://help.example.net/q/70#a-72'],
    ]);
    expect(posts[0]!.handle).toBe('https://help.example.net/u/pia');
    expect(posts[0]!.text).toMatch(/^Since the last firmware update/);
    expect(posts[0]!.text).not.toMatch(/Roll back/);
    expect(posts[2]!.text).toMatch(/useless for a month/);
  });

  it('reads a stream of standalone h-entry notes with h-card authors', () => {
    const url = 'https://town.example.org/streams/buses';
    const posts = readPostsOnPage(loadFixture('generic/structured/h-entry-stream.html', url), new URL(url));
    expect(posts.map((p) => [p.author, p.handle, p.permalink, p.time])).toEqual([
      ['Ana', 'https://ana.example/', 'https://town.example.org/n/501', '2025-08-10T12:00:00.000Z'],
      ['Ben', 'https://ben.example/', 'https://town.example.org/n/502', '2025-08-10T12:30:00.000Z'],
    ]);
  });

  it('JSON-LD that is malformed, huge or deep is skipped, never thrown', () => {
    expect(postsInJsonLd('{"@type":"Comment",')).toEqual([]);
    let deep = '{"@type":"Comment","author":"x","text":"a b c"}';
    for (let i = 0; i < 200; i++) deep = `{"comment":${deep}}`;
    expect(postsInJsonLd(deep)).toEqual([]);
    const many = JSON.stringify({ '@graph': Array.from({ length: 5000 }, () => ({ '@type': 'Comment', author: 'a', text: 'b' })) });
    expect(postsInJsonLd(many).length).toBe(600);
    expect(comparableWords('Same here &mdash; two <b>charges</b>&hellip;')).toEqual(['same', 'here', 'two']);
  });
});

describe('structured data on the saved wild pages that carry it (generic reader alone)', () => {
  it('Invision 4: the JSON-LD thread and its 11 comments, each tied to its post on the page', () => {
    const url = 'https://forum.prestashop.com/topic/1103020-payment-issues-how-to-delete-or-change-payment-method/';
    const doc = loadFixture('wild/invision4--wcxb--forum.prestashop.com-payment-issues-how-to-delete.html', url);
    const reading = declaredPosts(doc);
    expect([reading.declared, reading.shown.length, reading.unshown.length]).toEqual([12, 12, 0]);
    const posts = readPostsWith(genericAdapter, doc, new URL(url));
    expect(posts).toHaveLength(12);
    expect(posts[1]!.author).toBe('Daresh');
    expect(posts[1]!.permalink).toBe(`${url}#comment-3538180`);
    // Each post's block holds its own words only.
    for (const [i, el] of genericAdapter.findPosts(doc).entries()) expect(el.textContent!.replace(/\s+/g, " ")).toContain(posts[i]!.text.slice(0, 40));
  });

  it('vBulletin 6: schema.org Comment microdata items read with their authors', () => {
    const url = 'https://forum.simplydiscus.com/forum/main-discus-topics/discus-basics-for-beginners/86044-inquiries-about-new-discus-setup';
    const posts = readPostsWith(genericAdapter, loadFixture('wild/vbulletin6--wcxb--forum.simplydiscus.com-discus-basics-for-beginners.html', url), new URL(url));
    expect(posts.length).toBeGreaterThanOrEqual(10);
    expect(posts.every((p) => p.author.length > 0 && p.text.length > 0)).toBe(true);
  });
});
