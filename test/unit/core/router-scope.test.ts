import 'fake-indexeddb/auto';
import { withCues } from '../../../lib/actions';
import { afterEach, describe, expect, it } from 'vitest';
import { routeContentMessage, routeFromContentScript, type RouterDeps } from '../../../lib/background/router';
import { FrontlineDB, recordEvent, recordPosts } from '../../../lib/db';
import type { Post, Verdict } from '../../../lib/types';
import { allInteractions, getInteraction, interactionsOf } from '../../../lib/db/histories';

/** The router places every post by the frame that sent it: what a hostile page can and cannot claim. */

const OWN_ID = 'frontline-test-id';
const from = (url: string, tabUrl = url) => ({ id: OWN_ID, url, tab: { id: 7, url: tabUrl }, frameId: 0 });

const verdict: Verdict = {
  complaint: true,
  score: 0.9,
  severity: 3,
  cues: [],
  signals: { brand: true, churn: false, abuse: false, question: false, urgency: true },
};
const alice: Post = {
  id: 'x:1',
  platform: 'x',
  author: 'Alice',
  handle: '@alice',
  text: 'My refund never came, third time asking',
  permalink: 'https://x.com/alice/status/1',
  time: null,
};

let db: FrontlineDB;
let warnings: string[];
function deps(): RouterDeps {
  db = new FrontlineDB(`scope-${Math.random()}`);
  warnings = [];
  return {
    ownId: OWN_ID,
    postsSeen: (msg) => recordPosts(db, withCues(msg.items), Date.now()),
    interactionEvent: async (msg) => {
      await recordEvent(db, { post: msg.post, verdict: msg.verdict, type: msg.event, at: Date.now(), text: msg.text, status: msg.status });
    },
    recentContacts: async () => [],
    openDashboard: async () => undefined,
    activate: async () => undefined,
    injectUi: async () => undefined,
    correct: async () => null,
    correctionLayer: async () => null,
    warn: (m) => void warnings.push(m),
  };
}
afterEach(() => db?.delete());

const seen = (d: RouterDeps, post: Post, sender: ReturnType<typeof from>) =>
  routeContentMessage({ type: 'cs→bg:posts-seen', items: [{ post, verdict }] }, sender, d);

