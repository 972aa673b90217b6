import { describe, expect, it } from 'vitest';
import { showBadgeCount, toolbarButton, type ToolbarButton } from '../../../lib/platform/toolbar-button';

/** A badge that remembers what it was told, as the browser's toolbar would show it. */
function recordingButton(): ToolbarButton & { text: string; color: string } {
  return {
    text: '',
    color: '',
    async setBadgeText({ text }) {
      this.text = text;
    },
    async setBadgeBackgroundColor({ color }) {
      this.color = color;
    },
    async getBadgeText() {
      return this.text;
    },
  };
}

describe('toolbarButton', () => {
  it('uses `action` in a Chrome MV3 build', () => {
    const action = recordingButton();
    expect(toolbarButton({ action })).toBe(action);
  });

  it('uses `browserAction` in a Firefox MV2 build, where `action` is undefined', () => {
    const browserAction = recordingButton();
    expect(toolbarButton({ action: undefined, browserAction })).toBe(browserAction);
  });

  it('prefers `action` when a browser has both', () => {
    const action = recordingButton();
    expect(toolbarButton({ action, browserAction: recordingButton() })).toBe(action);
  });

  it('is null without a toolbar button, and the badge then does nothing instead of throwing', async () => {
    expect(toolbarButton({})).toBeNull();
    await expect(showBadgeCount(3, null)).resolves.toBeUndefined();
  });
});

describe('showBadgeCount', () => {
  it('shows the count in red on a Firefox-style button and clears it at zero', async () => {
    const browserAction = recordingButton();
    const button = toolbarButton({ browserAction });
    await showBadgeCount(2, button);
    expect(browserAction.text).toBe('2');
    expect(browserAction.color).toBe('#b91c1c');
    await showBadgeCount(0, button);
    expect(browserAction.text).toBe('');
  });
});
