import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from './harness';
import { onboardingPage } from './helpers';

// The palette's shortcut is per browser (lib/platform/shortcuts.ts); Chrome keeps Ctrl+Shift+K
// and its own shortcuts page. test/e2e-firefox checks the Firefox side.
describe('palette shortcut in Chrome', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('binds Ctrl+Shift+K and the options page names it and chrome://extensions/shortcuts', async () => {
    const bound = await browser.serviceWorker.evaluate(async () => {
      const commands: Array<{ name: string; shortcut?: string }> = await (globalThis as any).chrome.commands.getAll();
      return commands.find((c) => c.name === 'open-palette')?.shortcut ?? null;
    });
    expect(bound).toBe('Ctrl+Shift+K');
    const options = await onboardingPage(browser);
    const note = options.getByText('Keyboard: open the command palette', { exact: false });
    await expect.poll(() => note.textContent()).toContain('Ctrl+Shift+K');
    expect(await note.textContent()).toContain('chrome://extensions/shortcuts');
    expect(await note.textContent()).not.toContain('about:addons');
  });
});
