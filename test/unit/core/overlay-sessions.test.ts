import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createOverlaySessions, isOurOverlayFrame, type PortLike } from '../../../lib/background/overlay-sessions';
import { routeFromContentScript, type RouterDeps } from '../../../lib/background/router';
import { customerHistory, FrontlineDB, recordEvent, recordPosts } from '../../../lib/db';
import { allInteractions, countInteractions } from '../../../lib/db/histories';
import type { UiState } from '../../../lib/messages';
import type { Post, Verdict } from '../../../lib/types';
import { correct, correctionLayer } from '../../../lib/background/corrections';
import { withCues } from '../../../lib/actions';

/**
 * The overlay frame (an extension page inside the web page) acts only for the page that opened it:
 * the background binds its token to that tab and frame, and everything it logs is scoped by that
 * page's address. Content scripts can no longer log actions at all.
 */

const OWN_ID = 'frontline-test-id';
const OVERLAY = `chrome-extension://${OWN_ID}/overlay.html`;
const TOKEN = 'a'.repeat(24);
const page = (url: string, tabId = 7, frameId = 0) => ({ id: OWN_ID, url, tab: { id: tabId, url }, frameId });
const frame = (tabId = 7) => ({ id: OWN_ID, url: `${OVERLAY}#${TOKEN}`, tab: { id: tabId, url: 'https://x.com/alice/status/1' }, frameId: 3 });

const verdict: Verdict = {
  complaint: true,
  score: 0.9,
  severity: 3,
  cues: [],
  signals: { brand: true, churn: false, abuse: false, question: false, urgency: true },
};
const alice: Post = { id: 'x:1', platform: 'x', author: 'Alice', handle: '@alice', text: 'My refund never came, third time asking', permalink: 'https://x.com/alice/status/1', time: null };
const state = (post: Post | null = alice): UiState => ({
  helper: post ? { post, verdict } : null,
  helperPostId: post?.id ?? null,
  order: post ? [post.id] : [],
  palette: false,
  toast: null,
});

let db: FrontlineDB | undefined;
function setup(kept = new Map<string, unknown>()) {
  db ??= new FrontlineDB(`overlay-${Math.random()}`);
  const store = db;
  const router: RouterDeps = {
    ownId: OWN_ID,
    postsSeen: (msg) => recordPosts(store, withCues(msg.items), Date.now()),
    interactionEvent: async (msg) => {
      await recordEvent(store, { post: msg.post, verdict: msg.verdict, type: msg.event, at: Date.now(), text: msg.text, status: msg.status });
    },
    recentContacts: async () => [],
    openDashboard: async () => undefined,
    activate: async () => undefined,
    injectUi: async () => undefined,
    correct: (msg) => correct(store, msg),
    correctionLayer: () => correctionLayer(store),
  };
  const toPage: Array<{ tabId: number; frameId: number; message: unknown }> = [];
  const sessions = createOverlaySessions({
    ownId: OWN_ID,
    overlayUrl: OVERLAY,
    router,
    history: (post, v) => customerHistory(store, post, v, Date.now()),
    sendToFrame: async (tabId, frameId, message) => {
      toPage.push({ tabId, frameId, message });
      return { inserted: true, message: 'Reply inserted.' };
    },
    backup: {
      save: async (token, session) => void (session ? kept.set(token, structuredClone(session)) : kept.delete(token)),
      load: async (token) => kept.get(token),
    },
  });
  router.uiState = (token, s, sender) => sessions.setState(token, s, sender);
  return { router, sessions, toPage };
}
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

const resolve = { type: 'cs→bg:interaction-event', post: alice, verdict, event: 'status', status: 'resolved' } as const;

