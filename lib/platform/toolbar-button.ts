import { browser } from 'wxt/browser';

/**
 * The toolbar button's badge, whichever API the browser has. Chrome MV3 calls it `action`;
 * Firefox's MV2 build has only `browserAction` (`action` is undefined there, and calling it
 * threw inside the follow-up alarm handler before the notification went out). The one place
 * that knows the difference: everything else asks for `toolbarButton()`.
 */
export interface ToolbarButton {
  setBadgeText(details: { text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string }): Promise<void>;
  getBadgeText(details: Record<string, never>): Promise<string>;
}

type ToolbarApis = { action?: ToolbarButton; browserAction?: ToolbarButton };

/** `action` where it exists (MV3), else `browserAction` (MV2), else null (no toolbar button). */
export function toolbarButton(api: object = browser): ToolbarButton | null {
  const apis = api as ToolbarApis;
  return apis.action ?? apis.browserAction ?? null;
}

/** Red badge with a number, or no badge at zero. */
export async function showBadgeCount(count: number, button: ToolbarButton | null = toolbarButton()): Promise<void> {
  if (!button) return;
  await button.setBadgeText({ text: count > 0 ? String(count) : '' });
  await button.setBadgeBackgroundColor({ color: '#b91c1c' });
}
