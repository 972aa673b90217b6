import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { pageMainThread, samplesOf } from '../../bench/page/trace-analyse';
import type { TraceEvent } from '../../bench/page/trace-collect';

/**
 * Where our JS went on one page, by step: reads a trace kept by bench:page (profile build,
 * `BENCH_TRACE_DIR=dir FRONTLINE_EXTENSION=.output-profile/chrome-mv3 npm run bench:page`) and gives
 * each of our samples to the innermost step on its stack that the list below names (ms, and µs a
 * post marked when `--posts` is given).
 *   npx tsx research/page/probe-cost-split.ts --trace dir/flood.example-with.json --url http://flood.example [--posts 4050]
 */
const { values } = parseArgs({ options: { trace: { type: 'string' }, url: { type: 'string' }, posts: { type: 'string' } } });

/** Function name → step; the innermost named frame of a sample decides. */
const STEPS: Array<[RegExp, string]> = [
  [/^(readCoreLight|readEpoch) /, 'reader: light read'],
  [/^readCore /, 'reader: full read (completeRead)'],
  [/^(visibleText|foldWhitespace) /, 'visibleText / fold (under a read)'],
  [/^(markPost|markNotRead|ensureMarkStyles) /, 'marks: attribute writes'],
  [/^(packScoreItems|clipText|fitMessage|packSeen\w*|fitPost\w*) /, 'messages: packing'],
  [/^(request|ask|seen) /, 'messages: port send'],
  [/^(parseReply|safeParse|unpackScoreAnswer|_parse|parse) /, 'messages: answer parse'],
  [/^(messageSchemas|init_\w+|__commonJSMin|__esmMin) /, 'start: modules and schemas'],
  [/^(pass|timed|onReport|measure|placeChip\w*|edgeCovers|renderChips?\w*) /, 'chips'],
  [/^(searchPiece|expand|place|queueFound|split|isBig|isBigPiece|nextPiece|reseek|cursorAt) /, 'scanner: search'],
  [/^(read|step|pump) /, 'scanner: read step'],
  [/^(show) /, 'marking slice'],
  [/^(flush) /, 'frame writes'],
  [/^(addFlagged|emit|notify) /, 'store'],
];

async function main(): Promise<void> {
  const events = JSON.parse(await readFile(values.trace!, 'utf8')) as TraceEvent[];
  const { pid, tid } = pageMainThread(events, values.url!);
  const samples = samplesOf(events, pid, tid);
  const byStep = new Map<string, number>();
  const leaves = new Map<string, Map<string, number>>();
  let total = 0;
  for (const s of samples) {
    if (!s.extension) continue;
    total += s.weight;
    let step = 'other';
    const stack = [...s.stack, s.frame];
    for (let i = stack.length - 1; i >= 0 && step === 'other'; i--) {
      const hit = STEPS.find(([re]) => re.test(stack[i]!));
      if (hit) step = hit[1];
    }
    byStep.set(step, (byStep.get(step) ?? 0) + s.weight);
    const l = leaves.get(step) ?? new Map<string, number>();
    // Unnamed steps by where they entered our code and what they ran there.
    const key = step === 'other' ? `${s.stack[0] ?? '-'} > ${s.frame}` : s.frame;
    l.set(key, (l.get(key) ?? 0) + s.weight);
    leaves.set(step, l);
  }
  const posts = Number(values.posts ?? 0);
  console.log(`our JS ${(total / 1000).toFixed(1)} ms${posts ? `, ${(total / posts).toFixed(1)} µs a post` : ''}`);
  for (const [step, us] of [...byStep].sort((a, b) => b[1] - a[1])) {
    const top = [...leaves.get(step)!].sort((a, b) => b[1] - a[1]).slice(0, step === 'other' ? 14 : 4).map(([f, u]) => `${f} ${(u / 1000).toFixed(1)}`).join('; ');
    console.log(`${(us / 1000).toFixed(1).padStart(8)} ms ${posts ? `${(us / posts).toFixed(1).padStart(6)} µs/post ` : ''} ${step.padEnd(36)} [${top}]`);
  }
}

void main();
