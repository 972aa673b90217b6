import { describe, expect, it } from 'vitest';
import { adapterForPage, readPostsOnPage } from '../../../lib/sites/index';
import { loadFixture } from './load-fixture';

/** Lemmy read on any instance by its fingerprint (lib/sites/engines/lemmy.ts), on a page made from lemmy-ui's components. */
describe('lemmy by fingerprint', () => {
  const url = 'https://forum.example.social/post/77';
  const doc = () => loadFixture('engines/lemmy-ui--forum.example.social-post-77.html', url);

  it('is recognised by its markup on an instance no list names', () => {
    expect(adapterForPage(doc(), new URL(url))?.name).toBe('lemmy');
  });

  it('reads the post and every comment, nested reply included; the name as shown, the quote kept apart, the sidebar left out', () => {
    const posts = readPostsOnPage(doc(), new URL(url));
    expect(posts.map((p) => [p.author, p.permalink])).toEqual([
      ['ada', 'https://forum.example.social/post/77'],
      ['bo', 'https://forum.example.social/comment/9001'],
      ['ada', 'https://forum.example.social/comment/9004'],
      ['cy', 'https://forum.example.social/comment/9010'],
    ]);
    expect(posts[2]!.text).toBe('Tried it, it lasted an hour. I am close to cancelling.');
    expect(posts[2]!.quoted).toBe('Clearing the app storage helps for a day');
    expect(posts.some((p) => p.author === 'mod1')).toBe(false);
  });
});
