import { describe, expect, it } from 'vitest';
import { adapterForPage, readPostsOnPage } from '../../../lib/sites/index';
import { loadFixture } from './load-fixture';

/**
 * Engines described as data (lib/sites/engines/*), recognised by what the page is. Each saved page is
 * read under a host that is not its own, so only the fingerprint can name the engine.
 */
const CASES = [
  { engine: 'xenforo', file: 'xenforo1--wcxb--www.spigotmc.org-best-minecraft-server-hosts.html', posts: 13, first: ['pelex', 'Hello, I wanted to come here to share a list'] },
  { engine: 'vbulletin5', file: 'vbulletin6--wcxb--forum.simplydiscus.com-discus-basics-for-beginners.html', posts: 11, first: ['mrez5', 'Good day to all discus lovers'] },
  { engine: 'invision', file: 'invision4--wcxb--forum.prestashop.com-payment-issues-how-to-delete.html', posts: 12, first: ['GrinGEO', 'Hi have a few orders where the customer'] },
  { engine: 'fluxbb', file: 'fluxbb--wcxb--bbs.archlinux.org-viewtopic-298271.html', posts: 25, first: ['archuser38013', 'This I think is my favorite forum'] },
  { engine: 'nodebb', file: 'nodebb--wcxb--community.nodebb.org-rc1-of-nodebb-v4.html', posts: 12, first: ['julian', "I'm happy to announce RC1"] },
  // Two of the 19 posts are quotes with no words of their own: nothing to answer, not posts.
  { engine: 'vanilla', file: 'vanilla--wcxb--forum.polkaudio.com-advice-on-home-theater-speaker-setup.html', posts: 17, first: ['mdmsaab', "Hi there -- We're creating a small home"] },
  { engine: 'slashdot', file: 'slashdot--wcxb--developers.slashdot.org-stanford-cs-grads-find.html', posts: 76, first: null },
  { engine: 'livefyre', file: 'livefyre-widget--htmlparser-benchmark--swampland.time.com-christian-right-fights-porn-in-the-dorm.html', posts: 54, first: null },
] as const;

const ELSEWHERE = 'https://talk.example-community.org/threads/some-topic.123/';

describe('forum engines read on any domain by their fingerprint', () => {
  for (const c of CASES) {
    it(`${c.engine}: recognised off its own host, every post read with author and words`, () => {
      const doc = loadFixture(`wild/${c.file}`, ELSEWHERE);
      const url = new URL(ELSEWHERE);
      const adapter = adapterForPage(doc, url);
      // Slashdot is named by host too; elsewhere its markup alone must still name it.
      expect(adapter?.name ?? adapter?.platform).toBe(c.engine);
      const posts = readPostsOnPage(doc, url);
      expect(posts).toHaveLength(c.posts);
      expect(new Set(posts.map((p) => p.id)).size).toBe(posts.length);
      for (const p of posts) {
        expect(p.author.length).toBeGreaterThan(0);
        expect(p.text.length).toBeGreaterThan(0);
        expect(p.permalink === null || /^https?:\/\//.test(p.permalink)).toBe(true);
      }
      if (c.first) {
        expect(posts[0]!.author).toBe(c.first[0]);
        expect(posts[0]!.text.startsWith(c.first[1])).toBe(true);
      }
    });
  }

  it('keeps quotes apart from the author\'s own words (FluxBB quotebox, nested quotes once)', () => {
    const doc = loadFixture('wild/fluxbb--wcxb--bbs.archlinux.org-viewtopic-298271.html', ELSEWHERE);
    const posts = readPostsOnPage(doc, new URL(ELSEWHERE));
    const quoting = posts.filter((p) => p.quoted);
    expect(quoting.length).toBeGreaterThan(5);
    for (const p of quoting) expect(p.text).not.toContain(p.quoted!.slice(0, 30));
    // A quote that itself quotes: its words appear once in `quoted`, not twice.
    const nested = posts.find((p) => /wrote: .* wrote:/.test(p.quoted ?? ''))!;
    const inner = nested.quoted!.split('wrote:').at(-1)!.trim().slice(0, 40);
    expect(nested.quoted!.split(inner).length - 1).toBe(1);
  });

  it('a vBulletin 6 page is named by its <meta name="generator"> even with the body classes gone', () => {
    const doc = loadFixture('wild/vbulletin6--wcxb--forum.simplydiscus.com-discus-basics-for-beginners.html', ELSEWHERE);
    doc.body.removeAttribute('id');
    expect(adapterForPage(doc, new URL(ELSEWHERE))?.name).toBe('vbulletin5');
  });
});
