import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BLOG_HOST, BLOG_PATH, blogHtml } from '../../bench/page/blog-page';
import { launchBench } from '../../bench/page/launch';
import { snapshotExtension } from '../../bench/page/snapshot';
import { analyseTrace } from '../../bench/page/trace-analyse';
import { startTrace, stopTrace, type TraceEvent } from '../../bench/page/trace-collect';
import { startSiteServer } from '../../test/e2e/harness';

/**
 * What loading the full content script costs the page (issue 18): the `EvaluateScript` of our
 * content-scripts/main.js on the page's main thread, for two or more builds in alternation (so the
 * machine's load hits them alike), on the bench's WordPress blog.
 * `npx tsx research/page/probe-evaluation.ts --ext /tmp/main-build,.output/chrome-mv3 --runs 5`
 * Prints per build the evaluations' durations (ms) and their median, and the ratio of medians to
 * the first build's. `--frames` also prints our hottest frames inside the evaluation (a profile build
 * names them: FRONTLINE_PROFILE_BUILD=1). `--modules` (profile builds only) times each bundled module's
 * top-level code: a copy of the script gets a clock reading before every module's region, and the
 * probe prints the modules that took longest (median over runs), the whole top level included.
 */

const { values } = parseArgs({
  options: {
    ext: { type: 'string', default: '.output/chrome-mv3' },
    runs: { type: 'string', default: '3' },
    frames: { type: 'boolean', default: false },
    modules: { type: 'boolean', default: false },
  },
});

interface Evaluation {
  ms: number;
  /** The most of our JS in any other task of the run (the schemas' task, the first scan...). */
  worstOtherMs: number;
  /** Our script's compile inside the evaluation (v8.compile of the chrome-extension:// URL). */
  compileMs: number;
  frames: string[];
}

function evaluationOf(events: TraceEvent[]): Evaluation | null {
  const evals = events.filter((e) => e.name === 'EvaluateScript' && e.ph === 'X' && String(e.args?.data?.url ?? '').endsWith('content-scripts/main.js'));
  const ev = evals[0];
  if (!ev) return null;
  const end = ev.ts + (ev.dur ?? 0);
  const compileMs =
    events
      .filter((e) => e.pid === ev.pid && e.tid === ev.tid && e.name === 'v8.compile' && e.ph === 'X' && e.ts >= ev.ts && e.ts <= end)
      .reduce((sum, e) => sum + (e.dur ?? 0), 0) / 1000;
  return { ms: (ev.dur ?? 0) / 1000, worstOtherMs: 0, compileMs, frames: values.frames ? framesIn(events, ev.pid, ev.tid, ev.ts, end) : [] };
}

/** Inclusive time of the frames of our script sampled between `from` and `to`, top 15. */
function framesIn(events: TraceEvent[], pid: number, tid: number, from: number, to: number): string[] {
  const profile = events.find((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid);
  if (!profile) return [];
  const parents = new Map<number, number | undefined>();
  const names = new Map<number, string>();
  let ts = profile.args!.data.startTime as number;
  const stamps: Array<{ ts: number; node: number }> = [];
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || e.id !== profile.id || e.pid !== pid) continue;
    const data = e.args!.data;
    for (const node of data.cpuProfile?.nodes ?? []) {
      parents.set(node.id, node.parent);
      const url = String(node.callFrame?.url ?? '');
      if (url.startsWith('chrome-extension://')) names.set(node.id, `${node.callFrame.functionName || '(anonymous)'}:${node.callFrame.lineNumber}`);
    }
    (data.cpuProfile?.samples ?? []).forEach((node: number, n: number) => {
      ts += data.timeDeltas?.[n] ?? 0;
      stamps.push({ ts, node });
    });
  }
  stamps.sort((a, b) => a.ts - b.ts);
  const inclusive = new Map<string, number>();
  for (let i = 0; i < stamps.length - 1; i++) {
    const s = stamps[i]!;
    if (s.ts < from || s.ts > to) continue;
    const weight = Math.min(stamps[i + 1]!.ts - s.ts, 1000);
    const seen = new Set<string>();
    for (let id: number | undefined = s.node; id !== undefined; id = parents.get(id)) {
      const name = names.get(id);
      if (name && !seen.has(name)) {
        seen.add(name);
        inclusive.set(name, (inclusive.get(name) ?? 0) + weight);
      }
    }
  }
  return [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([n, us]) => `${(us / 1000).toFixed(1)} ${n}`);
}