describe('router: posts are placed by the frame that sent them', () => {
  it('refuses an X post rendered by another site, and writes nothing', async () => {
    const d = deps();
    const reply = await seen(d, alice, from('https://evil.example/timeline'));
    expect(reply).toEqual({ ok: true, dropped: 1 });
    expect(warnings[0]).toMatch(/a x post from evil\.example/);
    expect(await db.contacts.count()).toBe(0);
    const action = await routeContentMessage({ type: 'cs→bg:interaction-event', post: alice, verdict, event: 'note', text: 'x' }, from('https://evil.example/'), d);
    expect(action.ok).toBe(false);
  });

  it('shows a Mastodon user’s history only on the host she was seen on', async () => {
    const d = deps();
    const toot: Post = { id: 'mastodon:1', platform: 'mastodon', author: 'Alice', handle: '@alice@mastodon.social', text: 'The app lost my data again', permalink: 'https://mastodon.social/@alice/1', time: null };
    await seen(d, toot, from('https://mastodon.social/@alice/1'));
    await routeContentMessage({ type: 'cs→bg:interaction-event', post: toot, verdict, event: 'reply-copied', text: 'Private: call me on +1 555 0100' }, from('https://mastodon.social/@alice/1'), d);
    // The same handle on a page somewhere else is someone we do not know.
    const forged = { ...toot, id: 'mastodon:2', permalink: 'https://evil.example/@alice/2' };
    const reply = await seen(d, forged, from('https://evil.example/@alice/2'));
    expect(reply).toEqual({ ok: true, dropped: 0 });
    const ids = (await db.contacts.toArray()).map((c) => c.id).sort();
    expect(ids).toEqual(['mastodon@evil.example:alice@mastodon.social', 'mastodon@mastodon.social:alice@mastodon.social']);
  });

  it('keeps `sam` on two unrelated forums as two contacts, and one on the same forum', async () => {
    const d = deps();
    const sam = (n: number): Post => ({ id: `discourse:${n}`, platform: 'discourse', author: 'Sam', handle: 'sam', text: 'Login broken since the update', permalink: null, time: null });
    await seen(d, sam(1), from('https://forum.alpha.example/t/1'));
    await seen(d, sam(2), from('https://community.beta.example/t/9'));
    await seen(d, sam(3), from('https://www.forum.alpha.example/t/2'));
    const contacts = await db.contacts.orderBy('id').toArray();
    expect(contacts.map((c) => [c.id, c.interactionCount])).toEqual([
      ['discourse@community.beta.example:sam', 1],
      ['discourse@forum.alpha.example:sam', 2],
    ]);
  });

  it('drops a permalink that points to another host, so a page cannot name someone else’s interaction', async () => {
    const d = deps();
    await seen(d, alice, from('https://x.com/alice/status/1'));
    const forged: Post = { id: 'generic:9', platform: 'generic', author: 'Mallory', handle: '', text: 'totally different words', permalink: alice.permalink, time: null };
    const reply = await seen(d, forged, from('https://evil.example/post'));
    expect(reply.ok).toBe(true);
    const stored = await getInteraction(db, alice.permalink!);
    expect(stored!.text).toBe(alice.text);
    const mallory = await interactionsOf(db, 'generic@evil.example:name:mallory');
    expect(mallory.map((i) => [i.id, i.permalink])).toEqual([['generic:post:evil.example/generic:9', null]]);
  });

  it('never lets a post replace another contact’s interaction text, even on the right host', async () => {
    const d = deps();
    await seen(d, alice, from('https://x.com/alice/status/1'));
    const bob: Post = { ...alice, id: 'x:1', author: 'Bob', handle: '@bob', text: 'I never said that' };
    await seen(d, bob, from('https://x.com/home'));
    expect((await getInteraction(db, alice.permalink!))!.text).toBe(alice.text);
    expect((await getInteraction(db, alice.permalink!))!.contactId).toBe('x:alice');
    const action = await routeContentMessage(
      { type: 'cs→bg:interaction-event', post: bob, verdict, event: 'status', status: 'resolved' },
      from('https://x.com/home'),
      d,
    );
    expect(action).toMatchObject({ ok: false, error: expect.stringMatching(/another contact/) });
    expect((await getInteraction(db, alice.permalink!))!.status).toBe('open');
  });

  it('ignores a `site` the page claims for its post', async () => {
    const d = deps();
    const post = { id: 'wp:1', platform: 'wordpress', author: 'Dana', handle: '', text: 'Broken again', permalink: null, time: null, site: 'mastodon.social' };
    await routeContentMessage({ type: 'cs→bg:posts-seen', items: [{ post, verdict }] }, from('https://blog.evil.example/p'), d);
    expect((await db.contacts.toArray()).map((c) => c.id)).toEqual(['wordpress@blog.evil.example:name:dana']);
  });

  it('keeps a Disqus comment’s link to the page that embeds it', async () => {
    const d = deps();
    const comment: Post = { id: 'disqus:5', platform: 'disqus', author: 'Kim', handle: 'kim', text: 'Support never replied', permalink: 'https://blog.example.org/post#comment-5', time: null };
    await seen(d, comment, from('https://disqus.com/embed/comments/?base=default', 'https://blog.example.org/post'));
    expect((await allInteractions(db)).map((i) => i.id)).toEqual(['https://blog.example.org/post#comment-5']);
  });
});

describe('router: least data per answer', () => {
  it('gives the helper frame of a page only the recent contacts seen on its own site, and a content script none', async () => {
    const d = deps();
    await seen(d, alice, from('https://x.com/alice/status/1'));
    const wp: Post = { id: 'wp:1', platform: 'wordpress', author: 'Dana', handle: '', text: 'Broken again', permalink: null, time: null };
    await seen(d, wp, from('https://blog.example.org/p'));
    expect(await routeFromContentScript({ type: 'cs→bg:recent-contacts', limit: 10 }, from('https://blog.example.org/other'), d)).toMatchObject({ ok: false });
    // routeContentMessage is the path our frame's requests take, with the scope of the page that opened it (overlay-sessions.ts).
    const contacts = { ...d, recentContacts: async (limit: number, prefixes: readonly string[]) =>
      (await db.contacts.toArray()).filter((c) => prefixes.some((p) => c.id.startsWith(p))).slice(0, limit).map((c) => ({ ...c, lastPermalink: c.lastPermalink, secret: 'x' })) };
    const onBlog = await routeContentMessage({ type: 'cs→bg:recent-contacts', limit: 10 }, from('https://blog.example.org/other'), contacts);
    expect(onBlog.ok && (onBlog.contacts as Array<{ id: string }>).map((c) => c.id)).toEqual(['wordpress@blog.example.org:name:dana']);
    expect(JSON.stringify(onBlog)).not.toContain('secret');
    const onX = await routeContentMessage({ type: 'cs→bg:recent-contacts', limit: 10 }, from('https://x.com/home'), contacts);
    expect(onX.ok && (onX.contacts as Array<{ id: string }>).map((c) => c.id)).toEqual(['x:alice']);
    const elsewhere = await routeContentMessage({ type: 'cs→bg:recent-contacts', limit: 10 }, from('https://evil.example/'), contacts);
    expect(elsewhere).toMatchObject({ ok: true, contacts: [] });
  });
});
