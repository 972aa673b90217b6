import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { withCues } from '../../../lib/actions';
import { routeContentMessage, type RouterDeps } from '../../../lib/background/router';
import { fitMessage } from '../../../lib/content/clip-post';
import { FrontlineDB, recordPosts } from '../../../lib/db';
import { allInteractions } from '../../../lib/db/histories';
import { now } from '../../../lib/time/clock';
import type { Post } from '../../../lib/types';
import { containers } from './json-containers';

/**
 * Issue 18, counted: a flood's flagged posts go to the background as "seen" in batches of up to
 * 200; the page's main thread serialised an object per post, per verdict and per signals. In
 * columns the batch is a dozen lists whatever its size, and the background logs the same posts,
 * still dropping only the one post the page made invalid.
 */

const OWN_ID = 'frontline-test-id';
const sender = { id: OWN_ID, url: 'https://x.com/acme/status/1', tab: { id: 7 }, frameId: 0 };
const verdict = { complaint: true, score: 0.93, severity: 3 as const, signals: { brand: true, churn: false, abuse: false, question: true, urgency: false } };
const postN = (n: number): Post => ({
  id: `x:${n}`,
  platform: 'x',
  author: `Customer ${n}`,
  handle: `@customer${n}`,
  text: `@AcmeSupport my order ${n} never arrived and nobody answers`,
  permalink: `https://x.com/customer${n}/status/${n}`,
  time: '2026-11-20T10:00:00.000Z',
  ...(n % 7 === 0 ? { quoted: 'Acme: orders ship in 2 days' } : {}),
});

let db: FrontlineDB;
function deps(warnings: string[] = []): RouterDeps {
  db = new FrontlineDB(`seen-wire-${Math.random()}`);
  return {
    ownId: OWN_ID,
    postsSeen: (msg: { items?: Parameters<typeof withCues>[0] }) => recordPosts(db, withCues(msg.items ?? []), now()),
    warn: (m: string) => void warnings.push(m),
  } as unknown as RouterDeps;
}
afterEach(() => db?.delete());


describe('posts seen, in columns', () => {
  it('leaves the page as a dozen lists for 200 posts, and the background logs each as before', async () => {
    const items = Array.from({ length: 200 }, (_, n) => ({ post: postN(n), verdict }));
    const wire = fitMessage({ type: 'cs→bg:posts-seen' as const, items });
    // Main: 802 (the message, the list, and per post an item, a post, a verdict, a signals object).
    expect(containers(wire)).toBeLessThanOrEqual(3 + 12 + 29); // message, columns, 12 lists, the 29 quoted pairs
    const reply = await routeContentMessage(wire, sender, deps());
    expect(reply).toEqual({ ok: true, dropped: 0 });
    const logged = await allInteractions(db);
    expect(logged).toHaveLength(200);
    const seven = logged.find((i) => i.postId === 'x:7')!;
    expect(seven.text).toContain('order 7 never arrived');
    expect(seven.permalink).toBe('https://x.com/customer7/status/7');
    expect(seven.signals).toEqual(verdict.signals);
    expect(seven.severity).toBe(3);
  });

  it('drops only the post the page made invalid, and refuses columns of different lengths', async () => {
    const warnings: string[] = [];
    const d = deps(warnings);
    const wire = fitMessage({ type: 'cs→bg:posts-seen' as const, items: [1, 2, 3].map((n) => ({ post: postN(n), verdict })) }) as unknown as {
      type: string;
      seen: { [column: string]: unknown[] };
    };
    wire.seen.signals![1] = 99; // not a set of signals: that post is dropped, never read as "no signals"
    const reply = await routeContentMessage(wire, sender, d);
    expect(reply).toEqual({ ok: true, dropped: 1 });
    expect((await allInteractions(db)).map((i) => i.postId).sort()).toEqual(['x:1', 'x:3']);
    expect(warnings[0]).toMatch(/dropped 1 of 3.*items\[1\]\.verdict\.signals/);
    const short = { ...wire, seen: { ...wire.seen, text: wire.seen.text!.slice(1) } };
    expect((await routeContentMessage(short, sender, d)).ok).toBe(false);
  });
});
