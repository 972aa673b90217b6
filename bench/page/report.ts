import { percentile, RENDER_EVENTS } from './trace-analyse';
import type { RunResult, Scenario } from './measure-run';

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
const verdict = (ok: boolean) => (ok ? 'ok' : 'OVER GOAL');
const renderMs = (run: RunResult) => RENDER_EVENTS.reduce((sum, name) => sum + run.trace.render[name], 0);

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Our JS per post marked, all extension time included (observers, UI, messages): the goal's "mean incl. overhead". */
export const meanUsPerPost = (run: RunResult) => (run.trace.extensionMs * 1000) / Math.max(1, run.marked);

export function printTable(rows: Array<{ scenario: Scenario; run: RunResult }>): void {
  const head = ['page', 'run', 'task ms', 'style+layout+prepaint+paint ms', 'script ms', 'ext JS ms', 'µs/post', 'long tasks', 'ext-caused', 'heap MB', 'marked', 'flagged', 'wall s'];
  const body = rows.map(({ scenario, run }) => [
    scenario.name,
    run.withExtension ? 'with' : 'without',
    fmt(run.taskMs),
    fmt(renderMs(run)),
    fmt(run.scriptMs),
    fmt(run.trace.extensionMs),
    run.withExtension ? fmt(meanUsPerPost(run)) : '',
    String(run.trace.longTasks),
    String(run.trace.longTasksCausedByExtension),
    fmt(run.heapMB, 2),
    String(run.marked),
    String(run.flagged),
    fmt(run.wallMs / 1000),
  ]);
  const widths = head.map((h, c) => Math.max(h.length, ...body.map((r) => r[c]!.length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  console.log(line(head));
  for (const r of body) console.log(line(r));
}

/** Goals of issue 18, judged on medians over the runs of one page (pairs measured back to back). */
export function printVerdicts(scenario: Scenario, without: RunResult[], withExt: RunResult[]): void {
  const pairs = Math.min(without.length, withExt.length);
  const pairRatios = Array.from({ length: pairs }, (_, i) => withExt[i]!.taskMs / without[i]!.taskMs);
  const taskRatio = median(pairRatios);
  const longWith = median(withExt.map((r) => r.trace.longTasks));
  const longWithout = median(without.map((r) => r.trace.longTasks));
  const meanUs = median(withExt.map(meanUsPerPost));
  const perPostMedian = median(withExt.map((r) => percentile(r.trace.perPostUs, 50)));
  const heapGrowth = median(withExt.map((r) => r.heapMB)) - median(without.map((r) => r.heapMB));
  const m = (runs: RunResult[], f: (r: RunResult) => number) => median(runs.map(f));
  console.log(`\n${scenario.name}  (medians of ${withExt.length} run(s) each way):`);
  console.log(
    `  task-time ratio with/without   ${fmt(taskRatio, 2)}  (goal <= 1.05: ${verdict(taskRatio <= 1.05)})` +
      `   [per pair ${pairRatios.map((r) => fmt(r, 2)).join(', ')}; task ms ${fmt(m(withExt, (r) => r.taskMs))} / ${fmt(m(without, (r) => r.taskMs))}]`,
  );
  const parts = RENDER_EVENTS.map(
    (name) => `${name} ${fmt(m(withExt, (r) => r.trace.render[name]))} / ${fmt(m(without, (r) => r.trace.render[name]))}`,
  );
  console.log(
    `  style+layout+prepaint+paint ms ${fmt(m(withExt, renderMs))} with / ${fmt(m(without, renderMs))} without  (+${fmt(m(withExt, renderMs) - m(without, renderMs))})` +
      `   [${parts.join('; ')}; in tasks running our JS ${fmt(m(withExt, (r) => r.trace.renderInExtensionTasksMs))}]`,
  );
  console.log(
    `  long tasks with / without      ${fmt(longWith, 0)} / ${fmt(longWithout, 0)}  (goal with <= without + 1: ${verdict(longWith <= longWithout + 1)})` +
      `   [attributable to our JS ${withExt.map((r) => r.trace.longTasksCausedByExtension).join(', ')} (of them evaluating our script ${withExt.map((r) => r.trace.longTasksCausedByEvaluation).join(', ')}); worst extension time in one task ${fmt(Math.max(...withExt.map((r) => r.trace.maxExtensionPerTaskMs)), 2)} ms]`,
  );
  console.log(
    `  our JS per post, mean          ${fmt(meanUs, 1)} µs  (goal <= 35 µs: ${verdict(meanUs <= 35)})` +
      `   [per-slice median ${fmt(perPostMedian, 1)} µs; our JS ${fmt(m(withExt, (r) => r.trace.extensionMs))} ms, ${fmt(m(withExt, (r) => r.trace.extensionWithoutPostsMs))} ms of it in tasks that marked nothing]`,
  );
  console.log(`  heap growth (with - without)   ${fmt(heapGrowth, 2)} MB  (goal <= 3 MB: ${verdict(heapGrowth <= 3)})`);
  const marked = m(withExt, (r) => r.marked);
  console.log(
    `  posts marked                   ${fmt(marked, 0)} of ${scenario.posts}${scenario.durationMs !== undefined ? ' (flood: visible first, the rest when the budget allows)' : marked >= scenario.posts ? '' : ' — NOT ALL'}` +
      `   [flagged ${fmt(m(withExt, (r) => r.flagged), 0)}; shadow host ${withExt.every((r) => r.uiHost) ? 'present' : 'absent in some run'}]`,
  );
  if (process.env.FRONTLINE_BENCH_EVENTS) printEventDiff(without, withExt);
  if (process.env.FRONTLINE_BENCH_PROFILE) {
    const run = withExt[0]!;
    console.log('  hottest extension functions (self time):');
    for (const line of run.trace.topFrames ?? []) console.log(`    ${line}`);
    console.log('  hottest extension functions (inclusive):');
    for (const line of run.trace.topInclusive ?? []) console.log(`    ${line}`);
    console.log('  tasks with over 30 ms of ours (first run):');
    for (const t of run.trace.worstExtensionTasks ?? []) console.log(`    ${t.taskMs.toFixed(0)} ms task, ${t.extensionMs.toFixed(1)} ms ours${t.evaluation ? ' (evaluation)' : ''}: ${t.frames.join(' < ')}`);
  }
}

/** Which trace events grew with the extension (medians, ms): where the page's extra work is. */
function printEventDiff(without: RunResult[], withExt: RunResult[]): void {
  const names = new Set([...without, ...withExt].flatMap((r) => Object.keys(r.trace.byName ?? {})));
  const at = (runs: RunResult[], name: string) => median(runs.map((r) => r.trace.byName?.[name] ?? 0));
  const diffs = [...names].map((name) => ({ name, w: at(withExt, name), wo: at(without, name) })).sort((a, b) => b.w - b.wo - (a.w - a.wo));
  console.log('  trace events that grew most (median ms with / without):');
  for (const d of diffs.slice(0, 15)) console.log(`    +${fmt(d.w - d.wo)}  ${d.name}  (${fmt(d.w)} / ${fmt(d.wo)})`);
}
