import { browser } from 'wxt/browser';
import { z } from 'zod';
import { BADGE_ALARM, armFollowUp, contactFromNotification, onAlarm, refreshBadge } from '@/lib/background/follow-ups';
import { injectMain, injectUi, sendToTab } from '@/lib/background/inject';
import { routeContentMessage, type RouterDeps } from '@/lib/background/router';
import * as store from '@/lib/background/store';
import type { BackgroundToContentMessage } from '@/lib/messages';
import { saveLearnedReader } from '@/lib/settings/learned-readers';

// zod's JIT compiles validators with `new Function`; MV3 CSP and the Firefox linter forbid it.
z.config({ jitless: true });

const MENU_ID = 'frontline-respond';
/** "Read posts like this one": the agent points at one post on a page where nothing is read. */
const LEARN_MENU_ID = 'frontline-learn-reader';

const openDashboard = async (hash = '') => {
  await browser.tabs.create({ url: `${browser.runtime.getURL("/dashboard.html")}${hash}` });
};

const deps: RouterDeps = {
  ownId: browser.runtime.id,
  postsSeen: (msg) => store.postsSeen(msg),
  async interactionEvent(msg) {
    const { interactionId, dueAt } = await store.interactionEvent(msg);
    if (dueAt) await armFollowUp(interactionId, dueAt);
    await refreshBadge();
  },
  recentContacts: (limit, prefixes) => store.recent(limit, prefixes),
  openDashboard: () => openDashboard(),
  async activate(tabId, frameId) {
    await injectMain(tabId, frameId);
  },
  async injectUi(tabId, frameId) {
    await injectUi(tabId, frameId);
  },
  saveLearnedReader,
};

/** Makes sure the full content script runs in the tab (activeTab grants it on a user gesture), then talks to it. */
async function openInTab(tabId: number, frameId: number, msg: BackgroundToContentMessage) {
  if (!(await injectMain(tabId, frameId))) return;
  await sendToTab(tabId, msg, frameId);
}

export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(async ({ reason }) => {
    await browser.contextMenus.removeAll();
    browser.contextMenus.create({ id: MENU_ID, title: 'Respond as support', contexts: ['selection', 'link', 'page'] });
    browser.contextMenus.create({ id: LEARN_MENU_ID, title: 'Read posts like this one', contexts: ['selection', 'link', 'page'] });
    await browser.alarms.create(BADGE_ALARM, { periodInMinutes: 5 });
    // Onboarding: the agent's name and contact details make every reply personal. A new tab of
    // its own: openOptionsPage() may take over the active tab, cancelling whatever was loading.
    if (reason === 'install') await browser.tabs.create({ url: browser.runtime.getURL('/options.html') });
  });

  browser.runtime.onMessage.addListener((raw: unknown, sender) => routeContentMessage(raw, sender, deps));

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === LEARN_MENU_ID && tab?.id !== undefined) {
      // The frame that was right-clicked knows which element; only it is asked.
      void openInTab(tab.id, info.frameId ?? 0, { type: 'bg→cs:learn-reader' });
      return;
    }
    if (info.menuItemId !== MENU_ID || tab?.id === undefined) return;
    void openInTab(tab.id, info.frameId ?? 0, {
      type: 'bg→cs:open-helper',
      selectionText: info.selectionText,
      linkUrl: info.linkUrl,
      pageUrl: info.pageUrl ?? tab.url ?? '',
    });
  });

  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== 'open-palette') return;
    const target = tab ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0];
    if (target?.id !== undefined) await openInTab(target.id, 0, { type: 'bg→cs:open-palette' });
  });

  browser.alarms.onAlarm.addListener((alarm) => void onAlarm(alarm.name));
  browser.notifications.onClicked.addListener((id) => {
    const contactId = contactFromNotification(id);
    if (contactId) void openDashboard(`#contact=${encodeURIComponent(contactId)}`);
  });

  // A worker that restarts finds kept writes (quota) and a possibly stale badge.
  void store.replayPending().catch(() => undefined);
  void refreshBadge().catch(() => undefined);
});
