import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { FLOOD_HOST, FLOOD_STATIC_PATH, floodStaticHtml } from '../../bench/page/flood-pages';
import { analyseTrace } from '../../bench/page/trace-analyse';
import { startTrace, stopTrace, type TraceEvent } from '../../bench/page/trace-collect';
import { nestedEventsIn } from './nested-events';
import type { Page } from 'playwright-core';
import { launchWithExtension, startSiteServer } from '../../test/e2e/harness';

/**
 * Which step of ours makes a long task on the 50,000-comment flood page (issue 18, issue 16 item 4).
 * `npx tsx research/page/probe-flood-tasks.ts --ext .output-profile/chrome-mv3 --runs 3 --cpu 4`
 * (build with FRONTLINE_PROFILE_BUILD=1 for readable names). Each run: the e2e's visit (top, a jump to
 * comment 25,000) plus a few wheel scrolls and a jump to the end. `--cpu N` slows the renderer N times
 * (CDP CPU throttling, from the load event on), which makes a step that is unsliced show as a long task on a fast machine too.
 * `--mode skim` scrolls as bench:page does instead (2,500 px every 50 ms for 15 s).
 * Prints, for every task with over `--min` ms of ours, our frames and the render events nested in it.
 */

const { values } = parseArgs({
  options: {
    ext: { type: 'string', default: '.output-profile/chrome-mv3' },
    runs: { type: 'string', default: '1' },
    cpu: { type: 'string', default: '1' },
    min: { type: 'string', default: '20' },
    // visit: the e2e's visit (jumps, a few wheels); skim: bench:page's scroll (2,500 px every 50 ms for 15 s).
    mode: { type: 'string', default: 'visit' },
    // Also print our hottest functions (self and inclusive time): where the per-post cost goes.
    hot: { type: 'boolean', default: false },
  },
});

const NESTED = new Set(['UpdateLayoutTree', 'Layout', 'HitTest', 'Paint', 'PrePaint', 'ParseAuthorStyleSheet', 'RecalculateStyles', 'MajorGC', 'MinorGC', 'V8.GC_MC_BACKGROUND_MARKING', 'FunctionCall', 'TimerFire', 'FireAnimationFrame']);

const nestedIn = (events: TraceEvent[], task: TraceEvent) => nestedEventsIn(events, task, NESTED);

async function visit(page: Page): Promise<void> {
  await page.waitForTimeout(6_000);
  await page.evaluate(() => document.getElementById('comment-25000')!.scrollIntoView());
  await page.waitForTimeout(4_000);
  for (let i = 0; i < 6; i++) {
    await page.mouse.wheel(0, 1500);
    await page.waitForTimeout(400);
  }
  await page.waitForTimeout(2_000);
  await page.evaluate(() => document.getElementById('comment-49990')!.scrollIntoView());
  await page.waitForTimeout(4_000);
}

async function oneRun(run: number): Promise<void> {
  const html = floodStaticHtml();
  const server = await startSiteServer({
    [FLOOD_HOST]: (req: IncomingMessage, res: ServerResponse) => {
      if (req.url !== FLOOD_STATIC_PATH) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    },
  });
  const browser = await launchWithExtension({ server, extensionPath: path.resolve(values.ext!) });
  try {
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    const rate = Number(values.cpu);
    const url = server.url(FLOOD_HOST, FLOOD_STATIC_PATH);
    await startTrace(cdp);
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    // After the page's own build of 50,000 comments (throttled, the load itself takes minutes).
    if (rate > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    if (values.mode === 'skim') {
      await page.mouse.move(640, 450);
      for (const until = Date.now() + 15_000; Date.now() < until; ) {
        await page.mouse.wheel(0, 2500);
        await page.waitForTimeout(50);
      }
      await page.waitForTimeout(1_000);
    } else await visit(page);
    const events = await stopTrace(cdp);
    const trace = analyseTrace(events, url, Number(values.min));
    const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
    console.log(
      `run ${run}: long tasks ${trace.longTasks}, with ours ${trace.longTasksWithExtension}, caused by us ${trace.longTasksCausedByExtension} ` +
        `(${trace.longTasksCausedByEvaluation} evaluating); worst of ours ${trace.maxExtensionPerTaskMs.toFixed(1)} ms; our JS ${trace.extensionMs.toFixed(0)} ms; heap ${(heap / 1e6).toFixed(1)} MB`,
    );
    if (values.hot) {
      console.log(`  posts marked (trace) ${trace.markedInTrace}; our JS per post ${((trace.extensionMs * 1000) / Math.max(1, trace.markedInTrace)).toFixed(0)} µs`);
      for (const f of trace.topFrames ?? []) console.log(`  self ${f}`);
      for (const f of trace.topInclusive ?? []) console.log(`  incl ${f}`);
    }
    const min = Number(values.min) * 1000;
    // Tasks again, to show what ran nested in the worst ones.
    const worst = trace.worstExtensionTasks ?? [];
    for (const t of worst) if (t.evaluation || t.taskMs > 50) console.log(`  ${t.taskMs.toFixed(0)} ms task, ${t.extensionMs.toFixed(0)} ms ours${t.evaluation ? ' (evaluation)' : ''}: ${t.frames.join(' < ')}`);
    const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && (e.dur ?? 0) > Math.max(min, 50_000));
    for (const task of tasks) {
      const nested = nestedIn(events, task);
      if (nested.includes('FunctionCall') || nested.includes('TimerFire') || nested.includes('FireAnimationFrame')) {
        console.log(`  long task ${(task.dur! / 1000).toFixed(0)} ms at +${((task.ts - events.find((e) => e.name === 'RunTask')!.ts) / 1e6).toFixed(1)} s: ${nested}`);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

for (let i = 1; i <= Number(values.runs); i++) await oneRun(i);
