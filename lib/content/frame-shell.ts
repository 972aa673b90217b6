import { keepAttached } from './keep-attached';

/**
 * Where our overlay frame lives in the page: a host element with a name the page cannot know in
 * advance, a closed shadow root (the page gets no handle on the frame element), and in it an
 * iframe of the extension's own origin (entrypoints/overlay): the page can neither read the
 * helper's text nor click its buttons nor hear its keys. Re-attached when the page removes it;
 * the frame then loads again and asks the background for its state.
 */
export interface FrameShell {
  host: HTMLElement;
  frame: HTMLIFrameElement;
  /** How much of the viewport the frame covers. */
  place(layout: FrameLayout): void;
  /** Whether the frame already holds the page's focus (the agent is typing in it). */
  hasFocus(): boolean;
  remove(): void;
}

export type FrameLayout =
  | { kind: 'hidden' }
  /** The palette is modal: the whole viewport. */
  | { kind: 'full' }
  /** The helper panel at the top right, as tall as it needs (0: not measured yet). */
  | { kind: 'panel'; height: number }
  /** Only a toast, at the bottom centre. */
  | { kind: 'toast' };

const PANEL_WIDTH = 452;

function randomLetters(n: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(n));
  return Array.from(bytes, (b) => String.fromCharCode(97 + (b % 26))).join('');
}

const FIXED = 'position:fixed;border:0;margin:0;padding:0;background:transparent;color-scheme:normal;z-index:2147483647;';
function styleFor(layout: FrameLayout): string {
  switch (layout.kind) {
    case 'hidden':
      return 'display:none;';
    case 'full':
      return `${FIXED}display:block;top:0;left:0;width:100vw;height:100vh;`;
    case 'panel':
      return `${FIXED}display:block;top:0;right:0;width:${PANEL_WIDTH}px;max-width:100vw;height:${layout.height > 0 ? `${layout.height}px` : '100vh'};max-height:100vh;`;
    case 'toast':
      return `${FIXED}display:block;bottom:0;left:50%;transform:translateX(-50%);width:min(640px,100vw);height:96px;`;
  }
}

/**
 * @param ownOrigin the origin our page commits at. In Chrome, `src` is the per-session address
 * (use_dynamic_url), and the page then reports itself at the extension's fixed origin. An
 * `allow` with no origin grants only the address in `src`, so the clipboard would be refused.
 */
export function createFrameShell(doc: Document, src: string, ownOrigin: string = new URL(src).origin): FrameShell {
  // Custom element names need a hyphen; nothing in the name says who we are.
  const host = doc.createElement(`${randomLetters(6)}-${randomLetters(6)}`);
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = ':host { all: initial !important; display: contents !important; }';
  const frame = doc.createElement('iframe');
  frame.src = src;
  // The helper copies replies to the clipboard from inside the frame.
  frame.allow = `clipboard-write ${[...new Set([new URL(src).origin, ownOrigin])].join(' ')}`;
  frame.title = 'Frontline reply helper';
  frame.setAttribute('style', styleFor({ kind: 'hidden' }));
  shadow.append(style, frame);
  doc.documentElement.append(host);

  // Same recovery as the chips' host: removed by the page, put back (keep-attached.ts).
  const watcher = keepAttached(doc, host);

  return {
    host,
    frame,
    place(layout) {
      frame.setAttribute('style', styleFor(layout));
    },
    hasFocus() {
      return shadow.activeElement === frame;
    },
    remove() {
      watcher.disconnect();
      host.remove();
    },
  };
}
