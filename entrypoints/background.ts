import { browser } from 'wxt/browser';
import { z } from 'zod';
import { BADGE_ALARM, contactFromNotification, onAlarm, refreshBadge } from '@/lib/background/follow-ups';
import { injectMain, sendToTab } from '@/lib/background/inject';
import { createOverlaySessions, isOurOverlayFrame, OVERLAY_PAGE } from '@/lib/background/overlay-sessions';
import { routeFromContentScript, type RouterDeps } from '@/lib/background/router';
import * as corrections from '@/lib/background/corrections';
import * as store from '@/lib/background/store';
import { TEAM_SYNC_ALARM, openOnPost, runTeamSync } from '@/lib/background/team-sync';
import { listOpenClaims } from '@/lib/background/team-claims';
import { isOurExtensionPage, routeExtensionPage, type PageRouterDeps } from '@/lib/background/page-router';
import { OVERLAY_PORT, type BackgroundToContentMessage } from '@/lib/messages';
import { saveLearnedReader } from '@/lib/settings/learned-readers';
import { loadSettings, PAGE_SETTINGS_KEY, pageSettingsOf, SETTINGS_KEY, type Settings } from '@/lib/settings';
import { scoreContextFor, scorePosts, verdictFor } from '@/lib/background/score';
import { SCORE_PORT, serveScorePort } from '@/lib/background/score-port';
import { loadTemplates } from '@/lib/settings/templates';
import { expandForComposer } from '@/lib/background/expand-shortcut';
import { nowDate } from '@/lib/time/clock';

// zod's JIT compiles validators with `new Function`; MV3 CSP and the Firefox linter forbid it.
z.config({ jitless: true });

const MENU_ID = 'frontline-respond';
/** Hourly: forget what mere visits recorded once it is SEEN_TTL_DAYS old and the agent never acted on it. */
const EXPIRE_SEEN_ALARM = 'frontline:expire-seen';
/** "Read posts like this one": the agent points at one post on a page where nothing is read. */
const LEARN_MENU_ID = 'frontline-learn-reader';

const openDashboard = async (hash = '') => {
  await browser.tabs.create({ url: `${browser.runtime.getURL("/dashboard.html")}${hash}` });
};

/**
 * The settings, read once and again only after they change: pages ask for scores many times a
 * second while they are read (`cs→bg:score`).
 */
let settingsRead: Promise<Settings> | null = null;
const cachedSettings = () => (settingsRead ??= loadSettings().then((r) => r.settings).catch((error: unknown) => {
  settingsRead = null;
  throw error;
}));

/** The verdict on words the agent selected ("Respond as support"), with their corrections: shown in the helper. */
async function helperVerdict(text: string) {
  const [settings, layer] = await Promise.all([
    cachedSettings().catch(() => null),
    store.db().then((db) => corrections.correctionLayer(db)).catch(() => null),
  ]);
  return verdictFor(text.trim(), settings?.brandTerms ?? [], layer);
}

const deps: RouterDeps = {
  ownId: browser.runtime.id,
  postsSeen: (msg) => store.postsSeen(msg),
  async interactionEvent(msg) {
    await store.interactionEvent(msg);
  },
  recentContacts: (limit, prefixes) => store.recent(limit, prefixes),
  openDashboard: () => openDashboard(),
  async activate(tabId, frameId) {
    await injectMain(tabId, frameId);
  },
  // Nothing to inject any more: the helper is our overlay frame (entrypoints/overlay), which the
  // scanning script creates itself. Kept for a scanning script from before an update.
  injectUi: async () => undefined,
  uiState: (token, state, sender) => overlays.setState(token, state, sender),
  correct: async (msg) => corrections.correct(await store.db(), msg),
  correctionLayer: async () => corrections.correctionLayer(await store.db()),
  saveLearnedReader,
  pageSettings: async () => pageSettingsOf((await loadSettings()).settings),
  async score(items, host) {
    const [settings, layer] = await Promise.all([cachedSettings(), corrections.correctionLayer(await store.db())]);
    return scorePosts(items, scoreContextFor(settings, host, layer));
  },
  async expandShortcut(shortcut, post, alone) {
    const [{ settings }, { templates }] = await Promise.all([loadSettings(), loadTemplates()]);
    return expandForComposer(shortcut, post, alone, settings, templates, nowDate());
  },
  teamStatus: async (interactionId, takeOver) => openOnPost(await store.db(), interactionId, { takeOver }),
};

