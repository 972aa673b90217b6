import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { BackgroundToContentMessage, ReplyFor, RequestType, Send } from '../messages';
import type { PageReplyType } from '../page-replies';
import { SCORE_PORT } from '../message-names';
import { builtSchemas, isPageReplyType, messageSchemas, nextTask, replySchemas } from './protocol';
import { createScoreChannel } from './score-channel';
import { pageSettingsOf, siteAccess, type PageSettings } from '../settings/site-access';
import type { SiteAdapter } from '../sites/types';
import { adHocPost } from './ad-hoc';
import { fitMessage } from './clip-post';
import { learnFromLastClick, readerFor } from './learn-reader';
import { watchForEngine } from './engine-watch';
import { clearMarks } from './marks';
import { genericAdapter } from '../sites';
import { startSession } from './session';
import { createOverlayStore, type OverlayStore } from './store';
import { elementFor } from './chips';
import { watchComposerShortcuts } from './composer-shortcuts';
import type { Post } from '../types';
import { createInPageUi } from './ui-bridge';

/**
 * The marks' stylesheet. Called for every ancestor of every added subtree: one nodeName read, no
 * instanceof. Both cases: an XHTML page keeps element names lower case.
 */
const isMarkStyle = (node: Node) => {
  const name = node.nodeName;
  return (name === 'STYLE' || name === 'style') && (node as Element).id === 'frontline-marks';
};

/**
 * The flagged post a reply box answers, for a shortcut's customer name: the post whose helper is
 * open, else the flagged post holding the box, else the last one before it in the page.
 */
function replyTargetFor(box: HTMLElement, store: OverlayStore, doc: Document): Post | null {
  const s = store.get();
  if (s.helper?.kind === 'post') return s.flagged.get(s.helper.postId)?.post ?? null;
  let before: Post | null = null;
  for (const item of s.flagged.values()) {
    const el = elementFor(item, doc);
    if (!el) continue;
    if (el.contains(box)) return item.post;
    if (el.compareDocumentPosition(box) & Node.DOCUMENT_POSITION_FOLLOWING) before = item.post;
  }
  return before;
}

/**
 * Wires one frame: settings → site adapter → scanning session → overlay. Restarts the
 * session on SPA navigation and stops everything when the extension is updated or disabled.
 */
