/**
 * npx tsx research/db/probe-query-tail.ts <build> [<build-b>] [--sessions N] [--trace] [--samples] [--slow MS]
 *
 * Why an occasional bench:db query goes over 50 ms (issue 22, branch query3). Each session does
 * what bench:db's seeded run does before and during its searches (five popup opens, then a popup
 * whose realistic queries are typed one after another from the first row on), on a profile seeded
 * with the bench's data set (seeded-profile.ts). Builds alternate between sessions, so the load of
 * this shared machine falls on both alike. Per query it keeps, on the page's clock:
 * - the time bench:db reports (typed → every row shown matches), and when it was typed;
 * - every IndexedDB request made or answered while it ran (store, index, when asked, when answered);
 * - `performance.memory.usedJSHeapSize` before and after (a drop means a collection ran);
 * - with --trace: the page's main-thread tasks inside it (busy ms, the trace events in them: GC,
 *   timers, idle callbacks, script, style, layout, paint; --samples adds V8's CPU samples by
 *   function), the service worker's busy ms and the database backend's transactions.
 * Prints each query's distribution per build, and a breakdown of every query over --slow ms
 * (default 40) and of each build's slowest one. --alloc: bytes allocated during the searches by function
 * (V8's sampling heap profiler; use a FRONTLINE_PROFILE_BUILD=1 build for names). --transfer: each
 * session starts with the Data tab's export and a merge import of that file, as every bench:db
 * run after the first does (the extension's pages share one process, so their garbage is the popup's).
 */
import { writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { CDPSession } from 'playwright-core';
import type { ExtensionBrowser } from '../../test/e2e/harness';
import { exportAll, importFile, popupOpens, SEARCHES } from '../../bench/db/measure-db';
import { median, percentile } from '../../bench/db/stats';
import { searchSettledJs } from '../../bench/db/page-timing';
import { stopTrace, type TraceEvent } from '../../bench/page/trace-collect';
import { launch, seededProfile } from './seeded-profile';
import { cpuSamples } from './trace-tasks';

/** Stamps every IndexedDB request the page makes (asked, answered), before the page's scripts run. */
const WATCH_IDB = `(() => {
  const log = (window.__idb = []);
  const wrap = (proto, kind) => {
    for (const name of ['get', 'getAll', 'getAllKeys', 'getKey', 'count', 'openCursor', 'openKeyCursor', 'put', 'add', 'delete']) {
      const original = proto[name];
      if (!original) continue;
      proto[name] = function (...args) {
        const request = original.apply(this, args);
        const store = kind === 'index' ? this.objectStore.name + '.' + this.name : this.name;
        const entry = { what: name + ' ' + store, at: performance.now(), done: -1 };
        log.push(entry);
        request.addEventListener('success', () => { if (entry.done < 0) entry.done = performance.now(); });
        return request;
      };
    }
  };
  wrap(IDBObjectStore.prototype, 'store');
  wrap(IDBIndex.prototype, 'index');
})()`;

/** bench:db's timeSearch (page-timing.ts), plus the moments it started and ended and the heap around it. */
const TIME_SEARCH = (query: string) => `new Promise((resolve, reject) => {
  ${searchSettledJs(query)}
  const heapBefore = performance.memory ? performance.memory.usedJSHeapSize : 0;
  performance.mark('q-start');
  const started = performance.now();
  const observer = new MutationObserver(() => {
    const rows = settled();
    if (rows < 0) return;
    observer.disconnect();
    const ended = performance.now();
    performance.mark('q-end');
    resolve({ ms: ended - started, rows, started, ended, heapBefore, heapAfter: performance.memory ? performance.memory.usedJSHeapSize : 0 });
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, query);
  input.dispatchEvent(new Event('input', { bubbles: true }));
  setTimeout(() => reject(new Error('search never settled for ' + query)), 30000);
})`;

interface Idb {
  what: string;
  at: number;
  done: number;
}

interface QueryRun {
  build: string;
  session: number;
  query: string;
  ms: number;
  rows: number;
  started: number;
  ended: number;
  heapBefore: number;
  heapAfter: number;
  idb: Idb[];
  trace?: string[];
}

const CATEGORIES = [
  'disabled-by-default-devtools.timeline',
  'devtools.timeline',
  'blink.user_timing',
  'v8',
  'IndexedDB',
];
const SAMPLES = ['disabled-by-default-v8.cpu_profiler', 'disabled-by-default-v8.cpu_profiler.hires'];

/** The events that say what a task was: names kept as they are, script named by its function or timer. */
function label(e: TraceEvent): string {
  const d = e.args?.data ?? {};
  if (e.name === 'FunctionCall') return `js ${d.functionName || '(anon)'}@${String(d.url ?? '').split('/').pop()}:${d.lineNumber ?? ''}`;
  if (e.name === 'TimerFire') return `timer#${d.timerId}`;
  if (e.name === 'EventDispatch') return `event ${d.type}`;
  return e.name;
}

const GC = /GC|Scavenge|MarkCompact|Sweep|Mark/;

/**
 * Within each query's window (its q-start/q-end marks in the trace): the page's main-thread
 * tasks, what filled them, the worker's busy time and the database backend's transactions.
 */
function explain(events: TraceEvent[], count: number): string[][] {
  const starts = events.filter((e) => e.name === 'q-start' && e.cat.includes('user_timing')).sort((a, b) => a.ts - b.ts);
  const ends = events.filter((e) => e.name === 'q-end' && e.cat.includes('user_timing')).sort((a, b) => a.ts - b.ts);
  const out: string[][] = [];
  if (!starts.length) return out;
  const { pid, tid } = starts[0]!;
  const thread = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur);
  const samples = cpuSamples(events, pid, tid);
  const names = new Map<string, string>();
  for (const e of events) if (e.name === 'thread_name' && e.ph === 'M') names.set(`${e.pid}:${e.tid}`, String(e.args?.name ?? ''));
  // Every collection on the page's main thread while the searches ran, and in which query it fell.
  const first = starts[0]!.ts;
  const collections = thread.filter((e) => /^(MinorGC|MajorGC|V8\.GCFinalizeMC|V8\.GC_MC_INCREMENTAL)$/.test(e.name) && e.ts >= first);
  const inQuery = (ts: number) => starts.findIndex((st, k) => ts >= st.ts && ts < (ends[k]?.ts ?? -1));
  if (collections.length) {
    console.log(
      `  collections during the searches: ${collections.map((e) => `${e.name} +${((e.ts - first) / 1000).toFixed(0)} ms ${(e.dur! / 1000).toFixed(1)} ms${inQuery(e.ts) >= 0 ? ` in query ${inQuery(e.ts) + 1}` : ''}`).join('; ')}`,
    );
  }
  for (let q = 0; q < count; q++) {
    const from = starts[q]?.ts;
    const to = ends[q]?.ts;
    if (from === undefined || to === undefined) {
      out.push(['(marks missing)']);
      continue;
    }
    const lines: string[] = [];
    const tasks = thread.filter((e) => e.name === 'RunTask' && e.ts < to && e.ts + e.dur! > from);
    let busy = 0;
    for (const t of tasks) busy += Math.min(to, t.ts + t.dur!) - Math.max(from, t.ts);
    const longest = tasks.reduce<TraceEvent | undefined>((a, t) => (!a || t.dur! > a.dur! ? t : a), undefined);
    lines.push(`main thread busy ${(busy / 1000).toFixed(1)} of ${((to - from) / 1000).toFixed(1)} ms, ${tasks.length} tasks, longest ${((longest?.dur ?? 0) / 1000).toFixed(1)} ms`);
    // GC on the page's main thread: the union of GC events' intervals inside the window (they nest).
    const gcSpans = thread
      .filter((e) => GC.test(e.name) && e.ts < to && e.ts + e.dur! > from)
      .map((e) => [Math.max(from, e.ts), Math.min(to, e.ts + e.dur!)] as const)
      .sort((a, b) => a[0] - b[0]);
    let gc = 0;
    let reach = -Infinity;
    for (const [a, b] of gcSpans) {
      if (b <= reach) continue;
      gc += b - Math.max(a, reach);
      reach = b;
    }
    const gcKinds = [...new Set(thread.filter((e) => /^(MinorGC|MajorGC|V8\.GC_MC_INCREMENTAL\w*|V8\.GCFinalizeMC\w*)$/.test(e.name) && e.ts < to && e.ts + e.dur! > from).map((e) => e.name))];
    for (const t of tasks) {
      const inside = new Map<string, number>();
      for (const e of thread) {
        if (e === t || e.ts < t.ts || e.ts >= t.ts + t.dur!) continue;
        const name = label(e);
        inside.set(name, (inside.get(name) ?? 0) + e.dur! / 1000);
      }
      if (t.dur! < 1500) continue;
      const top = [...inside].sort((a, b) => b[1] - a[1]).slice(0, 7).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ');
      lines.push(`  task +${((t.ts - from) / 1000).toFixed(1)} ms, ${(t.dur! / 1000).toFixed(1)} ms: ${top}`);
      if (t.dur! < 8000) continue;
      const fns = new Map<string, number>();
      for (const s of samples) if (s.ts >= t.ts && s.ts < t.ts + t.dur!) fns.set(s.fn, (fns.get(s.fn) ?? 0) + s.ms);
      if (fns.size) lines.push(`      self: ${[...fns].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}`);
    }
    lines.push(`  GC on the page's main thread: ${(gc / 1000).toFixed(1)} ms${gcKinds.length ? ` (${gcKinds.join(', ')})` : ''}`);
    // Other threads: the worker, and anything the database backend traced.
    const others = new Map<string, number>();
    for (const e of events) {
      if (e.ph !== 'X' || !e.dur || (e.pid === pid && e.tid === tid) || e.ts >= to || e.ts + e.dur <= from) continue;
      const thread = names.get(`${e.pid}:${e.tid}`) ?? `${e.pid}:${e.tid}`;
      if (e.name === 'RunTask' || e.cat.includes('IndexedDB')) {
        const key = `${thread} ${e.name === 'RunTask' ? 'busy' : e.name}`;
        others.set(key, (others.get(key) ?? 0) + (Math.min(to, e.ts + e.dur) - Math.max(from, e.ts)) / 1000);
      }
    }
    const top = [...others].filter(([, v]) => v >= 1).sort((a, b) => b[1] - a[1]).slice(0, 8);
    if (top.length) lines.push(`  other threads: ${top.map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}`);
    out.push(lines);
  }
  return out;
}

