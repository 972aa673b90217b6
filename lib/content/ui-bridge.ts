import { browser } from 'wxt/browser';
import type { Send, UiCommand, UiState } from '../messages';
import type { SiteAdapter } from '../sites/types';
import { createChips, currentChip, elementFor } from './chips';
import { clipPost } from './clip-post';
import { insertComposerFor } from './composer';
import { createFrameShell, type FrameLayout, type FrameShell } from './frame-shell';
import type { OverlayStore } from './store';
import { createUiShell, type UiShell } from './ui-shell';

/** What the page side of the overlay needs from the scanning script. */
export interface InPageUiDeps {
  store: OverlayStore;
  send: Send;
  getAdapter: () => SiteAdapter | null;
}

/** The overlay frame's page (entrypoints/overlay); kept in step with lib/background/overlay-sessions.ts. */
const OVERLAY_PAGE = '/overlay.html';
const ID_MAX = 2_000;

function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return Array.from(bytes, (b) => (b % 36).toString(36)).join('');
}

/** The state the frame shows, from the scanning script's store: the open post, the palette, a toast. */
export function uiStateOf(store: OverlayStore): UiState {
  const s = store.get();
  let helper: UiState['helper'] = null;
  let helperPostId: string | null = null;
  if (s.helper?.kind === 'post') {
    const item = s.flagged.get(s.helper.postId);
    if (item) {
      helper = { post: clipPost(item.post), verdict: item.verdict };
      helperPostId = s.helper.postId.length <= ID_MAX ? s.helper.postId : null;
    }
  } else if (s.helper?.kind === 'ad-hoc') {
    helper = { post: clipPost(s.helper.post), verdict: s.helper.verdict };
  }
  return {
    helper,
    helperPostId,
    order: s.order.filter((id) => id.length <= ID_MAX).slice(0, 5_000),
    palette: s.paletteOpen,
    toast: s.toast ? { text: s.toast.text.slice(0, 500), tone: s.toast.tone } : null,
  };
}

/**
 * The page side of the in-page UI. In the page's DOM: the marks and the "Reply as support" chips
 * (open shadow root `frontline-ui`, the test contract; no customer history in them). The helper
 * and palette render in our overlay frame (frame-shell.ts), created when the agent first asks for
 * them; this side tells the background what the frame should show and carries out what the
 * frame asks of the page (insert a reply into this post's box), relayed and checked by the
 * background.
 */