export async function startFrontline(ctx: ContentScriptContext): Promise<void> {
  const store = createOverlayStore();
  // Every answer is parsed with its schema (messages.ts PROTOCOL): typed both ways.
  // Built while the message travels (the first time), in tasks of their own. The answers reading a
  // page waits on (its settings, scores, posts seen) need only their own schemas (replySchemas).
  const parserFor = (type: string) => {
    const replies = isPageReplyType(type) ? replySchemas() : null;
    const all = replies ? null : messageSchemas();
    return async <R,>(raw: unknown): Promise<R> =>
      (replies ? (await replies).parseReadingReply(type as PageReplyType, raw) : (await all!).parseReply(type as RequestType, raw)) as R;
  };
  const send: Send = async (msg) => {
    type Answer = ReplyFor<typeof msg.type>;
    const parse = parserFor(msg.type);
    if (!ctx.isValid) return parse<Answer>(undefined);
    try {
      const raw = await browser.runtime.sendMessage(fitMessage(msg));
      return await parse<Answer>(raw);
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };
  /**
   * Only what reading this page needs, from the background (never storage.local, where the
   * profile is): the profile and templates are the helper frame's and the background's.
   */
  const pageSettings = async (): Promise<PageSettings> => {
    const reply = await send({ type: 'cs→bg:page-settings' });
    if (reply.ok) return reply.settings;
    // Loaded like the message schemas, on use: the settings' module builds theirs when it loads.
    return pageSettingsOf((await import('../settings/schema')).DEFAULT_SETTINGS);
  };
  // The agent's corrections live with the detector, in the background (lib/background/score.ts).
  let settings: PageSettings = await pageSettings();
  // The first reply's parse (zod readies each schema on its first parse) and the session's start in
  // tasks of their own: on the first page they followed the schemas' build in one task (bench:flood).
  await nextTask();
  let adapter: SiteAdapter | null = null;
  const overlay = createInPageUi(document, { store, send, getAdapter: () => adapter });

  // The listener goes first: the background may send "open helper" right after injecting us.
  browser.runtime.onMessage.addListener((raw: unknown, sender) => {
    if (sender.id !== browser.runtime.id || !ctx.isValid) return undefined;
    // The schemas are built a moment after load: a message that comes sooner waits for them.
    const schemas = builtSchemas();
    if (!schemas) return messageSchemas().then(() => onBackgroundMessage(raw));
    return onBackgroundMessage(raw);
  });
  const onBackgroundMessage = (raw: unknown): Promise<unknown> | undefined => {
    const parsed = builtSchemas()!.BackgroundToContent.safeParse(raw);
    if (!parsed.success) return undefined;
    const msg: BackgroundToContentMessage = parsed.data;
    if (msg.type === 'bg→cs:ping') return Promise.resolve({ ok: true });
    if (msg.type === 'bg→cs:settings-changed') {
      void pageSettings().then((next) => {
        // A change to what this page does not read (the profile, a template) leaves the page as it is:
        // restarting would close a helper the agent has open.
        if (JSON.stringify(next) === JSON.stringify(settings)) return;
        settings = next;
        begin();
      });
      return Promise.resolve({ ok: true });
    }
    // From our overlay frame, relayed and checked by the background (lib/background/overlay-sessions.ts).
    if (msg.type === 'bg→cs:insert') return overlay.insert(msg.postId, msg.text);
    if (msg.type === 'bg→cs:ui-command') {
      overlay.command(msg.command);
      return Promise.resolve({ ok: true });
    }
    if (msg.type === 'bg→cs:learn-reader') {
      void learnFromLastClick(document, send).then((outcome) => {
        store.toast(outcome.text, outcome.tone);
        overlay.openApp();
      });
      return Promise.resolve({ ok: true });
    }
    if (msg.type === 'bg→cs:open-palette') {
      store.setPalette(true);
      overlay.openApp();
    } else {
      const target = adHocPost(msg, document);
      store.openHelper({ kind: 'ad-hoc', ...target });
      overlay.openApp();
    }
    return Promise.resolve({ ok: true });
  };

  const scores = createScoreChannel(() => browser.runtime.connect({ name: SCORE_PORT }));
  let session: ReturnType<typeof startSession> | null = null;
  let stopEngineWatch: (() => void) | null = null;
  const begin = () => {
    session?.stop();
    session = null;
    stopEngineWatch?.();
    stopEngineWatch = null;
    store.reset();
    if (siteAccess(settings, location.hostname) === 'off') return;
    adapter = readerFor(document, new URL(location.href), settings);
    // The generic reader has the page for now; an engine whose app draws later takes it over.
    if (adapter === genericAdapter) {
      stopEngineWatch = watchForEngine(document, new URL(location.href), () => {
        clearMarks(document);
        begin();
      });
    }
    session = startSession({
      doc: document,
      adapter,
      store,
      score: (items) => (ctx.isValid ? scores.ask(items) : Promise.resolve(null)),
      seen: (items) => (ctx.isValid ? scores.seen(items) : Promise.resolve(null)),
      send,
      // Our host has a random name (ui-shell.ts): known by identity, not by name.
      isOwnNode: (node) => overlay.isHost(node) || isMarkStyle(node),
    });
  };

  store.subscribe(() => {
    if (store.get().flagged.size > 0) overlay.showChips();
  });
  // Template shortcuts typed in the site's own reply box, where Frontline reads this site.
  const unwatchShortcuts = watchComposerShortcuts(document, {
    isOurs: (node) => overlay.isHost(node),
    postFor: (box) => replyTargetFor(box, store, document),
    expand: async (shortcut, post, alone) => {
      if (!session) return null;
      const reply = await send({ type: 'cs→bg:expand-shortcut', shortcut, post, alone });
      return reply.ok ? { text: reply.text, firstField: reply.firstField } : null;
    },
  });
  begin();
  ctx.addEventListener(window, 'wxt:locationchange', begin);
  ctx.onInvalidated(() => {
    unwatchShortcuts();
    stopEngineWatch?.();
    session?.stop();
    scores.close();
    overlay.remove();
  });
}