describe('overlay sessions: the frame acts only for the page that opened it', () => {
  it('a content script cannot log an action; our frame can, scoped to its page', async () => {
    const { router, sessions } = setup();
    const fromPage = await routeFromContentScript(resolve, page('https://x.com/alice/status/1'), router);
    expect(fromPage).toMatchObject({ ok: false });
    expect(await countInteractions(db!)).toBe(0);

    expect(await routeFromContentScript({ type: 'cs→bg:ui-state', token: TOKEN, state: state() }, page('https://x.com/alice/status/1'), router)).toMatchObject({ ok: true });
    const fromFrame = await sessions.route({ type: 'ui→bg:call', token: TOKEN, request: resolve }, frame());
    expect(fromFrame).toMatchObject({ ok: true });
    expect((await allInteractions(db!)).map((i) => i.status)).toEqual(['resolved']);
  });

  it('a correction ("Not a complaint") comes only from our frame, never from a content script', async () => {
    const { router, sessions } = setup();
    const notAComplaint = { type: 'cs→bg:correct', post: alice, verdict, level: 0 } as const;
    expect(await routeFromContentScript(notAComplaint, page('https://x.com/alice/status/1'), router)).toMatchObject({ ok: false });
    expect(await db!.corrections.count()).toBe(0);

    await routeFromContentScript({ type: 'cs→bg:ui-state', token: TOKEN, state: state() }, page('https://x.com/alice/status/1'), router);
    expect(await sessions.route({ type: 'ui→bg:call', token: TOKEN, request: notAComplaint }, frame())).toMatchObject({ ok: true });
    expect((await db!.corrections.toArray()).map((c) => c.level)).toEqual([0]);
  });

  it('keeps a session across a worker restart, still bound to its tab', async () => {
    const kept = new Map<string, unknown>();
    const first = setup(kept);
    await routeFromContentScript({ type: 'cs→bg:ui-state', token: TOKEN, state: state() }, page('https://x.com/alice/status/1'), first.router);
    const restarted = setup(kept);
    expect(await restarted.sessions.route({ type: 'ui→bg:call', token: TOKEN, request: resolve }, frame(8))).toMatchObject({ ok: false });
    expect(await restarted.sessions.route({ type: 'ui→bg:call', token: TOKEN, request: resolve }, frame())).toMatchObject({ ok: true });
    restarted.sessions.forgetTab(7);
    expect(kept.size).toBe(0);
  });

  it('refuses a frame in another tab, a web page posing as the frame, and an unknown token', async () => {
    const { router, sessions } = setup();
    await routeFromContentScript({ type: 'cs→bg:ui-state', token: TOKEN, state: state() }, page('https://x.com/alice/status/1'), router);
    expect(await sessions.route({ type: 'ui→bg:call', token: TOKEN, request: resolve }, frame(8))).toMatchObject({ ok: false });
    expect(await sessions.route({ type: 'ui→bg:call', token: TOKEN, request: resolve }, { ...frame(), url: 'https://evil.example/overlay.html' })).toMatchObject({ ok: false, error: 'sender refused' });
    expect(await sessions.route({ type: 'ui→bg:call', token: 'b'.repeat(24), request: resolve }, frame())).toMatchObject({ ok: false });
    expect(await countInteractions(db!)).toBe(0);
  });

  it('scopes what the frame logs by the page that opened it, not by what the post says', async () => {
    const { router, sessions } = setup();
    // A page on another host opened the helper on a post claiming to be from X: refused at once.
    expect(await routeFromContentScript({ type: 'cs→bg:ui-state', token: TOKEN, state: state() }, page('https://evil.example/'), router)).toMatchObject({ ok: false });
    // With a calm state, the frame of that page still cannot log an X customer's resolution.
    await routeFromContentScript({ type: 'cs→bg:ui-state', token: TOKEN, state: state(null) }, page('https://evil.example/'), router);
    expect(await sessions.route({ type: 'ui→bg:call', token: TOKEN, request: resolve }, frame())).toMatchObject({ ok: false });
    expect(await countInteractions(db!)).toBe(0);
  });

  it('a token belongs to the frame that issued it first', async () => {
    const { router } = setup();
    await routeFromContentScript({ type: 'cs→bg:ui-state', token: TOKEN, state: state() }, page('https://x.com/alice/status/1'), router);
    const stolen = await routeFromContentScript({ type: 'cs→bg:ui-state', token: TOKEN, state: state() }, page('https://x.com/alice/status/1', 7, 4), router);
    expect(stolen).toMatchObject({ ok: false });
  });

  it('relays insert to the page side of the same tab and frame, naming the open post, not one the frame chooses', async () => {
    const { router, sessions, toPage } = setup();
    await routeFromContentScript({ type: 'cs→bg:ui-state', token: TOKEN, state: state() }, page('https://x.com/alice/status/1', 7, 2), router);
    const reply = await sessions.route({ type: 'ui→bg:insert', token: TOKEN, text: 'Hi Alice', postId: 'x:999' }, frame());
    expect(reply).toMatchObject({ ok: true, inserted: true });
    expect(toPage).toEqual([{ tabId: 7, frameId: 2, message: { type: 'bg→cs:insert', postId: 'x:1', text: 'Hi Alice' } }]);
  });

  it('pushes state only to a port of our own frame in the same tab, after its hello', async () => {
    const { router, sessions } = setup();
    await routeFromContentScript({ type: 'cs→bg:ui-state', token: TOKEN, state: state() }, page('https://x.com/alice/status/1'), router);
    const port = (sender: ReturnType<typeof frame>) => {
      const got: unknown[] = [];
      let onMessage: (m: unknown) => void = () => undefined;
      let disconnected = false;
      const p: PortLike = {
        name: 'frontline-overlay',
        sender,
        postMessage: (m) => void got.push(m),
        onMessage: { addListener: (l) => void (onMessage = l) },
        onDisconnect: { addListener: () => undefined },
        disconnect: () => void (disconnected = true),
      };
      return { p, got, hello: () => onMessage({ type: 'ui→bg:hello', token: TOKEN }), disconnected: () => disconnected };
    };
    const ours = port(frame());
    sessions.connect(ours.p);
    ours.hello();
    await new Promise((r) => setTimeout(r, 10));
    expect(ours.got).toEqual([{ type: 'bg→ui:state', state: state() }]);
    const otherTab = port(frame(8));
    sessions.connect(otherTab.p);
    otherTab.hello();
    await new Promise((r) => setTimeout(r, 10));
    expect(otherTab.got).toEqual([]);
    const webPage = port({ ...frame(), url: 'https://evil.example/' });
    sessions.connect(webPage.p);
    expect(webPage.disconnected()).toBe(true);
  });
});

