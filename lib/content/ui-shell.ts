/**
 * The in-page UI's shell: the one shadow host (`frontline-ui`, open shadow root: the test contract
 * in ARCHITECTURE.md; the chips carry no customer data) with the colours, type and chips every page with a flagged post needs. The scanning
 * script owns it, so the chips cost no React; the reply helper and palette (entrypoints/ui.content)
 * mount into `app` later and bring their own stylesheet. px, not rem: rem follows the page's font
 * size, which we don't control.
 */
import { keepAttached } from './keep-attached';

const BASE_CSS = `:host { all: initial !important; }
:host {
  --fl-bg: #ffffff;
  --fl-bg-soft: #f6f7f9;
  --fl-border: #e3e6eb;
  --fl-text: #16181d;
  --fl-muted: #5b6270;
  --fl-accent: #4f46e5;
  --fl-accent-text: #ffffff;
  --fl-accent-soft: #eef0ff;
  --fl-ok: #0f7b4a;
  --fl-error: #b42318;
  --fl-warn-bg: #fff7e6;
  --fl-warn-border: #f3c46b;
  /* Same severity palette as the popup and dashboard (components/pages/theme.css): AA text on every surface. */
  --fl-sev-1: #1d4ed8;
  --fl-sev-2: #7c5800;
  --fl-sev-3: #a8360b;
  --fl-sev-4: #b3123a;
  --fl-shadow: 0 12px 40px rgba(16, 24, 40, 0.18), 0 2px 6px rgba(16, 24, 40, 0.08);
  --fl-font: -apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
}

@media (prefers-color-scheme: dark) {
  :host {
    --fl-bg: #17191f;
    --fl-bg-soft: #1f232b;
    --fl-border: #2f3440;
    --fl-text: #eceef2;
    --fl-muted: #a3aab8;
    --fl-accent: #818cf8;
    --fl-accent-text: #0b0d12;
    --fl-accent-soft: #262a40;
    --fl-ok: #4ade80;
    --fl-error: #f87171;
    --fl-warn-bg: #2d2414;
    --fl-warn-border: #8a6420;
    --fl-sev-1: #6cb0fb;
    --fl-sev-2: #facc15;
    --fl-sev-3: #fa8537;
    --fl-sev-4: #fc8f8f;
    --fl-shadow: 0 12px 40px rgba(0, 0, 0, 0.55);
  }
}

.fl-root {
  position: absolute;
  top: 0;
  left: 0;
  width: 0;
  height: 0;
  z-index: 2147483600;
  font-family: var(--fl-font);
  font-size: 14px;
  line-height: 1.45;
  color: var(--fl-text);
}

.fl-root *, .fl-root *::before, .fl-root *::after { box-sizing: border-box; }

button { font: inherit; color: inherit; cursor: pointer; }
button:focus-visible, input:focus-visible, textarea:focus-visible, [tabindex]:focus-visible {
  outline: 2px solid var(--fl-accent);
  outline-offset: 2px;
}

.fl-sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }

/* Flag chips beside posts: one contained layer (issue 18), so adding, moving or removing a chip
   lays out nothing of the page; chips move by transform. */
.fl-chips { contain: layout style; }
.fl-chip {
  position: absolute;
  top: 0;
  left: 0;
  contain: layout style;
  display: inline-flex;
  align-items: center;
  gap: 6px;
  padding: 4px 10px 4px 8px;
  border-radius: 999px;
  border: 1px solid var(--fl-border);
  background: var(--fl-bg);
  color: var(--fl-text);
  font-size: 12px;
  font-weight: 600;
  white-space: nowrap;
  box-shadow: 0 2px 8px rgba(16, 24, 40, 0.12);
  transition: box-shadow 120ms ease;
}
.fl-chip:hover { box-shadow: 0 4px 14px rgba(16, 24, 40, 0.18); }
.fl-chip-dot { width: 8px; height: 8px; border-radius: 50%; background: var(--fl-sev-2); }
.fl-chip.fl-sev-1 .fl-chip-dot { background: var(--fl-sev-1); }
.fl-chip.fl-sev-3 .fl-chip-dot { background: var(--fl-sev-3); }
.fl-chip.fl-sev-4 .fl-chip-dot { background: var(--fl-sev-4); }
.fl-chip.fl-sev-1 { color: var(--fl-sev-1); }
.fl-chip.fl-sev-2 { color: var(--fl-sev-2); }
.fl-chip.fl-sev-3 { color: var(--fl-sev-3); }
.fl-chip.fl-sev-4 { color: var(--fl-sev-4); }

`;

