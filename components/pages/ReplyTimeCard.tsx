import type { ReplyTimes } from '@/lib/insights';
import { duration } from './format';

/** Median for the usual wait, p90 for the customers who waited longest. */
export function ReplyTimeCard({ times }: { times: ReplyTimes | undefined }) {
  return (
    <section className="card stat-card" aria-labelledby="reply-time-title">
      <h2 id="reply-time-title">Time to first reply</h2>
      <div className="stats">
        <div>
          <p className="stat">{times ? duration(times.medianMs) : '…'}</p>
          <p className="muted small">median</p>
        </div>
        <div>
          <p className="stat">{times ? duration(times.p90Ms) : '…'}</p>
          <p className="muted small">90th percentile</p>
        </div>
      </div>
      <p className="muted small">
        {times ? `From first seen to your first reply, over ${times.count} answered ${times.count === 1 ? 'post' : 'posts'}.` : ''}
      </p>
    </section>
  );
}
