import type { FrontlineDB } from '@/lib/db';
import { ContactsView } from './ContactsView';
import { DataView } from './DataView';
import { InsightsView } from './InsightsView';
import { TeamView } from './TeamView';
import { openOptions } from './open-tab';
import { useHashRoute, type DashboardTab } from './useHashRoute';
import './theme.css';
import './dashboard.css';

const TABS: Array<[DashboardTab, string]> = [
  ['contacts', 'Contacts'],
  ['insights', 'Insights'],
  ['team', 'Team'],
  ['data', 'Data'],
];

/** The full-page dashboard: contacts and their history, insights for the product team, the team's activity, data tools. */
export function DashboardApp({ db }: { db: FrontlineDB }) {
  const [route, navigate] = useHashRoute();

  const onTabKey = (event: React.KeyboardEvent, index: number) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const next = TABS[(index + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]![0];
    navigate({ tab: next, contactId: null });
    document.getElementById(`tab-${next}`)?.focus();
  };

  return (
    <div className="dashboard">
      <header className="dash-header">
        <h1>Frontline</h1>
        <div role="tablist" aria-label="Dashboard sections" className="tabs">
          {TABS.map(([id, label], n) => (
            <button
              key={id}
              id={`tab-${id}`}
              type="button"
              role="tab"
              aria-selected={route.tab === id}
              aria-controls={`panel-${id}`}
              tabIndex={route.tab === id ? 0 : -1}
              className="tab"
              onClick={() => navigate({ tab: id, contactId: id === 'contacts' ? route.contactId : null })}
              onKeyDown={(e) => onTabKey(e, n)}
            >
              {label}
            </button>
          ))}
        </div>
        <span className="grow" />
        <button type="button" className="btn btn-small" onClick={() => void openOptions()}>
          Options
        </button>
      </header>
      <main id={`panel-${route.tab}`} role="tabpanel" aria-labelledby={`tab-${route.tab}`} className="dash-main">
        {route.tab === 'contacts' && (
          <ContactsView db={db} contactId={route.contactId} onSelect={(contactId) => navigate({ tab: 'contacts', contactId })} />
        )}
        {route.tab === 'insights' && <InsightsView db={db} />}
        {route.tab === 'team' && <TeamView db={db} />}
        {route.tab === 'data' && <DataView db={db} />}
      </main>
    </div>
  );
}
