import { writeFile } from 'node:fs/promises';
import type { CDPSession, Page } from 'playwright-core';
import type { SiteServer } from '../../test/e2e/harness';
import { launchBench } from './launch';
import { startTrace, stopTrace } from './trace-collect';
import { analyseTrace, type TraceSummary } from './trace-analyse';

export interface Scenario {
  name: string;
  host: string;
  path: string;
  posts: number;
  /** Largest wheel step towards the bottom, and how often one is sent (the same in both runs). */
  wheelPx: number;
  wheelEveryMs: number;
  /** The page's HTML (built once per benchmark, served under host + path). */
  html: () => string;
  /**
   * Flood pages: the run lasts this long after the start signal (and until the page is complete),
   * marked or not. Under a flood we fall behind on purpose, so "every post marked" is no end point.
   */
  durationMs?: number;
}

export interface RunResult {
  withExtension: boolean;
  scriptMs: number;
  taskMs: number;
  /** JS heap after a forced GC at the end (MB). */
  heapMB: number;
  /** Distinct post ids the page saw marked (page-probe.ts). */
  marked: number;
  flagged: number;
  uiHost: boolean;
  trace: TraceSummary;
  wallMs: number;
}

const QUIET_MS = 1_000;
const MARK_TIMEOUT_MS = 120_000;
const MARK_STALL_MS = 5_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Metrics = Record<string, number>;
async function metrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

interface BenchState {
  marked: number;
  flagged: number;
  done: boolean;
  posts: number;
  /** Pixels left to scroll to the bottom. */
  gap: number;
}
async function benchState(page: Page): Promise<BenchState> {
  return page.evaluate('({ ...window.__bench, gap: document.documentElement.scrollHeight - innerHeight - scrollY })');
}

/** One fresh profile, one page, the same scroll script; tracing and metrics around all of it. */
export async function measureRun(server: SiteServer, scenario: Scenario, extensionPath: string | null): Promise<RunResult> {
  const browser = await launchBench({ server, extensionPath });
  try {
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const url = server.url(scenario.host, scenario.path);
    // Traced from before navigation so the gate, the injection and the first scan are included.
    await startTrace(cdp);
    const before = await metrics(cdp);
    const started = Date.now();
    await page.goto(url, { waitUntil: 'load' });
    await page.mouse.move(640, 450);
    await page.evaluate('window.__benchStart()');

    // Wheel towards the bottom, at most wheelPx per step: a reader skimming as fast as the feed grows.
    const scrollStart = Date.now();
    for (;;) {
      const state = await benchState(page);
      if (scenario.durationMs !== undefined) {
        if (state.done && Date.now() - scrollStart >= scenario.durationMs) break;
      } else if (state.done && state.gap < 5) break;
      if (state.gap > 0) await page.mouse.wheel(0, Math.min(scenario.wheelPx, state.gap));
      await sleep(scenario.wheelEveryMs);
    }
    if (extensionPath && scenario.durationMs === undefined) {
      // Until every post is marked, or marking has stopped: a page that removes posts faster than
      // our budget reads them (the timeline drops cells) leaves some unread for good.
      const until = Date.now() + MARK_TIMEOUT_MS;
      let last = -1;
      let still = Date.now();
      for (;;) {
        const { marked } = await benchState(page);
        if (marked >= scenario.posts || Date.now() > until || Date.now() - still > MARK_STALL_MS) break;
        if (marked !== last) [last, still] = [marked, Date.now()];
        await sleep(100);
      }
    }
    await sleep(QUIET_MS);
    const wallMs = Date.now() - started;
    const after = await metrics(cdp);
    const events = await stopTrace(cdp);
    if (process.env.BENCH_TRACE_DIR) {
      const file = `${process.env.BENCH_TRACE_DIR}/${scenario.host}-${extensionPath ? 'with' : 'without'}.json`;
      await writeFile(file, JSON.stringify(events));
    }

    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const marks = await benchState(page);
    const uiHost = (await page.evaluate(`[...document.documentElement.children].some((e) => e.localName.startsWith('frontline-ui'))`)) as boolean;

    // A cross-process navigation restarts the counters; then "before" belongs to the old renderer.
    const delta = (name: string) => (after[name]! >= before[name]! ? after[name]! - before[name]! : after[name]!);
    return {
      withExtension: extensionPath !== null,
      scriptMs: delta('ScriptDuration') * 1000,
      taskMs: delta('TaskDuration') * 1000,
      heapMB: heap.usedSize / 2 ** 20,
      marked: marks.marked,
      flagged: marks.flagged,
      uiHost,
      trace: analyseTrace(events, url),
      wallMs,
    };
  } finally {
    await browser.close();
  }
}
