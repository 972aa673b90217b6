import type { TraceEvent } from '../../bench/page/trace-collect';

/**
 * The long tasks of one page's main thread in a Chrome trace (bench/page/trace-collect.ts),
 * each with what it was made of: the trace events inside it by name (compile, evaluate, GC,
 * style, layout…) and the busiest JavaScript functions by self time from V8's samples in it.
 * Times are printed from the page's navigation start.
 */
export function printLongTasks(events: TraceEvent[], urlPart: string, minMs = 15): void {
  const nav = events.find((e) => e.name === 'navigationStart' && String(e.args?.data?.documentLoaderURL ?? '').includes(urlPart));
  if (!nav) {
    console.log('  (no navigationStart for', urlPart, ')');
    return;
  }
  const { pid, tid } = nav;
  const zero = nav.ts;
  const onThread = events.filter((e) => e.pid === pid && e.tid === tid);
  const tasks = onThread.filter((e) => e.name === 'RunTask' && e.ph === 'X' && (e.dur ?? 0) >= minMs * 1000 && e.ts >= zero);
  const samples = cpuSamples(events, pid, tid);
  for (const task of tasks) {
    const end = task.ts + task.dur!;
    const inside = new Map<string, number>();
    for (const e of onThread) {
      if (e.ph !== 'X' || e.ts < task.ts || e.ts >= end || e === task || !e.dur) continue;
      inside.set(e.name, (inside.get(e.name) ?? 0) + e.dur / 1000);
    }
    const fns = new Map<string, number>();
    for (const s of samples) if (s.ts >= task.ts && s.ts < end) fns.set(s.fn, (fns.get(s.fn) ?? 0) + s.ms);
    const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ');
    console.log(`  task at ${((task.ts - zero) / 1000).toFixed(0)} ms, ${(task.dur! / 1000).toFixed(0)} ms: ${top(inside, 6)}`);
    console.log(`      js: ${top(fns, 8)}`);
  }
}

export function cpuSamples(events: TraceEvent[], pid: number, tid: number): Array<{ ts: number; fn: string; ms: number }> {
  const nodes = new Map<number, string>();
  const out: Array<{ ts: number; fn: string; ms: number }> = [];
  const chunks = events.filter((e) => e.name === 'ProfileChunk' && e.pid === pid).sort((a, b) => a.ts - b.ts);
  const profile = events.find((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid) ?? events.find((e) => e.name === 'Profile' && e.pid === pid);
  let ts = profile?.args?.data?.startTime ?? 0;
  for (const chunk of chunks) {
    const data = chunk.args?.data ?? {};
    for (const node of data.cpuProfile?.nodes ?? []) {
      const f = node.callFrame;
      nodes.set(node.id, `${f.functionName || '(anon)'}@${String(f.url ?? '').split('/').pop()}`);
    }
    const ids: number[] = data.cpuProfile?.samples ?? [];
    const deltas: number[] = data.timeDeltas ?? [];
    ids.forEach((id, n) => {
      ts += deltas[n] ?? 0;
      out.push({ ts, fn: nodes.get(id) ?? '?', ms: (deltas[n + 1] ?? deltas[n] ?? 0) / 1000 });
    });
  }
  void tid;
  return out;
}
