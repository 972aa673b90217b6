import { useEffect, useRef } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { FrontlineDB } from '@/lib/db/schema';
import { CancelledError } from '@/lib/db/errors';
import { countsFor, type ActivityCounts as Counts } from '@/lib/db/queries';
import { count } from './format';

const LABELS: Array<[keyof Counts, string]> = [
  ['flagged', 'Flagged'],
  ['replied', 'Replied'],
  ['resolved', 'Resolved'],
  // Personal attacks wear agents down most: the count shows the load, it grades nobody.
  ['abusiveHandled', 'Abusive posts handled'],
];

type Both = { today: Counts; week: Counts };

/**
 * Today and this week at a glance: how much the agent has caught and closed. First counted once
 * `ready`: the list, and a search the agent is typing, come first (counting reads the whole
 * week, thousands of interactions, and a search typed meanwhile waited behind it). When `ready`
 * turns false before the first numbers, the count under way stops after its current page; once
 * they are shown they stay live (recounted only when the log changes), whatever is typed.
 */
export function ActivityCounts({ db, now, ready = true }: { db: FrontlineDB; now: number; ready?: boolean }) {
  const running = useRef<AbortController | null>(null);
  const shown = useRef<Both | undefined>(undefined);
  const counting = ready || shown.current !== undefined;
  useEffect(() => {
    if (!counting) running.current?.abort();
  }, [counting]);
  const counts = useLiveQuery(async () => {
    if (!counting) return undefined;
    running.current?.abort();
    const run = (running.current = new AbortController());
    try {
      return await countsFor(db, now, { signal: run.signal });
    } catch (error) {
      if (error instanceof CancelledError) return undefined;
      throw error;
    }
  }, [db, now, counting]);
  if (counts) shown.current = counts;
  const show = shown.current;
  return (
    <dl className="counts" aria-label="Your activity">
      {LABELS.map(([key, label]) => (
        <div key={key} className={key === 'abusiveHandled' ? 'count count-line' : 'count'}>
          <dt>{label}</dt>
          <dd>
            <span className="count-today">{show ? count(show.today[key]) : '–'}</span>
            <span className="count-week muted">
              today{show ? ` · ${count(show.week[key])} this week` : ''}
            </span>
          </dd>
        </div>
      ))}
    </dl>
  );
}
