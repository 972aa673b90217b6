import { useLiveQuery } from 'dexie-react-hooks';
import { countsFor, type ActivityCounts as Counts, type FrontlineDB } from '@/lib/db';

const LABELS: Array<[keyof Counts, string]> = [
  ['flagged', 'Flagged'],
  ['replied', 'Replied'],
  ['resolved', 'Resolved'],
];

/** Today and this week at a glance: how much the agent has caught and closed. */
export function ActivityCounts({ db, now, ready = true }: { db: FrontlineDB; now: number; ready?: boolean }) {
  // Not before `ready`: the list is what the agent opened the popup for, so it loads first.
  const counts = useLiveQuery(() => (ready ? countsFor(db, now) : undefined), [db, now, ready]);
  return (
    <dl className="counts" aria-label="Your activity">
      {LABELS.map(([key, label]) => (
        <div key={key} className="count">
          <dt>{label}</dt>
          <dd>
            <span className="count-today">{counts?.today[key] ?? '–'}</span>
            <span className="count-week muted">
              today{counts ? ` · ${counts.week[key]} this week` : ''}
            </span>
          </dd>
        </div>
      ))}
    </dl>
  );
}
