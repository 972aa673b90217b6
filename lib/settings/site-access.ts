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

/** May the content script work on this host? Pure and cheap: the first thing the content script asks. */
export function siteAccess(settings: SiteRules, host: string): 'on' | 'off' {
  if (listed(host, settings.disabledHosts)) return 'off';
  if (settings.siteMode === 'only-listed' && !listed(host, settings.allowedHosts)) return 'off';
  return 'on';
}

export function focusFor(settings: Settings, host: string): 'brand' | 'all' {
  return settings.focusByHost[bareHost(host)] ?? settings.focus;
}
