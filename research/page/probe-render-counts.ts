import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { pageMainThread } from '../../bench/page/trace-analyse';
import type { TraceEvent } from '../../bench/page/trace-collect';

/**
 * How often the page's main thread did each kind of work, and for how long, in traces kept by
 * bench:page (`BENCH_TRACE_DIR`): the run without the extension beside the run with it. Says whether
 * the extra render time of a page is more frames or dearer ones (the churn page: issue 18).
 *   npx tsx research/page/probe-render-counts.ts --url https://flood.example/ dir/flood.example-without.json dir/flood.example-with.json
 */
const { values, positionals } = parseArgs({ options: { url: { type: 'string' } }, allowPositionals: true });
const NAMES = [
  'RunTask', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Commit', 'HitTest',
  'IntersectionObserverController::computeIntersections', 'FireAnimationFrame', 'TimerFire', 'FunctionCall', 'MinorGC', 'MajorGC',
];

async function main(): Promise<void> {
  const columns: Array<Map<string, { n: number; ms: number }>> = [];
  for (const file of positionals) {
    const events = JSON.parse(await readFile(file, 'utf8')) as TraceEvent[];
    const { pid, tid } = pageMainThread(events, values.url!);
    const by = new Map<string, { n: number; ms: number }>();
    for (const e of events) {
      if (e.pid !== pid || e.tid !== tid || e.ph !== 'X') continue;
      const s = by.get(e.name) ?? { n: 0, ms: 0 };
      s.n += 1;
      s.ms += (e.dur ?? 0) / 1000;
      by.set(e.name, s);
    }
    columns.push(by);
  }
  console.log(`${'event'.padEnd(54)}${positionals.map((f) => f.split('/').pop()!.padStart(34)).join('')}`);
  for (const name of NAMES) {
    const cells = columns.map((by) => {
      const s = by.get(name) ?? { n: 0, ms: 0 };
      return `${s.n} × ${(s.n ? s.ms / s.n : 0).toFixed(2)} = ${s.ms.toFixed(0)} ms`.padStart(34);
    });
    console.log(`${name.padEnd(54)}${cells.join('')}`);
  }
}

void main();
