import { z } from 'zod';
import {
  describeZodError,
  InsertOutcomeSchema,
  OVERLAY_PROTOCOL,
  OverlayToBackground,
  PortHello,
  UiStateSchema,
  type CustomerHistory,
  type Reply,
  type UiState,
} from '../messages';
import { routeContentMessage, type RouterDeps } from './router';
import { scopePost, type ScopedPost } from './scope';
import type { SenderInfo } from './sender';

/**
 * The reply helper and palette render in an extension page inside the web page (an iframe of our
 * own origin: the page can neither read nor click into it). That frame knows nothing by itself;
 * it holds a random token the scanning script put in its address. The scanning script tells us
 * its state under that token (`cs→bg:ui-state`); we push it to the frame over its port, and relay
 * what the frame asks back to the scanning script of the same tab and frame. Everything the frame
 * logs is scoped as if the page that opened it had asked (router.ts): never another site's data.
 */

interface Session {
  tabId: number;
  frameId: number;
  /** The scanning script that issued the token: the scope of everything the frame asks. */
  pageSender: SenderInfo;
  state: UiState;
  port: PortLike | null;
}

const StoredSessionSchema = z.object({
  tabId: z.number().int(),
  frameId: z.number().int(),
  pageSender: z.object({ id: z.string().optional(), url: z.string().optional(), tab: z.object({ id: z.number().optional(), url: z.string().optional() }).optional(), frameId: z.number().optional() }),
  state: UiStateSchema,
});

/** The part of runtime.Port we use; tests pass a plain object. */
export interface PortLike {
  name: string;
  sender?: SenderInfo;
  postMessage(message: unknown): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
  disconnect(): void;
}

export interface OverlaySessionDeps {
  ownId: string;
  /**
   * Our frame page's addresses without token: chrome-extension://<id>/overlay.html, and in Chrome
   * the per-session one runtime.getURL gives (`use_dynamic_url`, wxt.config.ts) and that the
   * frame is loaded at before Chrome reports it under the fixed one.
   */
  overlayUrl: string | readonly string[];
  router: RouterDeps;
  /**
   * What we know of the customer behind a post (lib/db/customer-history.ts), read for the frame
   * only: the post is placed by the page that opened the session, as every post is.
   */
  history?(post: ScopedPost, verdict: UiStateHelper['verdict']): Promise<CustomerHistory>;
  /** Sends to the scanning script in one frame of one tab; resolves to its answer. */
  sendToFrame(tabId: number, frameId: number, message: unknown): Promise<unknown>;
  /**
   * Where sessions outlive the worker (MV3 stops it when idle; the helper may stay open for
   * hours): storage.session, which content scripts cannot read. Without it, memory only.
   */
  backup?: {
    save(token: string, session: StoredSession | null): Promise<void>;
    load(token: string): Promise<unknown>;
  };
}

type UiStateHelper = NonNullable<UiState['helper']>;

/** A session as kept across worker restarts (no port: the frame connects again). */
export type StoredSession = Omit<Session, 'port'>;

/** The overlay frame's page (entrypoints/overlay), web-accessible so pages can frame it. */
export const OVERLAY_PAGE = '/overlay.html';

/** Sessions kept at most: one per open page with a helper; the oldest goes first. */
export const MAX_SESSIONS = 200;

/** Is this sender our own overlay page, inside a tab? Anything else (a web page, another extension, our popup) is refused. */
export function isOurOverlayFrame(sender: SenderInfo | undefined, ownId: string, overlayUrl: string | readonly string[]): sender is SenderInfo & { tab: { id: number } } {
  if (!sender || sender.id !== ownId || typeof sender.tab?.id !== 'number' || typeof sender.url !== 'string') return false;
  const url = sender.url.split('#')[0]!.split('?')[0]!;
  return typeof overlayUrl === 'string' ? url === overlayUrl : overlayUrl.includes(url);
}

