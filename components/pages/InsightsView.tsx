import { now } from '@/lib/time/clock';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import type { FrontlineDB } from '@/lib/db';
import { complaintsOverTime, returningCustomers, timeToFirstReply } from '@/lib/insights';
import { FeedbackReportPanel } from './FeedbackReportPanel';
import { ReplyTimeCard } from './ReplyTimeCard';
import { ReturningCard } from './ReturningCard';
import { SeverityChart } from './SeverityChart';
import { ThemeChart } from './ThemeChart';
import { openDashboardContact } from './useHashRoute';

const WEEK = 7 * 86_400_000;
const RANGES = [
  [4, 'Last 4 weeks'],
  [12, 'Last 12 weeks'],
  [26, 'Last 6 months'],
  [52, 'Last 12 months'],
] as const;

/** Charts and the feedback report over one chosen period, ending now. */
export function InsightsView({ db }: { db: FrontlineDB }) {
  const [weeks, setWeeks] = useState<number>(12);
  // Fixed when the period is chosen, so live updates do not refetch on every render.
  const range = useMemo(() => {
    const to = now();
    return { from: to - weeks * WEEK, to };
  }, [weeks]);
  const buckets = useLiveQuery(() => complaintsOverTime(db, { bucket: 'week', ...range }), [db, range]);
  const times = useLiveQuery(() => timeToFirstReply(db, range), [db, range]);
  const returning = useLiveQuery(() => returningCustomers(db), [db]);

  return (
    <div className="insights stack-lg">
      <div className="row">
        <h2 className="grow">Insights</h2>
        <label className="row">
          <span className="muted small">Period</span>
          <select className="select" value={weeks} onChange={(e) => setWeeks(Number(e.target.value))} aria-label="Period">
            {RANGES.map(([w, label]) => (
              <option key={w} value={w}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="chart-grid">
        <SeverityChart buckets={buckets ?? []} />
        <ThemeChart buckets={buckets ?? []} />
      </div>
      <div className="stat-grid">
        <ReplyTimeCard times={times} />
        <ReturningCard data={returning} onOpen={openDashboardContact} />
      </div>
      <FeedbackReportPanel db={db} range={range} />
    </div>
  );
}
