import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { floodHtml } from '../../bench/flood/page';
import { analyseTrace, pageMainThread } from '../../bench/page/trace-analyse';
import { closeOnboardingTab } from '../../bench/page/launch';
import { startTrace, stopTrace, type TraceEvent } from '../../bench/page/trace-collect';
import { nestedEventsIn } from './nested-events';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, chromiumArgs, launchWithExtension, startSiteServer } from '../../test/e2e/harness';

/**
 * What runs inside the long tasks of bench:flood's page (50 new comments every 250 ms, a list that
 * only grows; issue 16's goal: no long task from us). Traces the page for `--seconds` with the
 * extension at `--ext` and prints every task over `--min` ms: its length, our JS in it, our frames
 * (inclusive) and the render events nested in it; then our hottest functions.
 *   FRONTLINE_PROFILE_BUILD=1 npx wxt build
 *   npx tsx research/page/probe-flood-growing.ts --ext .output-profile/chrome-mv3 --seconds 60 [--cpu 2]
 * `--cpu N` slows the renderer N times (CDP), so a step whose cost grows with the list shows sooner.
 */
const { values } = parseArgs({
  options: {
    ext: { type: 'string', default: '.output-profile/chrome-mv3' },
    seconds: { type: 'string', default: '60' },
    cpu: { type: 'string', default: '1' },
    min: { type: 'string', default: '30' },
    runs: { type: 'string', default: '1' },
    // Leave the extension's first-run tab open (bench:flood before 2026-12-08 did).
    onboarding: { type: 'boolean', default: false },
    // Only tasks holding this much of our JS are listed.
    ours: { type: 'string', default: '5' },
    // Our frames listed per task (inclusive time).
    frames: { type: 'string', default: '8' },
    // Only tasks that began at or after this many seconds are listed.
    from: { type: 'string', default: '0' },
  },
});

const HOST = 'flood.example';
const NESTED = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'HitTest', 'MajorGC', 'MinorGC', 'FunctionCall', 'TimerFire', 'FireAnimationFrame', 'EvaluateScript', 'v8.compile', 'ParseHTML']);

const nestedIn = (events: TraceEvent[], task: TraceEvent) => nestedEventsIn(events, task, NESTED);

async function oneRun(run: number): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'frontline-flood-probe-'));
  const file = path.join(dir, 'index.html');
  await writeFile(file, floodHtml());
  const server = await startSiteServer({ [HOST]: { '/post/': file } });
  const url = server.url(HOST, '/post/');
  // `--ext none`: the page alone, for what its own frames cost.
  const context =
    values.ext === 'none'
      ? await chromium.launchPersistentContext(await mkdtemp(path.join(os.tmpdir(), 'frontline-flood-plain-')), { executablePath: CHROMIUM_PATH, headless: true, args: chromiumArgs(null, server), viewport: { width: 1280, height: 900 } })
      : (await launchWithExtension({ server, extensionPath: path.resolve(values.ext!) })).context;
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await startTrace(cdp);
    const rate = Number(values.cpu);
    if (rate > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await page.goto(url);
    // As bench:flood now does: the first-run tab closed (left open, it throttled this page's frames to one a second).
    if (!values.onboarding && values.ext !== 'none') {
      const id = new URL(context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'))!.url()).host;
      await closeOnboardingTab(context, id);
      await page.bringToFront();
    }
    await page.waitForTimeout(Number(values.seconds) * 1_000);
    const marked = (await page.evaluate("document.querySelectorAll('[data-frontline-post]').length")) as number;
    // Another tab in front (a first-run page) would leave this one hidden: its timers and frames throttled.
    const shown = (await page.evaluate('document.visibilityState + (document.hasFocus() ? ", focused" : ", not focused")')) as string;
    console.log(`page ${shown}; tabs open: ${context.pages().map((p) => p.url()).join(', ')}`);
    const events = await stopTrace(cdp);
    const trace = analyseTrace(events, url, 0, Number(values.frames));
    const first = events.find((e) => e.name === 'RunTask')!.ts;
    console.log(`run ${run}: marked ${marked}; long tasks ${trace.longTasks} (${trace.longTasksWithExtension} with our JS); our JS ${trace.extensionMs.toFixed(0)} ms; worst of ours in a task ${trace.maxExtensionPerTaskMs.toFixed(1)} ms`);
    const min = Number(values.min) * 1000;
    const { pid, tid } = pageMainThread(events, url);
    const ourTasks = trace.worstExtensionTasks ?? [];
    const tasks = events.filter((e) => e.pid === pid && e.tid === tid && e.name === 'RunTask' && e.ph === 'X' && (e.dur ?? 0) > min).sort((a, b) => a.ts - b.ts);
    console.log(`  tasks over ${values.min} ms: ${tasks.length}; listed: those with over ${values.ours} ms of our JS`);
    for (const task of tasks) {
      const ours = ourTasks.find((t) => Math.abs(t.taskMs - task.dur! / 1000) < 0.001);
      if ((ours?.extensionMs ?? 0) < Number(values.ours) || (task.ts - first) / 1e6 < Number(values.from)) continue;
      console.log(`  task ${(task.dur! / 1000).toFixed(0)} ms at +${((task.ts - first) / 1e6).toFixed(1)} s, ours ${ours?.extensionMs.toFixed(1) ?? 0} ms: ${nestedIn(events, task)}`);
      if (ours) for (const f of ours.frames) console.log(`      ${f}`);
    }
    for (const f of (trace.topInclusive ?? []).slice(0, 25)) console.log(`  incl ${f}`);
  } finally {
    await context.close();
    await server.close();
  }
}

for (let i = 1; i <= Number(values.runs); i++) await oneRun(i);
