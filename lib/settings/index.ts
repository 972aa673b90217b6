import { browser } from 'wxt/browser';
import { parseStoredSettings, type SettingsLoad } from './migrate';
import { SettingsSchema, type Settings } from './schema';

export * from './schema';
export * from './migrate';
export { siteAccess, focusFor, pageSettingsOf, type PageSettings } from './site-access';

export const SETTINGS_KEY = 'settings';
/**
 * A copy of the page-safe part of the settings (pageSettingsOf), kept by the background whenever
 * the settings change: the gate script on every page reads this key, never SETTINGS_KEY, so the
 * agent's profile is not read into any web page's process.
 */
export const PAGE_SETTINGS_KEY = 'pageSettings';

/** Reads settings; repairs storage when they had to be migrated or reset so the message shows once. */
export async function loadSettings(): Promise<SettingsLoad> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  const load = parseStoredSettings(stored[SETTINGS_KEY]);
  if (load.status === 'migrated' || load.status === 'reset') {
    await browser.storage.local.set({ [SETTINGS_KEY]: load.settings });
  }
  return load;
}

/** Validates before writing: invalid settings never reach storage. */
export async function saveSettings(next: Settings): Promise<Settings> {
  const parsed = SettingsSchema.parse(next);
  await browser.storage.local.set({ [SETTINGS_KEY]: parsed });
  return parsed;
}

/** Calls back with fresh settings whenever another page saves them. Returns an unsubscribe. */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change = changes[SETTINGS_KEY];
    if (area !== 'local' || !change) return;
    onChange(parseStoredSettings(change.newValue).settings);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