/** A copy of a profile build's content script that logs a clock reading at each bundled module's start. */
async function instrumented(build: string): Promise<string> {
  const copy = await snapshotExtension();
  const file = path.join(copy, 'content-scripts/main.js');
  const lines = (await readFile(file, 'utf8')).split('\n');
  const out: string[] = [];
  let declared = false;
  for (const line of lines) {
    const region = /^\t\/\/ (\S+)$/.exec(line)?.[1];
    if (region && !declared) {
      out.push('\tvar __frontlineT = [];');
      declared = true;
    }
    if (region) out.push(`\t__frontlineT.push([${JSON.stringify(region.replace(/^.*node_modules\//, ''))}, performance.now()]);`);
    if (line.startsWith('\treturn (async () => {')) out.push('\t__frontlineT.push(["end", performance.now()]); console.log("FRONTLINE-EVAL " + JSON.stringify(__frontlineT));');
    out.push(line);
  }
  if (!declared) throw new Error(`${build} has no module regions: build it with FRONTLINE_PROFILE_BUILD=1`);
  await writeFile(file, out.join('\n'));
  return copy;
}

/** Per module, ms from its start to the next module's start (top-level code only). */
function moduleTimes(log: string): Map<string, number> {
  const stamps = JSON.parse(log.slice('FRONTLINE-EVAL '.length)) as Array<[string, number]>;
  const times = new Map<string, number>();
  for (let i = 0; i < stamps.length - 1; i++) {
    const name = stamps[i]![0].startsWith('zod/') ? 'zod (library)' : stamps[i]![0];
    times.set(name, (times.get(name) ?? 0) + stamps[i + 1]![1] - stamps[i]![1]);
  }
  times.set('(all top-level code)', stamps.at(-1)![1] - stamps[0]![1]);
  return times;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function main(): Promise<void> {
  const builds = values.ext!.split(',').map((p) => path.resolve(p));
  const copies: string[] = [];
  for (const b of builds) {
    process.env.FRONTLINE_EXTENSION = b;
    copies.push(values.modules ? await instrumented(b) : await snapshotExtension());
  }
  const modules = builds.map(() => [] as Array<Map<string, number>>);
  const html = blogHtml();
  const server = await startSiteServer({
    [BLOG_HOST]: (req, res) => (req.url === BLOG_PATH ? void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html) : void res.writeHead(404).end()),
  });
  const results = builds.map(() => [] as Evaluation[]);
  try {
    for (let run = 0; run < Number(values.runs); run++) {
      for (const [i, ext] of copies.entries()) {
        const browser = await launchBench({ server, extensionPath: ext });
        try {
          const page = await browser.context.newPage();
          const cdp = await browser.context.newCDPSession(page);
          page.on('console', (msg) => {
            if (msg.text().startsWith('FRONTLINE-EVAL ')) modules[i]!.push(moduleTimes(msg.text()));
          });
          await startTrace(cdp);
          await page.goto(server.url(BLOG_HOST, BLOG_PATH), { waitUntil: 'load' });
          await page.waitForFunction(() => document.querySelector('[data-frontline-post]') !== null, null, { timeout: 30_000 });
          await page.waitForTimeout(500);
          const events = await stopTrace(cdp);
          const ev = evaluationOf(events);
          if (ev) {
            const others = (analyseTrace(events, server.url(BLOG_HOST, BLOG_PATH), 1).worstExtensionTasks ?? []).filter((t) => !t.evaluation);
            ev.worstOtherMs = Math.max(0, ...others.map((t) => t.extensionMs));
            results[i]!.push(ev);
          }
          process.stderr.write(
            `run ${run + 1} ${path.basename(path.dirname(builds[i]!))}/${path.basename(builds[i]!)}: ${ev ? `${ev.ms.toFixed(1)} ms (compile ${ev.compileMs.toFixed(1)}); most of ours in another task ${ev.worstOtherMs.toFixed(1)} ms` : 'no evaluation found'}\n`,
          );
          if (ev && values.frames) for (const f of ev.frames) process.stderr.write(`    ${f}\n`);
        } finally {
          await browser.close();
        }
      }
    }
  } finally {
    await server.close();
  }
  const base = median(results[0]!.map((e) => e.ms));
  for (const [i, b] of builds.entries()) {
    const ms = results[i]!.map((e) => e.ms);
    console.log(
      `${b}: evaluation ${ms.map((x) => x.toFixed(1)).join(', ')} ms, median ${median(ms).toFixed(1)} (compile median ${median(results[i]!.map((e) => e.compileMs)).toFixed(1)}; most of ours in another task, median ${median(results[i]!.map((e) => e.worstOtherMs)).toFixed(1)} ms), ratio to the first ${(median(ms) / base).toFixed(2)}`,
    );
    if (!values.modules) continue;
    const names = new Set(modules[i]!.flatMap((m) => [...m.keys()]));
    const rows = [...names].map((n) => [n, median(modules[i]!.map((m) => m.get(n) ?? 0))] as const).sort((a, b) => b[1] - a[1]);
    for (const [n, ms] of rows.slice(0, 25)) console.log(`    ${ms.toFixed(2)} ms  ${n}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