// In Chrome, getURL gives the per-session address (use_dynamic_url, wxt.config.ts) while the frame
// reports itself at the fixed one (our own origin, location.origin): both are our page.
// (WXT evaluates this file at build time too, where there is no location.)
const ownOrigin = typeof location === 'undefined' ? [] : [`${location.origin}${OVERLAY_PAGE}`];
const overlayUrl = [...new Set([(browser.runtime.getURL as (path: string) => string)(OVERLAY_PAGE), ...ownOrigin])];
const overlays = createOverlaySessions({
  ownId: browser.runtime.id,
  overlayUrl,
  router: deps,
  history: (post, verdict) => store.history(post, verdict),
  sendToFrame: (tabId, frameId, message) => browser.tabs.sendMessage(tabId, message, { frameId }),
  // storage.session: cleared with the browser session, and out of content scripts' reach.
  backup: {
    save: async (token, session) => {
      if (session) await browser.storage.session.set({ [`overlay:${token}`]: session });
      else await browser.storage.session.remove(`overlay:${token}`);
    },
    load: async (token) => (await browser.storage.session.get(`overlay:${token}`))[`overlay:${token}`],
  },
});

/** The dashboard asks for what lives on the team server (open claims); no other page does. */
const DASHBOARD_PAGE = '/dashboard.html';
const pageDeps: PageRouterDeps = {
  ownId: browser.runtime.id,
  pageUrls: [...new Set([(browser.runtime.getURL as (path: string) => string)(DASHBOARD_PAGE), ...(typeof location === 'undefined' ? [] : [`${location.origin}${DASHBOARD_PAGE}`])])],
  teamClaims: async () => listOpenClaims(await store.db()),
};

/**
 * Pages never read the settings themselves (the profile is in them): the gate reads a copy of
 * their page-safe part, kept here, and running scanning scripts are told to ask again.
 */
async function mirrorPageSettings(): Promise<void> {
  await browser.storage.local.set({ [PAGE_SETTINGS_KEY]: pageSettingsOf((await loadSettings()).settings) });
}
async function tellPagesSettingsChanged(): Promise<void> {
  const msg: BackgroundToContentMessage = { type: 'bg→cs:settings-changed' };
  for (const tab of await browser.tabs.query({})) {
    if (tab.id !== undefined) void browser.tabs.sendMessage(tab.id, msg).catch(() => undefined);
  }
}

/** Makes sure the full content script runs in the tab (activeTab grants it on a user gesture), then talks to it. */
async function openInTab(tabId: number, frameId: number, msg: BackgroundToContentMessage) {
  if (!(await injectMain(tabId, frameId))) return;
  await sendToTab(tabId, msg, frameId);
}

/** Set once the options page was opened for onboarding, so it opens once per install. */
const ONBOARDING_OPENED_KEY = 'onboardingOpened';
let onboarding: Promise<void> | undefined;

/**
 * Onboarding: the agent's name and contact details make every reply personal. A new tab of its
 * own: openOptionsPage() may take over the active tab, cancelling whatever was loading. Opened at
 * most once, from whichever comes first: `onInstalled` or a start with nothing stored yet (Firefox
 * was seen, now and then, starting a freshly installed add-on without it getting `onInstalled`).
 */
function openOnboardingOnce(): Promise<void> {
  onboarding ??= (async () => {
    const stored = await browser.storage.local.get(ONBOARDING_OPENED_KEY);
    if (stored[ONBOARDING_OPENED_KEY]) return;
    await browser.storage.local.set({ [ONBOARDING_OPENED_KEY]: true });
    await browser.tabs.create({ url: browser.runtime.getURL('/options.html') });
  })();
  return onboarding;
}

