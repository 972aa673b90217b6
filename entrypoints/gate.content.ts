import { browser } from 'wxt/browser';
import { rememberContextTargets } from '@/lib/content/context-target';
import { pageMayHavePosts } from '@/lib/content/gate';
import { siteAccess } from '@/lib/settings/site-access';
import { hasLearnedReader, siteRulesFrom } from '@/lib/settings/site-rules';
import type { ContentToBackgroundMessage } from '@/lib/messages';

/**
 * Runs on every page (blogs and forums live on any host) and costs well under a millisecond:
 * a settings read, a host match and one querySelector. Only when the page can hold posts does
 * it ask the background to inject the full content script (entrypoints/main.content).
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  async main() {
    // The page-safe copy the background keeps (lib/settings PAGE_SETTINGS_KEY): never the settings
    // themselves, which hold the agent's profile, in a web page's process.
    const stored = (await browser.storage.local.get('pageSettings')).pageSettings;
    if (siteAccess(siteRulesFrom(stored), location.hostname) === 'off') return;
    // "Read posts like this one" needs the element the agent right-clicks, on any page.
    rememberContextTargets(document);
    const started = performance.now();
    const url = new URL(location.href);
    // A host where the agent taught a reader has posts, whatever the probes say.
    const mayHavePosts = hasLearnedReader(stored, location.hostname) || pageMayHavePosts(document, url);
    // Hidden at DevTools' default level: the whole cost this page pays when it has no posts.
    console.debug(`[frontline] gate ${(performance.now() - started).toFixed(3)} ms, posts possible: ${mayHavePosts}`);
    if (!mayHavePosts) return;
    const msg: ContentToBackgroundMessage = { type: 'cs→bg:activate' };
    await browser.runtime.sendMessage(msg).catch(() => undefined);
  },
});
