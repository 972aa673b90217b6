import { describe, expect, it } from 'vitest';
import { paletteSuggestedKey, shortcutBrowser, shortcutsPage } from '../../../lib/platform/shortcuts';

// Shortcuts Firefox keeps for itself (Web Console, and its Mac twin); an extension asking for one never gets the key.
const FIREFOX_OWN = ['Ctrl+Shift+K', 'Command+Shift+K', 'Ctrl+Shift+I', 'Ctrl+Shift+J', 'Ctrl+Shift+C', 'Ctrl+K', 'Alt+Shift+I'];

describe('palette shortcut per browser', () => {
  it('keeps Ctrl+Shift+K (⌘⇧K) in Chrome, and for other Chromium targets', () => {
    expect(paletteSuggestedKey('chrome')).toEqual({ default: 'Ctrl+Shift+K', mac: 'Command+Shift+K' });
    expect(paletteSuggestedKey('edge')).toEqual(paletteSuggestedKey('chrome'));
    expect(shortcutBrowser(undefined)).toBe('chrome');
  });

  it('asks Firefox for a key Firefox does not already own, on every platform', () => {
    const keys = paletteSuggestedKey('firefox');
    expect(keys.default).toBe('Alt+Shift+K');
    for (const key of Object.values(keys)) expect(FIREFOX_OWN).not.toContain(key);
  });

  it('names the shortcuts page each browser really has', () => {
    expect(shortcutsPage('chrome')).toBe('chrome://extensions/shortcuts');
    expect(shortcutsPage('firefox')).toContain('about:addons');
    expect(shortcutsPage('firefox')).toContain('Manage Extension Shortcuts');
    expect(shortcutsPage('firefox')).not.toContain('chrome://');
  });
});
