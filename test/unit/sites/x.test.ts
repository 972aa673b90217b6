import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { xAdapter } from '../../../lib/sites/x';
import { adapterFor } from '../../../lib/sites/index';
import { expectLightReadParity, expectPostsMatch, fixturePages, loadFixture, parsePage, readExpectedFixture, readFixtureWith } from './load-fixture';

describe('x adapter', () => {
  it('claims x.com and twitter.com, nothing else', () => {
    expect(adapterFor(new URL('https://x.com/home'))).toBe(xAdapter);
    expect(adapterFor(new URL('https://twitter.com/jack/status/20'))).toBe(xAdapter);
    expect(xAdapter.matches(new URL('https://notx.com/'))).toBe(false);
  });

  it('reads a real single tweet: name, handle, text, status permalink, time', () => {
    const [post, ...rest] = readFixtureWith(xAdapter, 'twitter/tweetyoink--x-tweet-sample.html', 'https://x.com/home');
    expect(rest).toHaveLength(0);
    expect(post).toMatchObject({
      id: 'x:1981398750557065646',
      author: 'Test User Account',
      handle: '@TestUser123',
      text: "Democrat Shutdown Jeopardizes America's Skies",
      permalink: 'https://x.com/TestUser123/status/1981398750557065646',
      time: '2025-10-23T16:34:09.000Z',
    });
  });

  it('keeps a quoted tweet apart from the quoting tweet', () => {
    const [post] = readFixtureWith(xAdapter, 'twitter/tweetyoink--x-tweet-quote.html', 'https://x.com/home');
    expect(post?.author).toBe('Test Quoter');
    expect(post?.text).toBe('This is a quote tweet with additional commentary');
    expect(post?.quoted).toMatch(/^This is the original quoted tweet content/);
    expect(post?.id).toBe('x:1983130065320780162');
  });

  it('reads an X Article and finds the logged-in reply composer on a full page', () => {
    const doc = loadFixture('twitter/defuddle--general--x.com-article-2026-02-13.html', 'https://x.com/arscontexta/status/2013045749580259680');
    const els = xAdapter.findPosts(doc);
    expect(els).toHaveLength(1);
    const post = xAdapter.readPost(els[0]!, new URL('https://x.com/'));
    expect(post?.author).toBe('Heinrich');
    expect(post?.handle).toBe('@arscontexta');
    expect(post?.text).toMatch(/^obsidian \+ claude code 101 ive spent the last year/);
    expect(post?.permalink).toBe('https://x.com/arscontexta/status/2013045749580259680');
    const composer = xAdapter.findComposer(els[0]!, doc);
    expect(composer?.getAttribute('contenteditable')).toBe('true');
    expect(composer?.getAttribute('data-testid')).toBe('tweetTextarea_0');
  });

  it('does not offer the timeline "new post" box as a reply box for a tweet', () => {
    // Same saved page seen at x.com/home: the inline box there starts a new post, not a reply.
    const doc = loadFixture('twitter/defuddle--general--x.com-article-2026-02-13.html', 'https://x.com/home');
    const article = xAdapter.findPosts(doc)[0]!;
    expect(xAdapter.findComposer(article, doc)).toBeNull();
  });

  it('reads the legacy twitter.com permalink page as a careful person does', () => {
    const { posts, expected } = readExpectedFixture('twitter', 'postlight--twitter.com-status-745276948213968896');
    expect(posts).toHaveLength(expected.count);
    expectPostsMatch(posts, expected.posts);
    expect(posts.map((p) => p.id)).toEqual(expected.posts.map((e) => `x:${e.id}`));
    expect(posts[0]?.time).toBe('2016-06-21T02:46:05.000Z');
  });

  it('finds the tweet when handed the article itself (an added subtree)', () => {
    const doc = loadFixture('twitter/tweetyoink--x-tweet-sample.html', 'https://x.com/home');
    const article = doc.querySelector('article')!;
    expect(xAdapter.findPosts(article)).toEqual([article]);
  });

  it('finds the one tweet of an added timeline cell, and nothing in a cell without one', () => {
    const doc = loadFixture('twitter/tweetyoink--x-tweet-quote.html', 'https://x.com/home');
    const cell = doc.querySelector('[data-testid="cellInnerDiv"]')!;
    const article = cell.querySelector('article[data-testid="tweet"]')!;
    expect(xAdapter.findPosts(cell)).toEqual([article]);
    // The quoted tweet inside it is a card, not a second post.
    expect(xAdapter.readPost(article, new URL('https://x.com/home'))?.quoted).toMatch(/original quoted tweet/);
    const empty = doc.createElement('div');
    empty.setAttribute('data-testid', 'cellInnerDiv');
    const more = doc.createElement('div');
    more.setAttribute('role', 'button');
    more.textContent = 'Show more replies';
    empty.append(more);
    expect(xAdapter.findPosts(empty)).toEqual([]);
  });

  it('reads every tweet cheaply with the same id, words and quoted words as the full read', () => {
    const pages = fixturePages('twitter', 'https://x.com/home');
    // The demo conversation: complaints, a quote, a reply box; what the e2e tests flag.
    const demo = 'demo/pages/x.com/nadia_ships/status/1993012657403187514.html';
    pages.push([demo, parsePage(readFileSync(demo, 'utf8'), 'https://x.com/nadia_ships/status/1993012657403187514')]);
    expect(expectLightReadParity(xAdapter, pages)).toBeGreaterThanOrEqual(10);
  });

  it('reads a recycled tweet element afresh: X puts another tweet into the same node later', async () => {
    const doc = loadFixture('twitter/tweetyoink--x-tweet-sample.html', 'https://x.com/home');
    const url = new URL('https://x.com/home');
    const article = doc.querySelector('article')!;
    const light = xAdapter.readLight!(article, url);
    // Same task: the full read of a flagged post, given its light read, agrees with it.
    expect(xAdapter.readPost(article, url, light!)?.text).toBe(light?.post.text);
    await Promise.resolve();
    article.querySelector('[data-testid="tweetText"]')!.textContent = 'Another tweet, recycled into this node';
    expect(xAdapter.readPost(article, url)?.text).toBe('Another tweet, recycled into this node');
  });

  // The performance contract (LightRead): reuse is what the caller passes, nothing kept on the side.
  it('the full read reuses the words of the light read it is given, and only those', () => {
    const doc = loadFixture('twitter/tweetyoink--x-tweet-sample.html', 'https://x.com/home');
    const url = new URL('https://x.com/home');
    const [first, second] = [...doc.querySelectorAll('article')];
    const light = xAdapter.readLight!(first!, url)!;
    expect(light.reuse?.el).toBe(first);
    // Changed after the light read, in the same task: a reused read keeps the light read's words
    // (no second walk of the element), a read without it sees the change at once.
    const text = first!.querySelector('[data-testid="tweetText"]')!;
    const before = light.post.text;
    text.textContent = 'Changed after the light read';
    expect(xAdapter.readPost(first!, url, light)?.text).toBe(before);
    expect(xAdapter.readPost(first!, url)?.text).toBe('Changed after the light read');
    // A light read of another element is never reused for this one.
    if (second) expect(xAdapter.readPost(second, url, light)?.text).not.toBe(before);
    // The full read still fills in what the light read leaves out.
    const full = xAdapter.readPost(first!, url, light)!;
    expect(light.post.author).toBe('');
    expect(full.author).not.toBe('');
    expect(full.id).toBe(light.post.id);
  });
});