/** One bench-like session: five popup opens, then the queries typed one after another from the first row. */
interface AllocNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: AllocNode[];
}

/** Bytes allocated during the session's searches (sampled, collected objects included), by function and by its caller chain's first frame of ours. */
function printAllocations(head: AllocNode, build: string, n: number): void {
  const self = new Map<string, number>();
  let total = 0;
  const walk = (node: AllocNode, path: string[]) => {
    const f = node.callFrame;
    const name = `${f.functionName || '(anon)'}@${f.url.split('/').pop()}`;
    const here = [...path, name];
    if (node.selfSize) {
      total += node.selfSize;
      // The innermost frame that is ours (a chunk of the build), else the innermost frame.
      const ours = [...here].reverse().find((p) => /\.js$/.test(p) && !p.startsWith('(')) ?? name;
      const key = `${name} <- ${ours}`;
      self.set(key, (self.get(key) ?? 0) + node.selfSize);
    }
    for (const c of node.children) walk(c, here);
  };
  walk(head, []);
  console.log(`${build} session ${n}: ${(total / 2 ** 20).toFixed(1)} MB allocated during the ${SEARCHES.length} searches (sampled); largest:`);
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${(v / 1024).toFixed(0).padStart(6)} kB  ${k}`);
}

async function session(b: ExtensionBrowser, build: string, n: number, trace: boolean, samples: boolean, alloc: boolean, transfer: boolean): Promise<QueryRun[]> {
  if (transfer) {
    // As bench:db's runs after the first: the previous run's export and merge import came just before.
    const file = path.join(os.tmpdir(), `fl-probe-tail-${build}.json`);
    await exportAll(b, file);
    await importFile(b, file);
    await rm(file, { force: true });
  }
  await popupOpens(b);
  const context = b.context;
  // The page is created by openWatched; tracing must cover the searches, so it starts right after the first row.
  // bench:db's openWatched, with every IndexedDB request of the page stamped from its first script on.
  const page = await context.newPage();
  await page.addInitScript(WATCH_IDB);
  await page.goto(`chrome-extension://${b.extensionId}/popup.html`);
  for (const until = Date.now() + 60_000; !(await page.evaluate(`!!document.querySelector('li.contact-item')`)); await new Promise((r) => setTimeout(r, 20))) {
    if (Date.now() > until) throw new Error('the popup shows no contacts: is the profile seeded?');
  }
  let cdp: CDPSession | null = null;
  try {
    if (trace) {
      cdp = await context.newCDPSession(page);
      await cdp.send('Tracing.start', {
        transferMode: 'ReturnAsStream',
        traceConfig: { recordMode: 'recordContinuously', includedCategories: [...CATEGORIES, ...(samples ? SAMPLES : [])] },
      });
    }
    const heap = alloc ? await context.newCDPSession(page) : null;
    if (heap) {
      await heap.send('HeapProfiler.enable');
      await heap.send('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
    }
    const runs: QueryRun[] = [];
    for (const query of SEARCHES) {
      const r = (await page.evaluate(TIME_SEARCH(query))) as Omit<QueryRun, 'build' | 'session' | 'query' | 'idb'>;
      runs.push({ ...r, build, session: n, query, idb: [] });
    }
    if (heap) {
      const { profile } = (await heap.send('HeapProfiler.stopSampling')) as unknown as { profile: { head: AllocNode } };
      printAllocations(profile.head, build, n);
    }
    const idb = (await page.evaluate('window.__idb')) as Idb[];
    for (const r of runs) r.idb = idb.filter((e) => e.at < r.ended && (e.done < 0 || e.done > r.started));
    if (cdp) {
      const events = await stopTrace(cdp);
      if (process.env.DUMP_TRACE) writeFileSync(`${process.env.DUMP_TRACE}-${build}-${n}.json`, JSON.stringify(events));
      const explained = explain(events, runs.length);
      runs.forEach((r, k) => (r.trace = explained[k]));
    }
    return runs;
  } finally {
    await page.close();
  }
}

function describe(r: QueryRun): string {
  const lines = [`${r.build} session ${r.session} "${r.query}": ${r.ms.toFixed(1)} ms (${r.rows} rows), typed at ${r.started.toFixed(0)} ms; heap ${(r.heapBefore / 2 ** 20).toFixed(1)} → ${(r.heapAfter / 2 ** 20).toFixed(1)} MB`];
  for (const e of r.idb) {
    lines.push(`  idb ${e.what}: asked +${(e.at - r.started).toFixed(1)}, answered ${e.done < 0 ? '?' : `+${(e.done - r.started).toFixed(1)}`} ms`);
  }
  for (const l of r.trace ?? []) lines.push(`  ${l}`);
  return lines.join('\n');
}

/**
 * --minor-gc (run with PROBE_JS_FLAGS="--expose-gc --single-threaded-gc"): what a minor collection
 * costs at the moment the agent types. Per open, once the first row shows and the page has had
 * 300 ms to finish reading ahead, two minor collections are forced and timed (the first copies
 * every live young object, the second copies the survivors again and promotes them). On one
 * thread, so the figure is the work itself, not helper threads waiting for a core.
 */
async function minorCollections(opened: ExtensionBrowser[], builds: string[], sessions: number): Promise<void> {
  const times = builds.map(() => ({ first: [] as number[], second: [] as number[] }));
  for (let s = 0; s < sessions; s++) {
    const order = builds.map((_, k) => k);
    if (s % 2) order.reverse();
    for (const k of order) {
      const page = await opened[k]!.context.newPage();
      await page.goto(`chrome-extension://${opened[k]!.extensionId}/popup.html`);
      await page.waitForSelector('li.contact-item');
      await new Promise((r) => setTimeout(r, 300));
      const [first, second] = (await page.evaluate(`(() => {
        const t = (f) => { const a = performance.now(); f(); return performance.now() - a; };
        return [t(() => gc({ type: 'minor' })), t(() => gc({ type: 'minor' }))];
      })()`)) as [number, number];
      times[k]!.first.push(first);
      times[k]!.second.push(second);
      await page.close();
    }
  }
  builds.forEach((ext, k) => {
    const t = times[k]!;
    const fmt = (xs: number[]) => `median ${median(xs).toFixed(2)} ms (${xs.map((x) => x.toFixed(1)).join(', ')})`;
    console.log(`${path.basename(ext)}: first minor collection after the first row ${fmt(t.first)}; second ${fmt(t.second)}`);
  });
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string, fallback: number) => {
    const at = args.indexOf(name);
    return at >= 0 ? Number(args[at + 1]) : fallback;
  };
  const sessions = option('--sessions', 6);
  const slow = option('--slow', 40);
  const trace = args.includes('--trace');
  const samples = args.includes('--samples');
  const builds = args.filter((a, n) => !a.startsWith('--') && !['--sessions', '--slow'].includes(args[n - 1] ?? '')).map((b) => path.resolve(b));
  if (!builds.length) throw new Error('usage: probe-query-tail.ts <build> [<build-b>] [--sessions N] [--trace] [--samples] [--slow MS]');
  const opened: ExtensionBrowser[] = [];
  for (const ext of builds) {
    const { context, id } = await launch(ext, await seededProfile(ext));
    opened.push({ context, extensionId: id } as unknown as ExtensionBrowser);
  }
  if (args.includes('--minor-gc')) {
    await minorCollections(opened, builds, sessions);
    for (const b of opened) await b.context.close();
    return;
  }
  const all: QueryRun[] = [];
  try {
    for (let s = 0; s < sessions; s++) {
      const order = builds.map((_, k) => k);
      if (s % 2) order.reverse();
      for (const k of order) {
        const name = path.basename(builds[k]!);
        const runs = await session(opened[k]!, name, s + 1, trace, samples, args.includes('--alloc'), args.includes('--transfer'));
        all.push(...runs);
        console.log(`session ${s + 1} ${name}: ${runs.map((r) => r.ms.toFixed(0)).join(', ')} ms (worst ${Math.max(...runs.map((r) => r.ms)).toFixed(0)})`);
      }
    }
  } finally {
    for (const b of opened) await b.context.close();
  }
  const fmt = (xs: number[]) => `median ${median(xs).toFixed(1)}, p90 ${percentile(xs, 90).toFixed(1)}, max ${Math.max(...xs).toFixed(1)}`;
  for (const ext of builds) {
    const name = path.basename(ext);
    const mine = all.filter((r) => r.build === name);
    console.log(`\n${name}: every query ${fmt(mine.map((r) => r.ms))}; over 50 ms: ${mine.filter((r) => r.ms > 50).length} of ${mine.length}`);
    const worst = [...new Set(mine.map((r) => r.session))].map((s) => Math.max(...mine.filter((r) => r.session === s).map((r) => r.ms)));
    console.log(`  worst query per session: ${fmt(worst)}`);
    for (const q of SEARCHES) {
      const xs = mine.filter((r) => r.query === q).map((r) => r.ms);
      console.log(`  "${q}": ${fmt(xs)} (${xs.map((x) => x.toFixed(0)).join(', ')})`);
    }
  }
  if (trace) {
    console.log('\nevery query (trace): ms, then the main thread busy / GC / longest task');
    for (const r of all) {
      const t = r.trace ?? [];
      const busy = /busy ([\d.]+) of/.exec(t[0] ?? '')?.[1];
      const longest = /longest ([\d.]+)/.exec(t[0] ?? '')?.[1];
      const gc = /GC on the page's main thread: ([\d.]+)/.exec(t.find((l) => l.includes('GC on')) ?? '')?.[1];
      console.log(`  ${r.build} s${r.session} ${r.query.padEnd(10)} ${r.ms.toFixed(1).padStart(6)}  busy ${busy}  gc ${gc}  longest ${longest}`);
    }
  }
  console.log('\nslow queries:');
  const slowest = builds.map((ext) => {
    const mine = all.filter((r) => r.build === path.basename(ext));
    return mine.reduce((a, b) => (b.ms > a.ms ? b : a));
  });
  for (const r of all) if (r.ms > slow || slowest.includes(r)) console.log(describe(r));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
