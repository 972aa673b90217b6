import type { FrontlineDB } from '../db/schema';
import { firstSeenBetween } from '../db/queries';
import type { Theme } from '../model/themes';
import { nextBucketStart as nextStart, startOfDay, startOfWeek } from '../time/calendar';

export interface ComplaintBucket {
  /** Local midnight starting the day or (Monday) week. */
  start: number;
  total: number;
  /** Index = severity 0..4. */
  bySeverity: [number, number, number, number, number];
  byTheme: Partial<Record<Theme, number>>;
}


/**
 * Complaints first seen in [from, to), per local day or week, by severity and by theme.
 * Empty buckets are included so a chart shows quiet days as zero, not as gaps.
 */
export async function complaintsOverTime(
  db: FrontlineDB,
  options: { bucket: 'day' | 'week'; from: number; to: number },
): Promise<ComplaintBucket[]> {
  const { bucket, from, to } = options;
  if (!(to > from)) return [];
  const first = bucket === 'day' ? startOfDay(from) : startOfWeek(from);
  const buckets: ComplaintBucket[] = [];
  for (let s = first; s < to; s = nextStart(s, bucket)) {
    buckets.push({ start: s, total: 0, bySeverity: [0, 0, 0, 0, 0], byTheme: {} });
  }
  const complaints = (await firstSeenBetween(db, from, to)).filter(
    (i) => i.complaint,
  );
  for (const i of complaints) {
    // Buckets are sorted: the last one starting at or before the time holds it.
    let n = buckets.length - 1;
    while (n > 0 && buckets[n]!.start > i.firstSeenAt) n--;
    const b = buckets[n]!;
    b.total++;
    b.bySeverity[i.severity]++;
    for (const t of i.themes) b.byTheme[t] = (b.byTheme[t] ?? 0) + 1;
  }
  return buckets;
}