export function createInPageUi(doc: Document, deps: InPageUiDeps) {
  const { store } = deps;
  let shell: UiShell | null = null;
  let chips: ReturnType<typeof createChips> | null = null;
  let frame: FrameShell | null = null;
  let removed = false;
  const token = randomToken();
  let panelHeight = 0;
  let lastPushed = '';
  let lastShown = '';

  const ensureShell = (): UiShell | null => {
    if (removed) return null;
    shell ??= createUiShell(doc);
    return shell;
  };

  const layoutOf = (state: UiState): FrameLayout => {
    if (state.palette) return { kind: 'full' };
    if (state.helper) return { kind: 'panel', height: panelHeight };
    if (state.toast) return { kind: 'toast' };
    return { kind: 'hidden' };
  };

  /**
   * What is showing changed (another post, the palette): the keyboard goes to the frame. Only if
   * it is elsewhere: focusing the iframe element again resets the focus inside the frame to its
   * body, which would undo the palette putting the caret back in the draft on Escape.
   */
  const focusFrame = () => {
    if (frame && !frame.hasFocus()) frame.frame.focus();
  };

  /**
   * Where the keyboard was on the page when the helper or palette opened (a chip, the site's
   * reply box), so closing them gives it back there instead of dropping it on the page's body:
   * the keyboard path from a post to the helper and back.
   */
  let returnTo: HTMLElement | null = null;
  let wasOpen = false;
  const pageFocus = (): HTMLElement | null => {
    let active = doc.activeElement as HTMLElement | null;
    // Our chips live in our closed shadow root: the document only sees its host.
    if (shell && active === shell.host) active = shell.shadow.activeElement as HTMLElement | null;
    if (!active || active === doc.body || active === frame?.frame) return null;
    return active;
  };

  const sync = () => {
    if (!frame || removed) return;
    const state = uiStateOf(store);
    const open = Boolean(state.helper || state.palette);
    const frameHadFocus = frame.hasFocus();
    if (open && !wasOpen) returnTo = pageFocus();
    const closing = wasOpen && !open;
    wasOpen = open;
    frame.place(layoutOf(state));
    // Only while the keyboard is still in our frame: an agent who clicked into the page keeps it there.
    const giveBack = returnTo && currentChip(returnTo);
    if (closing && frameHadFocus && giveBack?.isConnected) giveBack.focus({ preventScroll: true });
    if (closing) returnTo = null;
    const shown = `${state.helper?.post.id ?? ''}|${state.palette}`;
    if (shown !== lastShown) {
      lastShown = shown;
      if (open) focusFrame();
    }
    // The scanner changes the store every slice; the frame hears only what it shows.
    const key = JSON.stringify([shown, state.order.length, state.toast]);
    if (key === lastPushed) return;
    lastPushed = key;
    void deps.send({ type: 'cs→bg:ui-state', token, state }).catch(() => undefined);
  };
  store.subscribe(sync);

  const openApp = (): void => {
    if (!ensureShell()) return;
    if (!frame) {
      const src = `${(browser.runtime.getURL as (path: string) => string)(OVERLAY_PAGE)}#${token}`;
      // Chrome: src is the per-session address (use_dynamic_url); our page commits at chrome-extension://<id>.
      const srcOrigin = new URL(src).origin;
      const committed = srcOrigin.startsWith('chrome-extension:') ? `chrome-extension://${browser.runtime.id}` : srcOrigin;
      frame = createFrameShell(doc, src, committed);
      // A frame loaded again (the page removed and we re-attached it) has the keyboard back.
      frame.frame.addEventListener('load', () => {
        const state = uiStateOf(store);
        if (state.helper || state.palette) focusFrame();
      });
    }
    lastShown = '';
    lastPushed = '';
    sync();
  };

  return {
    /** The first flagged post: draw chips beside flagged posts. */
    showChips(): void {
      const s = ensureShell();
      if (!s || chips) return;
      chips = createChips(doc, s.chips, store, (postId) => {
        store.openHelper({ kind: 'post', postId });
        openApp();
      });
    },
    /** The helper or the palette was asked for. */
    openApp,
    /** What the agent did in the frame, relayed by the background. */
    command(command: UiCommand): void {
      switch (command.kind) {
        case 'close-helper':
          return store.closeHelper();
        case 'close-palette':
          return store.setPalette(false);
        case 'open-post':
          if (store.get().flagged.has(command.postId)) store.openHelper({ kind: 'post', postId: command.postId });
          return;
        case 'toast':
          return store.toast(command.text, command.tone);
        case 'clear-toast':
          return store.clearToast();
        case 'size':
          panelHeight = command.height;
          if (frame) frame.place(layoutOf(uiStateOf(store)));
          return;
      }
    },
    /**
     * Insert, asked by our frame: only into the reply box of the post the helper is open on (the
     * frame names no element; the page side knows which post that is).
     */
    async insert(postId: string | null, text: string): Promise<{ inserted: boolean; message: string }> {
      const s = store.get();
      const open = s.helper;
      let el: Element | null = null;
      if (open?.kind === 'post' && open.postId === postId) {
        const item = s.flagged.get(open.postId);
        el = item ? elementFor(item, doc) : null;
      } else if (!(open?.kind === 'ad-hoc' && postId === null)) {
        return { inserted: false, message: 'The helper is no longer open on that post, so the reply was copied to your clipboard instead.' };
      }
      const result = await insertComposerFor(el, deps.getAdapter(), text);
      return { inserted: result.ok, message: result.message };
    },
    /** Our host elements, whatever their (random) names: the scanner skips them. */
    isHost(node: Node): boolean {
      return (shell !== null && node === shell.host) || (frame !== null && node === frame.host);
    },
    remove(): void {
      removed = true;
      chips?.stop();
      frame?.remove();
      shell?.remove();
    },
  };
}
