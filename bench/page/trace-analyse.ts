import type { TraceEvent } from './trace-collect';

const LONG_TASK_US = 50_000;
const EXTENSION_URL = 'chrome-extension://';

export interface TraceSummary {
  /** Median gap between CPU samples on the page's main thread (µs): the resolution of everything below. */
  sampleIntervalUs: number;
  /** JS time with a chrome-extension:// frame anywhere on the stack (ms). */
  extensionMs: number;
  longTasks: number;
  /** Long tasks with any extension frame in them. */
  longTasksWithExtension: number;
  /** Long tasks that would have stayed under 50 ms without the extension's part. */
  longTasksCausedByExtension: number;
  /**
   * Of those, the ones that evaluated one of our scripts (an `EvaluateScript` of a chrome-extension://
   * URL inside the task): the cost of loading the script, paid on every page, not of what it did there.
   */
  longTasksCausedByEvaluation: number;
  /** The largest amount of extension time inside one task (ms): the worst slice. */
  maxExtensionPerTaskMs: number;
  /** The extension's hottest functions by self time, for finding what to make cheaper. */
  topFrames?: string[];
  /** The same by inclusive time (the function or anything it called). */
  topInclusive?: string[];
  /** Posts the page saw marked, from User Timing marks (see page-probe.ts). */
  markedInTrace: number;
  /** Extension time ÷ posts marked, per task that marked posts, one entry per post (µs). */
  perPostUs: number[];
  /** Extension time in tasks that marked nothing (observer intake, UI mount, messages) (ms). */
  extensionWithoutPostsMs: number;
  /** Style recalculation, layout and paint on the page's main thread (ms), by trace event name. */
  render: Record<RenderEvent, number>;
  /** The same work inside tasks that also ran extension code: what our writes forced or came with (ms). */
  renderInExtensionTasksMs: number;
  /**
   * The tasks with the most extension time (over 30 ms of ours unless asked otherwise), each with its duration and the
   * extension frames on the stack there (inclusive ms): which step made a long task ours.
   */
  worstExtensionTasks?: Array<{ taskMs: number; extensionMs: number; evaluation: boolean; frames: string[] }>;
  /** Every complete event on the main thread by name (ms, nested ones counted again): for diffing runs. */
  byName?: Record<string, number>;
}

/**
 * What the page "feels" beyond script: style recalculation, layout, pre-paint and paint (issue 18).
 * PrePaint (paint properties and invalidation, each frame) was left out until the 50,000-comment
 * page's profile showed it: 8.4 s with us against 0.7 s without, the largest item of the task time
 * there, in no other column.
 */
export const RENDER_EVENTS = ['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint'] as const;
export type RenderEvent = (typeof RENDER_EVENTS)[number];
const isRenderEvent = (name: string): name is RenderEvent => (RENDER_EVENTS as readonly string[]).includes(name);

export interface Sample {
  ts: number;
  weight: number;
  extension: boolean;
  frame: string;
  /** Distinct extension frames on the stack, for inclusive time. */
  stack: string[];
}

/** The renderer main thread of the frame showing `url` (the only one that runs the page and the content script). */
export function pageMainThread(events: TraceEvent[], url: string): { pid: number; tid: number } {
  let pid: number | undefined;
  for (const e of events) {
    // Frames open when tracing started, then every navigation commit (ours starts on about:blank).
    const frames: Array<{ url: string; processId: number }> | undefined =
      e.name === 'TracingStartedInBrowser' ? e.args?.data?.frames : e.name === 'FrameCommittedInBrowser' ? [e.args?.data] : undefined;
    const frame = frames?.find((f) => f?.url?.startsWith(url));
    if (frame) pid = frame.processId;
  }
  if (pid === undefined) throw new Error(`no renderer for ${url} in the trace`);
  const thread = events.find((e) => e.pid === pid && e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!thread) throw new Error(`no CrRendererMain in renderer ${pid}`);
  return { pid, tid: thread.tid };
}

