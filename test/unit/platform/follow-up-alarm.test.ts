import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onAlarm, refreshBadge } from '../../../lib/background/follow-ups';
import * as store from '../../../lib/background/store';
import { FOLLOW_UP_ALARM_PREFIX } from '../../../lib/actions';
import { post, verdict } from '../db/helpers';

// Firefox's MV2 build has no `action`; before lib/platform/toolbar-button.ts the badge update
// threw first thing in the alarm handler and the reminder never went out.
describe('follow-up alarm in a browser whose badge API fails', () => {
  const shown: Array<{ id: string; title: string }> = [];

  beforeEach(() => {
    fakeBrowser.reset();
    shown.length = 0;
    const api = fakeBrowser as unknown as Record<string, unknown>;
    api.action = undefined;
    // A toolbar API that exists but refuses (as a browser may while the window is closing).
    api.browserAction = {
      setBadgeText: () => Promise.reject(new Error('no toolbar')),
      setBadgeBackgroundColor: () => Promise.reject(new Error('no toolbar')),
    };
    fakeBrowser.notifications.create = (async (id: string, options: { title: string }) => {
      shown.push({ id, title: options.title });
      return id;
    }) as unknown as typeof fakeBrowser.notifications.create;
  });

  it('still notifies, and a failed badge never throws to the caller', async () => {
    const customer = post({ author: 'Nadia Okafor', handle: '@nadia' });
    const past = Date.now() - 60_000;
    await store.interactionEvent({ type: 'cs→bg:interaction-event', post: customer, verdict: verdict(3), event: 'helper-opened' }, past - 1000);
    const { interactionId } = await store.interactionEvent(
      { type: 'cs→bg:interaction-event', post: customer, verdict: verdict(3), event: 'follow-up-set', dueAt: past, text: 'We will be back' },
      past,
    );

    await expect(refreshBadge()).resolves.toBeNull();
    await onAlarm(`${FOLLOW_UP_ALARM_PREFIX}${interactionId}`);
    expect(shown).toHaveLength(1);
    expect(shown[0]!.title).toBe('Follow up with Nadia Okafor');
    expect(shown[0]!.id.startsWith(FOLLOW_UP_ALARM_PREFIX)).toBe(true);
  });
});