export function createOverlaySessions(deps: OverlaySessionDeps) {
  const sessions = new Map<string, Session>();

  const push = (session: Session) => {
    try {
      session.port?.postMessage({ type: 'bg→ui:state', state: session.state });
    } catch {
      session.port = null; // the frame went away; it says hello again when it comes back
    }
  };

  /** The session a frame may use: issued to the same tab the frame is in (from the backup after a restart). */
  const sessionFor = async (token: string, sender: SenderInfo): Promise<Session | null> => {
    let s = sessions.get(token);
    if (!s && deps.backup) {
      const kept = StoredSessionSchema.safeParse(await deps.backup.load(token).catch(() => undefined));
      if (kept.success) {
        s = { ...kept.data, port: null };
        sessions.set(token, s);
      }
    }
    return s && s.tabId === sender.tab?.id ? s : null;
  };

  return {
    /** From the router (`cs→bg:ui-state`): the sender is a checked content script. */
    setState(token: string, state: UiState, sender: SenderInfo): void {
      const tabId = sender.tab?.id ?? -1;
      const frameId = sender.frameId ?? 0;
      const existing = sessions.get(token);
      // A token belongs to the frame that issued it first: another frame cannot take it over.
      if (existing && (existing.tabId !== tabId || existing.frameId !== frameId)) throw new Error('token in use');
      const session: Session = existing ?? { tabId, frameId, pageSender: sender, state, port: null };
      session.state = state;
      session.pageSender = sender; // the page navigated within the frame: scope follows its address
      sessions.delete(token);
      sessions.set(token, session);
      if (sessions.size > MAX_SESSIONS) {
        const oldest = sessions.keys().next().value!;
        sessions.delete(oldest);
        void deps.backup?.save(oldest, null).catch(() => undefined);
      }
      push(session);
      const { port: _port, ...kept } = session;
      void deps.backup?.save(token, kept).catch(() => undefined);
    },

    /** A port from our frame: after its hello, it gets every state of its session. */
    connect(port: PortLike): void {
      if (!isOurOverlayFrame(port.sender, deps.ownId, deps.overlayUrl)) {
        port.disconnect();
        return;
      }
      let bound: Session | null = null;
      port.onMessage.addListener((raw) => {
        const hello = PortHello.safeParse(raw);
        if (!hello.success || bound) return;
        void sessionFor(hello.data.token, port.sender!).then((session) => {
          if (!session || bound) return;
          bound = session;
          session.port = port;
          push(session);
        });
      });
      port.onDisconnect.addListener(() => {
        if (bound?.port === port) bound.port = null;
      });
    },

    /** A message from our frame: relayed with the scope of the page that opened it. */
    async route(raw: unknown, sender: SenderInfo): Promise<Reply<Record<string, unknown>>> {
      if (!isOurOverlayFrame(sender, deps.ownId, deps.overlayUrl)) return { ok: false, error: 'sender refused' };
      const parsed = OverlayToBackground.safeParse(raw);
      if (!parsed.success) return { ok: false, error: `malformed message: ${describeZodError(parsed.error)}` };
      const msg = parsed.data;
      const session = await sessionFor(msg.token, sender);
      if (!session) return { ok: false, error: 'This helper has expired: close it and open it again from the post.' };
      try {
        switch (msg.type) {
          case 'ui→bg:call':
            return await routeContentMessage(msg.request, session.pageSender, deps.router);
          case 'ui→bg:insert': {
            const answer = await deps.sendToFrame(session.tabId, session.frameId, {
              type: 'bg→cs:insert',
              postId: session.state.helperPostId,
              text: msg.text,
            });
            const outcome = InsertOutcomeSchema.safeParse(answer);
            if (!outcome.success) return { ok: false, error: 'the page did not answer' };
            return { ok: true, ...OVERLAY_PROTOCOL[msg.type].response.parse(outcome.data) };
          }
          case 'ui→bg:command':
            await deps.sendToFrame(session.tabId, session.frameId, { type: 'bg→cs:ui-command', command: msg.command });
            return { ok: true };
          case 'ui→bg:history': {
            // Only the post this session's helper is open on, placed by the page that opened it.
            const helper = session.state.helper;
            const postId = helper?.post.id ?? null;
            const scoped = helper ? scopePost(helper.post, session.pageSender) : null;
            if (!helper || !scoped?.ok || !deps.history) return { ok: true, postId, history: null };
            const history = await deps.history(scoped.post, helper.verdict);
            return { ok: true, ...OVERLAY_PROTOCOL[msg.type].response.parse({ postId, history }) };
          }
        }
      } catch (error) {
        return { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
    },

    /** The tab closed: its sessions go. */
    forgetTab(tabId: number): void {
      for (const [token, s] of sessions) {
        if (s.tabId !== tabId) continue;
        sessions.delete(token);
        void deps.backup?.save(token, null).catch(() => undefined);
      }
    },
  };
}
export type OverlaySessions = ReturnType<typeof createOverlaySessions>;
