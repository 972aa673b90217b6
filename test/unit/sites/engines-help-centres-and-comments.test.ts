import { describe, expect, it } from 'vitest';
import { adapterForPage, readPostsOnPage } from '../../../lib/sites/index';
import { loadFixture } from './load-fixture';

/**
 * Zendesk Guide community posts, HyperKitty list archives, Ghost's member comments, the Coral comment
 * stream and self-hosted GitLab issues, read by fingerprint (lib/sites/engines/*). The pages are HAND-MADE from each engine's own
 * public templates or components (test/fixtures/sites/README.md) and read under a host no list names,
 * so only the markup can name the engine. On main the generic reader read none of these engines' pages
 * right: nothing at all on HyperKitty, Ghost, Coral and GitLab, and on Zendesk every comment credited to the
 * next one's author with the question itself missed.
 */
function read(file: string, url: string) {
  const doc = loadFixture(`engines/${file}`, url);
  const u = new URL(url);
  return { engine: adapterForPage(doc, u)?.name, posts: readPostsOnPage(doc, u) };
}

describe('a Zendesk help-centre community post on a company domain', () => {
  const { engine, posts } = read('zendesk-copenhagen--help.example-routers.com-community-posts-4410021.html', 'https://support.example.net/hc/en-gb/community/posts/4410021');

  it('is recognised by its markup', () => {
    expect(engine).toBe('zendesk');
  });

  it('reads the question and each comment with its own author (the name before the words, not after)', () => {
    expect(posts.map((p) => p.author)).toEqual(['Joanna Pike', 'Ravi S', 'Agnes (Example Routers)']);
    expect(posts[0]!.text).toMatch(/^Every time the router reboots/);
    expect(posts[1]!.text).toBe('Same on my ER-600. Turning off automatic updates stopped it, which is not much of a fix.');
    expect(posts[2]!.text).not.toMatch(/Official comment|Team/);
  });

  it('gives each comment its anchor and time', () => {
    expect(posts[1]!.permalink).toBe('https://support.example.net/hc/en-gb/community/posts/4410021#community_comment_7781');
    expect(posts[2]!.time).toBe('2024-05-03T12:05:40.000Z');
  });
});

describe('a HyperKitty (Mailman 3) thread on a list server', () => {
  const { engine, posts } = read('hyperkitty--lists.example-gnss.org-thread-K2PQ7ZLA.html', 'https://lists.example.net/archives/list/devs@lists.example.net/thread/K2PQ7ZLA/');

  it('is recognised by its markup', () => {
    expect(engine).toBe('hyperkitty');
  });

  it('reads every message: a member by the profile link, a sender known only by address', () => {
    expect(posts.map((p) => p.author)).toEqual(['Nadia Voss', 'Tomas Lind', 'pk@field-ops.example']);
    expect(posts[1]!.permalink).toMatch(/\/message\/M8WQ3XBE\/$/);
  });

  it('keeps the folded quote of the earlier mail apart from the reply', () => {
    expect(posts[1]!.text).toMatch(/^Yes, 4\.1 switched the default dynamic model/);
    expect(posts[1]!.text).not.toContain('rover boards');
    expect(posts[1]!.quoted).toContain('After flashing firmware 4.1 onto our rover boards');
  });
});

describe("Ghost's member comments", () => {
  const { engine, posts } = read('ghost-comments-ui--www.example-bikeblog.com-gravel-tyre-test.html', 'https://www.example.org/comments-frame/');

  it('is recognised by its markup though every class is a utility class', () => {
    expect(engine).toBe('ghost-comments');
  });

  it('reads each comment and the reply nested in it, the name from the header, not the avatar initials', () => {
    expect(posts.map((p) => p.author)).toEqual(['Finn Carlsen', 'Mareike', 'Anonymous']);
    expect(posts[0]!.text).toBe('My pair of these lost the side knobs after 600 km, exactly like in your photos. The shop says it is wear and will not take them back.');
    expect(posts[0]!.permalink).toBe('https://www.example-bikeblog.com/gravel-tyre-test/#ghost-comments-66a1e9b7d3');
  });
});

describe('the Coral comment stream', () => {
  const { engine, posts } = read('coral-stream--comments.example-gazette.com-embed-stream.html', 'https://talk.example.org/embed/stream');

  it('is recognised by its markup', () => {
    expect(engine).toBe('coral');
  });

  it('reads each comment and reply: the name in a button, the words without "In reply to" or the action bar', () => {
    expect(posts.map((p) => p.author)).toEqual(['lakeside_ari', 'Vera T.', 'Council Comms']);
    expect(posts[1]!.text).toBe('Same here, twice in one week. My bank reversed it after I sent them the receipts.');
    expect(posts[0]!.text).not.toMatch(/Respect|Reply|Report/);
    expect(posts[0]!.time).toBe('2024-10-02T17:04:00.000Z');
  });
});

describe('an issue on a self-hosted GitLab', () => {
  const { engine, posts } = read('gitlab--code.example-maps.org-issues-207.html', 'https://git.example.net/example-maps/tiles/-/issues/207');

  it('is recognised by its markup', () => {
    expect(engine).toBe('gitlab');
  });

  it('reads the description with its author from the header above it, then each comment; the label event is not a post', () => {
    expect(posts.map((p) => p.author)).toEqual(['Léa Moreau', 'Omar Haddad', 'Sanne Bakker']);
    expect(posts[0]!.text).toMatch(/^After upgrading to 3\.2 last night/);
    expect(posts[0]!.text).not.toContain('Edited');
    expect(posts[0]!.handle).toBe('https://git.example.net/lmoreau');
    expect(posts[2]!.text).not.toMatch(/Maintainer|Reply/);
    expect(posts[1]!.permalink).toBe('https://git.example.net/example-maps/tiles/-/issues/207#note_9004');
  });
});