/** V8 profile chunks → samples, each weighted by the time until the next one, and tagged by stack. */
export function samplesOf(events: TraceEvent[], pid: number, tid: number): Sample[] {
  const profile = events.find((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid);
  if (!profile) throw new Error('no CPU profile for the page thread (was the v8.cpu_profiler category recorded?)');
  const parents = new Map<number, number | undefined>();
  const ownExtension = new Map<number, boolean>();
  const frames = new Map<number, string>();
  const stamps: Array<{ ts: number; node: number }> = [];
  let ts = profile.args!.data.startTime as number;
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || e.id !== profile.id || e.pid !== pid) continue;
    const data = e.args!.data;
    for (const node of data.cpuProfile?.nodes ?? []) {
      parents.set(node.id, node.parent);
      ownExtension.set(node.id, String(node.callFrame?.url ?? '').startsWith(EXTENSION_URL));
      frames.set(node.id, `${node.callFrame?.functionName || '(anonymous)'} ${String(node.callFrame?.url ?? '').split('/').pop()}:${node.callFrame?.lineNumber ?? ''}`);
    }
    const samples: number[] = data.cpuProfile?.samples ?? [];
    const deltas: number[] = data.timeDeltas ?? [];
    samples.forEach((node, n) => {
      ts += deltas[n] ?? 0;
      stamps.push({ ts, node });
    });
  }
  const onStack = new Map<number, boolean>();
  const isExtension = (id: number): boolean => {
    const known = onStack.get(id);
    if (known !== undefined) return known;
    const parent = parents.get(id);
    const result = ownExtension.get(id) === true || (parent !== undefined && isExtension(parent));
    onStack.set(id, result);
    return result;
  };
  const stacks = new Map<number, string[]>();
  const stackOf = (id: number): string[] => {
    let known = stacks.get(id);
    if (known) return known;
    const parent = parents.get(id);
    const above = parent === undefined ? [] : stackOf(parent);
    const own = ownExtension.get(id) ? frames.get(id) : undefined;
    known = own && !above.includes(own) ? [...above, own] : above;
    stacks.set(id, known);
    return known;
  };
  stamps.sort((a, b) => a.ts - b.ts);
  const gaps = stamps.slice(1).map((s, n) => s.ts - stamps[n]!.ts).sort((a, b) => a - b);
  const typical = gaps[Math.floor(gaps.length / 2)] ?? 100;
  // A long gap is the profiler idling, not work: cap a sample's weight at a few intervals.
  return stamps.map((s, n) => ({
    ts: s.ts,
    weight: Math.min((stamps[n + 1]?.ts ?? s.ts + typical) - s.ts, 4 * typical),
    extension: isExtension(s.node),
    frame: frames.get(s.node) ?? '',
    stack: stackOf(s.node),
  }));
}

