import { percentile } from './trace-analyse';
import type { RunResult, Scenario } from './measure-run';

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
const verdict = (ok: boolean) => (ok ? 'ok' : 'OVER GOAL');

export function printTable(rows: Array<{ scenario: Scenario; run: RunResult }>): void {
  const head = ['page', 'run', 'script ms', 'task ms', 'ext JS ms', 'long tasks', 'ext-caused', 'heap MB', 'marked', 'flagged', 'wall s'];
  const body = rows.map(({ scenario, run }) => [
    scenario.name,
    run.withExtension ? 'with' : 'without',
    fmt(run.scriptMs),
    fmt(run.taskMs),
    fmt(run.trace.extensionMs),
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

export function printVerdicts(scenario: Scenario, without: RunResult, withExt: RunResult): void {
  const scriptRatio = withExt.scriptMs / without.scriptMs;
  const taskRatio = withExt.taskMs / without.taskMs;
  const perPost = withExt.trace.perPostUs;
  const median = percentile(perPost, 50);
  const p99 = percentile(perPost, 99);
  const meanUs = (withExt.trace.extensionMs * 1000) / Math.max(1, withExt.marked);
  const heapGrowth = withExt.heapMB - without.heapMB;
  const allMarked = withExt.marked >= scenario.posts;
  console.log(`\n${scenario.name}:`);
  console.log(
    `  scripting ratio with/without  ${fmt(scriptRatio, 2)}  (goal <= 1.10: ${verdict(scriptRatio <= 1.1)})` +
      `   [${fmt(withExt.scriptMs)} / ${fmt(without.scriptMs)} ms; extra ${fmt(withExt.scriptMs - without.scriptMs)} ms]`,
  );
  console.log(`  task-time ratio with/without  ${fmt(taskRatio, 2)}  (all main-thread work, incl. style/layout)`);
  console.log(
    `  long tasks attributable        ${withExt.trace.longTasksCausedByExtension}  (goal 0: ${verdict(withExt.trace.longTasksCausedByExtension === 0)})` +
      `   [long tasks with/without ${withExt.trace.longTasks}/${without.trace.longTasks}; with extension code inside ${withExt.trace.longTasksWithExtension}; worst extension time in one task ${fmt(withExt.trace.maxExtensionPerTaskMs, 2)} ms]`,
  );
  console.log(
    `  cost per post median / p99     ${fmt(median, 1)} µs / ${fmt(p99 / 1000, 3)} ms  (goal <= 50 µs: ${verdict(median <= 50)}, <= 1 ms: ${verdict(p99 <= 1000)})` +
      `   [mean incl. overhead ${fmt(meanUs, 1)} µs; ${fmt(withExt.trace.extensionWithoutPostsMs)} ms in tasks that marked nothing]`,
  );
  console.log(`  heap growth (with - without)   ${fmt(heapGrowth, 2)} MB  (goal <= 5 MB: ${verdict(heapGrowth <= 5)})`);
  console.log(
    `  all posts marked               ${allMarked ? 'yes' : 'NO'}: ${withExt.marked} of ${scenario.posts} (${withExt.flagged} flagged, shadow host ${withExt.uiHost ? 'present' : 'absent'})`,
  );
  console.log(
    `  method: extension time = V8 samples (${fmt(withExt.trace.sampleIntervalUs, 0)} µs apart) with a chrome-extension:// frame on the stack; per post = that time ÷ posts marked in the same task`,
  );
  if (process.env.FRONTLINE_BENCH_PROFILE && withExt.trace.topFrames) {
    console.log('  hottest extension functions (self time):');
    for (const line of withExt.trace.topFrames) console.log(`    ${line}`);
    console.log('  hottest extension functions (inclusive):');
    for (const line of withExt.trace.topInclusive ?? []) console.log(`    ${line}`);
  }
}
