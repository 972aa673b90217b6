import type { ReturningCustomer } from '@/lib/insights';
import { count, displayName } from './format';
import { SeverityBadge } from './SeverityBadge';

const SHOWN = 5;

interface Props {
  data: { contacts: number; returning: number; customers: ReturningCustomer[] } | undefined;
  onOpen: (contactId: string) => void;
}

/** The worst case is a customer coming back angrier: those are listed first. */
export function ReturningCard({ data, onOpen }: Props) {
  const share = data && data.contacts > 0 ? Math.round((data.returning / data.contacts) * 100) : 0;
  return (
    <section className="card stat-card" aria-labelledby="returning-title">
      <h2 id="returning-title">Returning customers</h2>
      <div className="stats">
        <div>
          <p className="stat">{data ? count(data.returning) : '…'}</p>
          <p className="muted small">{data ? `of ${count(data.contacts)} customers (${share}%)` : ''}</p>
        </div>
        <div>
          <p className="stat">{data ? data.customers.filter((c) => c.severityRising).length : '…'}</p>
          <p className="muted small">came back angrier</p>
        </div>
      </div>
      {data && data.customers.length > 0 && (
        <ul className="list compact-list">
          {data.customers.slice(0, SHOWN).map((c) => (
            <li key={c.contact.id} className="row">
              <button type="button" className="btn-link grow align-left" onClick={() => onOpen(c.contact.id)}>
                {displayName(c.contact)}
              </button>
              {c.severityRising && <span className="tag rising">angrier</span>}
              <span className="muted small">{c.interactions} posts</span>
              <SeverityBadge severity={c.maxSeverity} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