describe('customer history goes to our frame only, for the post its helper is open on', () => {
  const PRIVATE = 'Call me on +1 555 0100, Alice';
  /** Alice has an earlier interaction with our private reply; she posts again. */
  async function aliceCameBack(router: RouterDeps) {
    const earlier: Post = { ...alice, id: 'x:0', permalink: 'https://x.com/alice/status/0', text: 'Where is my refund' };
    await routeFromContentScript({ type: 'cs→bg:posts-seen', items: [{ post: earlier, verdict }] }, page('https://x.com/alice/status/0'), router);
    await recordEvent(db!, { post: earlier, verdict, type: 'reply-inserted', at: Date.now(), text: PRIVATE });
    return routeFromContentScript({ type: 'cs→bg:posts-seen', items: [{ post: alice, verdict }] }, page('https://x.com/alice/status/1'), router);
  }

  it('a content script learns nothing of a returning customer, and asking for her history is refused', async () => {
    const { router } = setup();
    const seen = await aliceCameBack(router);
    expect(seen).toEqual({ ok: true, dropped: 0 });
    for (const ask of [
      { type: 'ui→bg:history', token: TOKEN },
      { type: 'cs→bg:history', post: alice },
      { type: 'cs→bg:recent-contacts', limit: 50 },
      { type: 'ui→bg:call', token: TOKEN, request: { type: 'cs→bg:recent-contacts', limit: 50 } },
    ]) {
      const reply = await routeFromContentScript(ask, page('https://x.com/alice/status/1'), router);
      expect(reply).toMatchObject({ ok: false });
      expect(JSON.stringify(reply)).not.toContain('555 0100');
    }
  });

  it('our frame gets the history of its session’s post by token; another tab’s frame gets nothing', async () => {
    const { router, sessions } = setup();
    await aliceCameBack(router);
    await routeFromContentScript({ type: 'cs→bg:ui-state', token: TOKEN, state: state() }, page('https://x.com/alice/status/1'), router);
    const ours = await sessions.route({ type: 'ui→bg:history', token: TOKEN }, frame());
    expect(ours).toMatchObject({ ok: true, postId: 'x:1', history: { summary: { known: true, earlierInteractions: 1, lastReply: PRIVATE } } });
    expect(JSON.stringify(ours)).not.toContain('contactId');
    expect(await sessions.route({ type: 'ui→bg:history', token: TOKEN }, frame(8))).toMatchObject({ ok: false });
    expect(await sessions.route({ type: 'ui→bg:history', token: TOKEN }, { ...frame(), url: 'https://evil.example/overlay.html' })).toMatchObject({ ok: false });
  });

  it('places the session’s post by the page that opened it: the same handle on another host has no history', async () => {
    const { router, sessions } = setup();
    const toot: Post = { id: 'mastodon:1', platform: 'mastodon', author: 'Alice', handle: '@alice@mastodon.social', text: 'Lost my data', permalink: 'https://mastodon.social/@alice/1', time: null };
    await routeFromContentScript({ type: 'cs→bg:posts-seen', items: [{ post: toot, verdict }] }, page('https://mastodon.social/@alice/1'), router);
    await recordEvent(db!, { post: { ...toot, site: 'mastodon.social' }, verdict, type: 'reply-inserted', at: Date.now(), text: PRIVATE });
    const forged = { ...toot, id: 'mastodon:2', permalink: null };
    await routeFromContentScript({ type: 'cs→bg:ui-state', token: TOKEN, state: state(forged) }, page('https://evil.example/@alice'), router);
    const reply = await sessions.route({ type: 'ui→bg:history', token: TOKEN }, frame());
    expect(reply).toMatchObject({ ok: true, history: { summary: { known: false, earlierInteractions: 0 } } });
    expect(JSON.stringify(reply)).not.toContain('555 0100');
  });

  it('no helper open: no history', async () => {
    const { router, sessions } = setup();
    await aliceCameBack(router);
    await routeFromContentScript({ type: 'cs→bg:ui-state', token: TOKEN, state: state(null) }, page('https://x.com/alice/status/1'), router);
    expect(await sessions.route({ type: 'ui→bg:history', token: TOKEN }, frame())).toEqual({ ok: true, postId: null, history: null });
  });
});

describe('our frame is known at its fixed and its per-session address, nothing else', () => {
  it('accepts both addresses of our page, and refuses another page of ours or a web page', () => {
    const both = [OVERLAY, 'chrome-extension://5f0c1e2a-1111-4222-8333-944455556666/overlay.html'];
    expect(isOurOverlayFrame(frame(), OWN_ID, both)).toBe(true);
    expect(isOurOverlayFrame({ ...frame(), url: `${both[1]}#${TOKEN}` }, OWN_ID, both)).toBe(true);
    expect(isOurOverlayFrame({ ...frame(), url: `chrome-extension://${OWN_ID}/popup.html` }, OWN_ID, both)).toBe(false);
    expect(isOurOverlayFrame({ ...frame(), url: 'https://evil.example/overlay.html' }, OWN_ID, both)).toBe(false);
    expect(isOurOverlayFrame({ ...frame(), id: 'other-extension' }, OWN_ID, both)).toBe(false);
  });
});

