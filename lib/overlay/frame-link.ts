import { browser } from 'wxt/browser';
import {
  BgUiStatePush,
  InsertOutcomeSchema,
  OVERLAY_PORT,
  OVERLAY_PROTOCOL,
  OverlayTokenSchema,
  parseReply,
  type OverlayToBackgroundMessage,
  type Send,
  type UiCommand,
} from '../messages';
import { createFrameStore } from './frame-store';

/** The token the page side put in our address (`overlay.html#<token>`); null when opened any other way. */
export function tokenFromLocation(hash: string): string | null {
  const parsed = OverlayTokenSchema.safeParse(hash.replace(/^#/, ''));
  return parsed.success ? parsed.data : null;
}

/**
 * Events that act for the agent (a reply logged, a resolution, a follow-up): sent only while the
 * agent has just clicked or typed in this frame. The page cannot click or type here (another
 * origin), so this holds even if something else in the frame were to call them.
 */
const ACTING_EVENTS = new Set(['reply-inserted', 'reply-copied', 'reply-confirmed', 'status', 'follow-up-set', 'note']);
const hasGesture = () => (navigator as Navigator & { userActivation?: { isActive: boolean } }).userActivation?.isActive ?? true;
const NO_GESTURE = 'Frontline acts only on a click or key press in its own helper.';

/** The frame's side of the link: a store fed over the port, and how it asks the background. */
export function connectFrame(token: string) {
  const ask = (message: OverlayToBackgroundMessage): Promise<unknown> => browser.runtime.sendMessage(message);
  const relay = (command: UiCommand) => void ask({ type: 'ui→bg:command', token, command }).catch(() => undefined);
  const store = createFrameStore(relay);

  /**
   * What we know of the customer is asked by this frame itself, by its token, for the post its
   * session is open on: the page side never holds it. Asked once per post the helper opens on.
   */
  let askedFor: string | null = null;
  const askHistory = () => {
    const h = store.get().helper;
    const postId = h?.kind === 'post' ? h.postId : h?.kind === 'ad-hoc' ? h.post.id : null;
    if (postId === askedFor) return;
    askedFor = postId;
    if (postId === null) return;
    void ask({ type: 'ui→bg:history', token })
      .then((raw) => {
        const r = raw as { ok?: boolean };
        const parsed = OVERLAY_PROTOCOL['ui→bg:history'].response.safeParse(raw);
        if (r?.ok && parsed.success) store.setHistory(parsed.data.postId, parsed.data.history);
        else if (askedFor === postId) askedFor = null; // asked again with the next state
      })
      .catch(() => {
        if (askedFor === postId) askedFor = null;
      });
  };

  // The worker can restart (MV3 stops it when idle): the port then closes, and we say hello again.
  const connect = () => {
    const port = browser.runtime.connect({ name: OVERLAY_PORT });
    port.onMessage.addListener((raw: unknown) => {
      const push = BgUiStatePush.safeParse(raw);
      if (!push.success) return;
      store.apply(push.data.state);
      askHistory();
    });
    port.onDisconnect.addListener(() => void setTimeout(connect, 200));
    port.postMessage({ type: 'ui→bg:hello', token });
  };
  connect();

  const send: Send = async (msg) => {
    if (msg.type !== 'cs→bg:interaction-event' && msg.type !== 'cs→bg:recent-contacts' && msg.type !== 'cs→bg:open-dashboard' && msg.type !== 'cs→bg:correct' && msg.type !== 'cs→bg:team-status') {
      return { ok: false, error: 'not available in the helper' };
    }
    if (msg.type === 'cs→bg:interaction-event' && ACTING_EVENTS.has(msg.event) && !hasGesture()) return { ok: false, error: NO_GESTURE };
    if (msg.type === 'cs→bg:correct' && !hasGesture()) return { ok: false, error: NO_GESTURE };
    // Taking a colleague's claim over is the agent's act ("Answer anyway"); the claim on opening is not.
    if (msg.type === 'cs→bg:team-status' && msg.takeOver && !hasGesture()) return { ok: false, error: NO_GESTURE };
    try {
      return parseReply(msg.type, await ask({ type: 'ui→bg:call', token, request: msg }));
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };

  const insert = async (text: string): Promise<{ ok: boolean; message: string }> => {
    if (!hasGesture()) return { ok: false, message: NO_GESTURE };
    try {
      const raw = (await ask({ type: 'ui→bg:insert', token, text })) as { ok?: boolean; error?: string };
      const outcome = InsertOutcomeSchema.safeParse(raw);
      if (raw?.ok && outcome.success) return { ok: outcome.data.inserted, message: outcome.data.message };
      return { ok: false, message: `The page did not take the reply (${raw?.error ?? 'no answer'}), so it was copied to your clipboard instead.` };
    } catch {
      return { ok: false, message: 'The page did not answer, so the reply was copied to your clipboard instead.' };
    }
  };

  return { store, send, insert, relay };
}
