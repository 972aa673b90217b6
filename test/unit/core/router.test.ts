import 'fake-indexeddb/auto';
import { withCues } from '../../../lib/actions';
import { afterEach, describe, expect, it } from 'vitest';
import { now } from '../../../lib/time/clock';
import { routeContentMessage, type RouterDeps } from '../../../lib/background/router';
import { FrontlineDB, recordPosts } from '../../../lib/db';
import { correct, correctionLayer } from '../../../lib/background/corrections';
import { adapterFromState, adaptVerdict } from '../../../lib/detect/adapt';
import type { Post, Verdict } from '../../../lib/types';
import { allInteractions, countInteractions } from '../../../lib/db/histories';

const OWN_ID = 'frontline-test-id';
const tabSender = { id: OWN_ID, url: 'https://x.com/acme/status/1', tab: { id: 7 }, frameId: 0 };

const post: Post = {
  id: 'x:1',
  platform: 'x',
  author: 'Sam Rivera',
  handle: '@samrivera',
  text: '@AcmeSupport my order never arrived and nobody answers',
  permalink: 'https://x.com/samrivera/status/1',
  time: '2026-11-20T10:00:00.000Z',
};
const verdict: Verdict = {
  complaint: true,
  score: 0.93,
  severity: 3,
  cues: ['never arrived'],
  signals: { brand: true, churn: false, abuse: false, question: false, urgency: true },
};

let db: FrontlineDB;
function deps(): RouterDeps {
  db = new FrontlineDB(`router-${Math.random()}`);
  return {
    ownId: OWN_ID,
    postsSeen: (msg) => recordPosts(db, withCues(msg.items), now()),
    interactionEvent: async () => undefined,
    recentContacts: async () => [],
    openDashboard: async () => undefined,
    activate: async () => undefined,
    injectUi: async () => undefined,
    correct: (msg) => correct(db, msg),
    correctionLayer: () => correctionLayer(db),
  };
}
afterEach(() => db?.delete());

describe('background message router', () => {
  it('stores flagged posts from our content script and answers only how many were refused', async () => {
    const reply = await routeContentMessage({ type: 'cs→bg:posts-seen', items: [{ post, verdict }] }, tabSender, deps());
    expect(reply).toEqual({ ok: true, dropped: 0 });
    expect(await countInteractions(db)).toBe(1);
  });

  it('refuses messages from another extension and writes nothing', async () => {
    const reply = await routeContentMessage({ type: 'cs→bg:posts-seen', items: [{ post, verdict }] }, { ...tabSender, id: 'evil' }, deps());
    expect(reply).toEqual({ ok: false, error: 'sender refused' });
    expect(await countInteractions(db)).toBe(0);
  });

  it('refuses a message that claims to be a content script but has no tab', async () => {
    const reply = await routeContentMessage({ type: 'cs→bg:open-dashboard' }, { id: OWN_ID, url: 'https://x.com/' }, deps());
    expect(reply.ok).toBe(false);
  });

  it('answers malformed and unknown messages with an error naming the problem, and writes nothing', async () => {
    const d = deps();
    const bad = await routeContentMessage({ type: 'cs→bg:interaction-event', post: { ...post, permalink: 'javascript:alert(1)' }, verdict, event: 'helper-opened' }, tabSender, d);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatch(/permalink/);
    const empty = await routeContentMessage({ type: 'cs→bg:posts-seen', items: [] }, tabSender, d);
    expect(empty.ok).toBe(false);
    const unknown = await routeContentMessage({ type: 'cs→bg:drop-tables' }, tabSender, d);
    expect(unknown.ok).toBe(false);
    const junk = await routeContentMessage('<script>', tabSender, d);
    expect(junk.ok).toBe(false);
    expect(await countInteractions(db)).toBe(0);
  });

  it('drops one invalid post of a batch with one warning and logs the rest', async () => {
    const warnings: string[] = [];
    const d = { ...deps(), warn: (m: string) => void warnings.push(m) };
    const others = [2, 3, 4].map((n) => ({
      post: { ...post, id: `x:${n}`, handle: `@customer${n}`, permalink: `https://x.com/customer${n}/status/${n}` },
      verdict,
    }));
    const poisoned = { post: { ...post, id: 'x:9', author: 'W'.repeat(245), permalink: 'https://x.com/w/status/9' }, verdict };
    const reply = await routeContentMessage({ type: 'cs→bg:posts-seen', items: [others[0], poisoned, ...others.slice(1)] }, tabSender, d);
    expect(reply).toMatchObject({ ok: true, dropped: 1 });
    expect((await allInteractions(db)).map((i) => i.postId).sort()).toEqual(['x:2', 'x:3', 'x:4']);
    expect(await countInteractions(db)).toBe(3);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/dropped 1 of 4.*items\[1\]\.post\.author/);
  });

  it('answers a batch of only invalid posts without writing, still one warning', async () => {
    const warnings: string[] = [];
    const d = { ...deps(), warn: (m: string) => void warnings.push(m) };
    const bad = { post: { ...post, permalink: 'javascript:alert(1)' }, verdict };
    const reply = await routeContentMessage({ type: 'cs→bg:posts-seen', items: [bad, bad] }, tabSender, d);
    expect(reply).toEqual({ ok: true, dropped: 2 });
    expect(warnings).toHaveLength(1);
    expect(await countInteractions(db)).toBe(0);
  });

  it('injects the overlay into the frame that asked for it, not into the top frame', async () => {
    const calls: Array<[number, number]> = [];
    const d = { ...deps(), injectUi: async (tabId: number, frameId: number) => void calls.push([tabId, frameId]) };
    const reply = await routeContentMessage({ type: 'cs→bg:need-ui' }, { ...tabSender, frameId: 3 }, d);
    expect(reply).toEqual({ ok: true });
    expect(calls).toEqual([[7, 3]]);
    const stranger = await routeContentMessage({ type: 'cs→bg:need-ui' }, { ...tabSender, id: 'evil' }, d);
    expect(stranger.ok).toBe(false);
    expect(calls).toHaveLength(1);
  });

  it('stores a correction from our content script and answers with a layer that applies it to that post', async () => {
    const d = deps();
    expect(await routeContentMessage({ type: 'cs→bg:correction-layer' }, tabSender, d)).toEqual({ ok: true, layer: null });
    const reply = await routeContentMessage({ type: 'cs→bg:correct', post, verdict, level: 0 }, tabSender, d);
    expect(reply.ok).toBe(true);
    expect(await db.corrections.toArray()).toMatchObject([{ text: post.text, level: 0, detected: 3 }]);
    const layer = adapterFromState((reply as unknown as { layer: Parameters<typeof adapterFromState>[0] }).layer);
    expect(adaptVerdict(verdict, post.text, layer, 0.5).complaint).toBe(false);
    // The same layer when asked again, without a refit.
    expect(await routeContentMessage({ type: 'cs→bg:correction-layer' }, tabSender, d)).toEqual(reply);
  });

  it('refuses a correction of an X post sent by another site, or with a level outside 0..4, and stores nothing', async () => {
    const d = deps();
    const evilFrame = { ...tabSender, url: 'https://evil.example/timeline' };
    expect((await routeContentMessage({ type: 'cs→bg:correct', post, verdict, level: 0 }, evilFrame, d)).ok).toBe(false);
    expect((await routeContentMessage({ type: 'cs→bg:correct', post, verdict, level: 5 }, tabSender, d)).ok).toBe(false);
    expect(await db.corrections.count()).toBe(0);
  });
});
