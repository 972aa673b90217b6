/**
 * The palette's keyboard shortcut, per browser. Pure data: wxt.config.ts reads it to write the
 * manifest and the options page reads it to explain it, so the two cannot disagree.
 *
 * Chrome: Ctrl+Shift+K is free. Firefox: Ctrl+Shift+K (and Command+Shift+K on a Mac) opens the
 * Web Console and the browser keeps it, so the palette never opened; Alt+Shift+K is not one of
 * Firefox's own shortcuts.
 */
export type ShortcutBrowser = 'chrome' | 'firefox';

export const PALETTE_COMMAND = 'open-palette';

export interface SuggestedKey {
  default: string;
  mac?: string;
}

const PALETTE_KEYS: Record<ShortcutBrowser, SuggestedKey> = {
  chrome: { default: 'Ctrl+Shift+K', mac: 'Command+Shift+K' },
  firefox: { default: 'Alt+Shift+K' },
};

/** Where the agent changes the shortcut: Chrome has a page for it, Firefox a menu in about:addons. */
const SHORTCUTS_PAGE: Record<ShortcutBrowser, string> = {
  chrome: 'chrome://extensions/shortcuts',
  firefox: 'about:addons → the gear menu → Manage Extension Shortcuts',
};

/** WXT names its targets (chrome, firefox, edge, …); everything but Firefox is Chromium here. */
export function shortcutBrowser(target: string | undefined): ShortcutBrowser {
  return target === 'firefox' ? 'firefox' : 'chrome';
}

export function paletteSuggestedKey(target: string | undefined): SuggestedKey {
  return PALETTE_KEYS[shortcutBrowser(target)];
}

export function shortcutsPage(target: string | undefined): string {
  return SHORTCUTS_PAGE[shortcutBrowser(target)];
}
