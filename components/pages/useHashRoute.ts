import { useCallback, useEffect, useState } from 'react';

export type DashboardTab = 'contacts' | 'insights' | 'team' | 'data';
export interface HashRoute {
  tab: DashboardTab;
  contactId: string | null;
}

/** `#contact=<id>` (notifications and the popup link there) or `#tab=insights|team|data`. */
export function parseHash(hash: string): HashRoute {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const contactId = params.get('contact');
  const tab = params.get('tab');
  if (contactId) return { tab: 'contacts', contactId };
  return { tab: tab === 'insights' || tab === 'team' || tab === 'data' ? tab : 'contacts', contactId: null };
}

export function formatHash(route: HashRoute): string {
  if (route.tab === 'contacts') return route.contactId ? `#contact=${encodeURIComponent(route.contactId)}` : '';
  return `#tab=${route.tab}`;
}

/** The URL is the state: reload, back/forward and links all land on the same view. */
export function useHashRoute(): [HashRoute, (next: HashRoute) => void] {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const navigate = useCallback((next: HashRoute) => {
    const hash = formatHash(next);
    history.pushState(null, '', hash || location.pathname + location.search);
    setRoute(next);
  }, []);
  return [route, navigate];
}

/** From anywhere in the dashboard: show one contact (the hashchange listener picks it up). */
export function openDashboardContact(contactId: string): void {
  location.hash = formatHash({ tab: 'contacts', contactId });
}