/** The host takes no room and no part in the page's layout: nothing we draw reflows the page (issue 18). */
const HOST_LAYOUT_CSS = `
:host { display: block !important; position: absolute !important; top: 0 !important; left: 0 !important; width: 0 !important; height: 0 !important; }
`;

/**
 * The same colours, type and focus rings for our overlay frame (entrypoints/overlay), whose
 * document is its own: `:root` there is what `:host` is here.
 */
export function frameBaseCss(): string {
  return `${BASE_CSS.replace(':host { all: initial !important; }\n', '').replaceAll(':host', ':root')}
html, body { margin: 0; padding: 0; background: transparent; }
/* The page side makes the frame as tall as the helper (at most the viewport): the panel scrolls
   with the frame's document instead of inside a fixed box, so its height is its content's. */
.fl-root { position: static !important; }
.fl-helper { position: absolute !important; max-height: none !important; }`;
}

/** Key and clipboard events stay inside: X's own hotkeys must not fire while the agent types a reply. */
const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress', 'input', 'paste', 'copy', 'cut'] as const;

export interface UiShell {
  host: HTMLElement;
  shadow: ShadowRoot;
  /** Where the chips are drawn (document coordinates). */
  chips: HTMLElement;
  /** Where the React overlay mounts. */
  app: HTMLElement;
  remove(): void;
}

/** The host the test contract names: the chips are reachable under it (they carry no customer data). */
export const HOST_NAME = 'frontline-ui';

/**
 * When the page has taken `frontline-ui` (defined its own custom element, which could hide or
 * own our host), the shell uses a name the page cannot know in advance instead. Tests accept
 * either `frontline-ui` or this prefix.
 */
export const HOST_PREFIX = 'frontline-ui-';
export function randomHostName(random: () => number = Math.random): string {
  let suffix = '';
  while (suffix.length < 10) suffix += Math.floor(random() * 36).toString(36);
  return `${HOST_PREFIX}${suffix}`;
}

/** Re-attachments allowed before we stop fighting a page that keeps removing us (no busy loop). */
export const MAX_REATTACH = 50;

/** The contract's host, unless the page defined that element or already owns its shadow root. */
function createHost(doc: Document): { host: HTMLElement; shadow: ShadowRoot } {
  const takenByPage = doc.defaultView?.customElements?.get(HOST_NAME) !== undefined;
  if (!takenByPage) {
    const host = doc.createElement(HOST_NAME);
    try {
      return { host, shadow: host.attachShadow({ mode: 'open' }) };
    } catch {
      // The page's element attached a shadow root of its own: fall through to a private name.
    }
  }
  const host = doc.createElement(randomHostName());
  return { host, shadow: host.attachShadow({ mode: 'open' }) };
}

export function createUiShell(doc: Document): UiShell {
  const { host, shadow } = createHost(doc);
  const style = doc.createElement('style');
  style.textContent = BASE_CSS + HOST_LAYOUT_CSS;
  const chips = doc.createElement('div');
  chips.className = 'fl-root fl-chips';
  const app = doc.createElement('div');
  shadow.append(style, chips, app);
  for (const type of ISOLATED_EVENTS) shadow.addEventListener(type, (e) => e.stopPropagation());
  doc.documentElement.append(host);
  const watcher = keepAttached(doc, host);
  return {
    host,
    shadow,
    chips,
    app,
    remove: () => {
      watcher.disconnect();
      host.remove();
    },
  };
}
