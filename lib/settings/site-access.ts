import type { Settings } from './schema';
import type { SiteRules } from './site-rules';

/** Hosts compare without a leading "www." so "www.example.org" and "example.org" are one site. */
function bareHost(host: string): string {
  return host.toLowerCase().replace(/^www\./, '');
}

function listed(host: string, hosts: readonly string[]): boolean {
  const bare = bareHost(host);
  return hosts.some((h) => {
    const entry = bareHost(h);
    return bare === entry || bare.endsWith(`.${entry}`);
  });
}

/**
 * What the scanning script keeps of the settings: what it needs to read and mark this page's
 * posts. Never the profile (name, phone, email) nor the templates: the reply, signature and all,
 * is written in our helper frame and only its final text passes through the page side to be inserted.
 */
export type PageSettings = Pick<Settings, 'brandTerms' | 'siteMode' | 'allowedHosts' | 'disabledHosts' | 'focus' | 'focusByHost' | 'learnedReaders'>;
export function pageSettingsOf(s: Settings): PageSettings {
  const { brandTerms, siteMode, allowedHosts, disabledHosts, focus, focusByHost, learnedReaders } = s;
  return { brandTerms, siteMode, allowedHosts, disabledHosts, focus, focusByHost, learnedReaders };
}

/** May the content script work on this host? Pure and cheap: the first thing the content script asks. */
export function siteAccess(settings: SiteRules, host: string): 'on' | 'off' {
  if (listed(host, settings.disabledHosts)) return 'off';
  if (settings.siteMode === 'only-listed' && !listed(host, settings.allowedHosts)) return 'off';
  return 'on';
}

export function focusFor(settings: Pick<Settings, 'focus' | 'focusByHost'>, host: string): 'brand' | 'all' {
  return settings.focusByHost[bareHost(host)] ?? settings.focus;
}