/** `worstOverMs`: the tasks listed in worstExtensionTasks hold more than this much of our JS (a probe may ask for less). */
export function analyseTrace(events: TraceEvent[], url: string, worstOverMs = 30, framesPerTask = 8): TraceSummary {
  const { pid, tid } = pageMainThread(events, url);
  const samples = samplesOf(events, pid, tid);
  const gaps = samples.map((s) => s.weight).sort((a, b) => a - b);
  const tasks = events
    .filter((e) => e.pid === pid && e.tid === tid && e.name === 'RunTask' && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts);
  const marks = events
    .filter((e) => e.pid === pid && e.cat.includes('blink.user_timing') && e.name.startsWith('frontline-marked:'))
    .map((e) => ({ ts: e.ts, count: Number(e.name.slice('frontline-marked:'.length)) }))
    .sort((a, b) => a.ts - b.ts);

  const summary: TraceSummary = {
    sampleIntervalUs: gaps[Math.floor(gaps.length / 2)] ?? 0,
    extensionMs: samples.reduce((sum, s) => sum + (s.extension ? s.weight : 0), 0) / 1000,
    longTasks: 0,
    longTasksWithExtension: 0,
    longTasksCausedByExtension: 0,
    longTasksCausedByEvaluation: 0,
    maxExtensionPerTaskMs: 0,
    markedInTrace: marks.reduce((sum, m) => sum + m.count, 0),
    perPostUs: [],
    extensionWithoutPostsMs: 0,
    render: { UpdateLayoutTree: 0, Layout: 0, PrePaint: 0, Paint: 0 },
    renderInExtensionTasksMs: 0,
  };
  const renders = renderSpans(events, pid, tid);
  const evaluations = events
    .filter((e) => e.pid === pid && e.tid === tid && e.name === 'EvaluateScript' && String(e.args?.data?.url ?? '').startsWith(EXTENSION_URL))
    .map((e) => e.ts);
  const byName = new Map<string, number>();
  for (const e of events) {
    if (e.pid !== pid || e.tid !== tid || e.ph !== 'X' || e.dur === undefined) continue;
    byName.set(e.name, (byName.get(e.name) ?? 0) + e.dur / 1000);
  }
  summary.byName = Object.fromEntries(byName);
  for (const r of renders) summary.render[r.name] += r.dur / 1000;

  // Tasks on one thread do not overlap, so one pass with two cursors assigns samples and marks.
  let s = 0;
  let m = 0;
  let r = 0;
  for (const task of tasks) {
    const end = task.ts + task.dur!;
    while (s < samples.length && samples[s]!.ts < task.ts) s++;
    while (m < marks.length && marks[m]!.ts < task.ts) m++;
    let extUs = 0;
    const first = s;
    for (; s < samples.length && samples[s]!.ts <= end; s++) if (samples[s]!.extension) extUs += samples[s]!.weight;
    if (extUs > worstOverMs * 1000) {
      const inTask = new Map<string, number>();
      for (let k = first; k < s; k++) for (const frame of samples[k]!.stack) inTask.set(frame, (inTask.get(frame) ?? 0) + samples[k]!.weight);
      const frames = [...inTask].sort((a, b) => b[1] - a[1]).slice(0, framesPerTask).map(([f, us]) => `${(us / 1000).toFixed(1)} ${f}`);
      const evaluation = evaluations.some((ts) => ts >= task.ts && ts <= end);
      (summary.worstExtensionTasks ??= []).push({ taskMs: task.dur! / 1000, extensionMs: extUs / 1000, evaluation, frames });
    }
    let posts = 0;
    for (; m < marks.length && marks[m]!.ts <= end; m++) posts += marks[m]!.count;
    while (r < renders.length && renders[r]!.ts < task.ts) r++;
    let renderUs = 0;
    for (; r < renders.length && renders[r]!.ts <= end; r++) renderUs += renders[r]!.dur;
    if (extUs > 0) summary.renderInExtensionTasksMs += renderUs / 1000;
    summary.maxExtensionPerTaskMs = Math.max(summary.maxExtensionPerTaskMs, extUs / 1000);
    if (posts > 0) for (let p = 0; p < posts; p++) summary.perPostUs.push(extUs / posts);
    else summary.extensionWithoutPostsMs += extUs / 1000;
    if (task.dur! <= LONG_TASK_US) continue;
    summary.longTasks++;
    if (extUs > 0) summary.longTasksWithExtension++;
    if (extUs > 0 && task.dur! - extUs <= LONG_TASK_US) {
      summary.longTasksCausedByExtension++;
      if (evaluations.some((ts) => ts >= task.ts && ts <= end)) summary.longTasksCausedByEvaluation++;
    }
  }
  summary.perPostUs.sort((a, b) => a - b);
  // Where the extension's time goes: self time by leaf frame (names survive only in unminified builds).
  const self = new Map<string, number>();
  for (const sample of samples) if (sample.extension) self.set(sample.frame, (self.get(sample.frame) ?? 0) + sample.weight);
  const inclusive = new Map<string, number>();
  for (const sample of samples) for (const frame of sample.stack) inclusive.set(frame, (inclusive.get(frame) ?? 0) + sample.weight);
  const top = (m: Map<string, number>, n: number) =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([frame, us]) => `${(us / 1000).toFixed(1)} ms  ${frame}`);
  summary.topFrames = top(self, 12);
  summary.topInclusive = top(inclusive, 30);
  return summary;
}

/**
 * Style, layout and paint spans on one thread, outermost only (a forced layout inside a style
 * recalculation is not counted twice). Chromium writes them as complete events ('X') or as
 * begin/end pairs, depending on the version.
 */
function renderSpans(events: TraceEvent[], pid: number, tid: number): Array<{ name: RenderEvent; ts: number; dur: number }> {
  const spans: Array<{ name: RenderEvent; ts: number; dur: number }> = [];
  const open = new Map<string, number[]>();
  for (const e of events) {
    if (e.pid !== pid || e.tid !== tid || !isRenderEvent(e.name)) continue;
    if (e.ph === 'X' && e.dur !== undefined) spans.push({ name: e.name, ts: e.ts, dur: e.dur });
    else if (e.ph === 'B') open.set(e.name, [...(open.get(e.name) ?? []), e.ts]);
    else if (e.ph === 'E') {
      const starts = open.get(e.name);
      const ts = starts?.pop();
      if (ts !== undefined) spans.push({ name: e.name, ts, dur: e.ts - ts });
    }
  }
  spans.sort((a, b) => a.ts - b.ts);
  const outer: typeof spans = [];
  let until = -Infinity;
  for (const span of spans) {
    if (span.ts < until) continue;
    outer.push(span);
    until = span.ts + span.dur;
  }
  return outer;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