export default defineBackground(() => {
  // A profile never saved and onboarding never shown: this is a fresh install (read before the
  // settings mirror below writes its defaults).
  void browser.storage.local
    .get([SETTINGS_KEY, ONBOARDING_OPENED_KEY])
    .then((stored) => (stored[SETTINGS_KEY] === undefined && !stored[ONBOARDING_OPENED_KEY] ? openOnboardingOnce() : undefined))
    .catch(() => undefined);

  browser.runtime.onInstalled.addListener(async ({ reason }) => {
    if (reason === 'install') void openOnboardingOnce().catch(() => undefined);
    await browser.contextMenus.removeAll();
    browser.contextMenus.create({ id: MENU_ID, title: 'Respond as support', contexts: ['selection', 'link', 'page'] });
    browser.contextMenus.create({ id: LEARN_MENU_ID, title: 'Read posts like this one', contexts: ['selection', 'link', 'page'] });
    await browser.alarms.create(BADGE_ALARM, { periodInMinutes: 5 });
    await browser.alarms.create(EXPIRE_SEEN_ALARM, { periodInMinutes: 60 });
    // Team sync (off unless switched on): each round is cheap when nothing moved; backoff while offline.
    await browser.alarms.create(TEAM_SYNC_ALARM, { periodInMinutes: 1 });
  });

  // Our overlay frame (an extension page inside a tab) and content scripts both send from tabs: the
  // frame's address tells them apart, and each gets only its own messages.
  browser.runtime.onMessage.addListener((raw: unknown, sender) => {
    if (isOurOverlayFrame(sender, browser.runtime.id, overlayUrl)) return overlays.route(raw, sender);
    if (isOurExtensionPage(sender, browser.runtime.id, pageDeps.pageUrls)) return routeExtensionPage(raw, sender, pageDeps);
    return routeFromContentScript(raw, sender, deps);
  });
  browser.runtime.onConnect.addListener((port) => {
    if (port.name === OVERLAY_PORT) overlays.connect(port);
    else if (port.name === SCORE_PORT) serveScorePort(port, (raw, sender) => routeFromContentScript(raw, sender, deps));
  });
  browser.tabs.onRemoved.addListener((tabId) => overlays.forgetTab(tabId));

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === LEARN_MENU_ID && tab?.id !== undefined) {
      // The frame that was right-clicked knows which element; only it is asked.
      void openInTab(tab.id, info.frameId ?? 0, { type: 'bg→cs:learn-reader' });
      return;
    }
    if (info.menuItemId !== MENU_ID || tab?.id === undefined) return;
    const tabId = tab.id;
    void helperVerdict(info.selectionText ?? '').then((verdict) =>
      openInTab(tabId, info.frameId ?? 0, {
        type: 'bg→cs:open-helper',
        verdict,
        selectionText: info.selectionText,
        linkUrl: info.linkUrl,
        pageUrl: info.pageUrl ?? tab.url ?? '',
      }),
    );
  });

  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== 'open-palette') return;
    const target = tab ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0];
    if (target?.id !== undefined) await openInTab(target.id, 0, { type: 'bg→cs:open-palette' });
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === EXPIRE_SEEN_ALARM) void store.expireSeen().catch(() => undefined);
    else if (alarm.name === TEAM_SYNC_ALARM) void store.db().then((db) => runTeamSync(db)).catch(() => undefined);
    else void onAlarm(alarm.name);
  });
  browser.notifications.onClicked.addListener((id) => {
    const contactId = contactFromNotification(id);
    if (contactId) void openDashboard(`#contact=${encodeURIComponent(contactId)}`);
  });

  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !(SETTINGS_KEY in changes)) return;
    settingsRead = null;
    void mirrorPageSettings()
      .then(tellPagesSettingsChanged)
      .catch(() => undefined);
  });
  void mirrorPageSettings().catch(() => undefined);

  // A worker that restarts finds kept writes (quota) and a possibly stale badge.
  void store.replayPending().catch(() => undefined);
  void refreshBadge().catch(() => undefined);
});
