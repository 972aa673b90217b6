import type { TraceEvent } from '../../bench/page/trace-collect';

/** The trace events of the named kinds nested in one task (same thread, inside its span), summed by name. */
export function nestedEventsIn(events: TraceEvent[], task: TraceEvent, names: ReadonlySet<string>): string {
  const end = task.ts + (task.dur ?? 0);
  const sums = new Map<string, { ms: number; n: number }>();
  for (const e of events) {
    if (e.pid !== task.pid || e.tid !== task.tid || e.ph !== 'X' || e.ts < task.ts || e.ts > end || !names.has(e.name)) continue;
    const s = sums.get(e.name) ?? { ms: 0, n: 0 };
    s.ms += (e.dur ?? 0) / 1000;
    s.n += 1;
    sums.set(e.name, s);
  }
  return [...sums].map(([name, s]) => `${name} ${s.ms.toFixed(1)} ms ×${s.n}`).join(', ');
}
