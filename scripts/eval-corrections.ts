/**
 * npm run eval:corrections — does the detector learn from an agent's corrections, and at what
 * cost elsewhere? (issue 20, item 5)
 *
 * A simulated agent starts from the shipped recipe fitted on tweets only (scripts/detect/tweet-base.ts)
 * and works on finance posts. It reads the flagged posts of its queue in order, and where the
 * verdict is wrong it says so with the helper's buttons: "Not a complaint" on a flagged
 * non-complaint, "More/Less severe" until the level is the labelled one. It cannot act on a
 * post that was not flagged (the helper never shows it). The layer (lib/detect/adapt.ts) is
 * refitted every 10 corrections, as the background refits it after each one.
 * Scored on other finance posts (texts that also appear in the queue are removed), and on
 * held-out tweets to check that the other domain is not forgotten (issue: ≤ 2 points).
 *
 * Finance posts are split in two halves: `--tune` reports on the first (used to choose FIT in
 * adapt.ts), the default reports on the second, which tuning never read. Three queue orders.
 */
import { adaptLevel, adaptVerdict, FIT, fitAdapter, type Adapter, type Correction, type FitOptions } from '../lib/detect/adapt';
import type { Severity } from '../lib/types';
import { loadCorpus } from './detect/featurise';
import { rng, shuffle, stratifiedFolds } from './detect/folds';
import { macroF1, withinOne } from './detect/metrics';
import { LEVELS, SEED } from './detect/pipeline';
import type { Row } from './detect/data';
import { trainTweetBase } from './detect/tweet-base';

const started = Date.now();
const tune = process.argv.includes('--tune');
const BUDGETS = [50, 200];
const ORDERS = [1, 2, 3];
const pct = (v: number) => (100 * v).toFixed(1);
const sign = (v: number) => `${v >= 0 ? '+' : ''}${(100 * v).toFixed(1)}`;

const { tweets, finance } = loadCorpus();
const tweetFolds = stratifiedFolds(tweets.map((r) => r.complaint), 5, SEED);
const tweetTrain = tweets.filter((_, i) => tweetFolds[i] !== 0);
const tweetTest = tweets.filter((_, i) => tweetFolds[i] === 0);
process.stderr.write('training the tweet-only model…\n');
const model = trainTweetBase(tweetTrain);

const halves = shuffle(finance.map((_, i) => i), rng(SEED + 11));
const half = halves.slice(tune ? 0 : finance.length >> 1, tune ? finance.length >> 1 : finance.length).map((i) => finance[i]!);
const queueAll = half.slice(0, half.length >> 1);
const queueTexts = new Set(queueAll.map((r) => r.text.trim().toLowerCase()));
const financeTest = half.slice(half.length >> 1).filter((r) => !queueTexts.has(r.text.trim().toLowerCase()));

interface Scores { complaintF1: number; severityF1: number; withinOne: number }

function score(rows: Row[], adapter: Adapter | null): Scores {
  const truth = rows.map((r) => r.complaint);
  const pred = rows.map((r) => (adaptVerdict(model.verdict(r.text), r.text, adapter, model.threshold).complaint ? 1 : 0));
  const rated = rows.filter((r) => r.complaint === 1 && LEVELS.includes(r.severity ?? 0));
  const levels = rated.map((r) => {
    const base = model.base(r.text).severity;
    return adapter ? adaptLevel(adapter, r.text, base) : base;
  });
  const ys = rated.map((r) => r.severity!);
  return { complaintF1: macroF1(truth, pred, [0, 1]), severityF1: macroF1(ys, levels, LEVELS), withinOne: withinOne(ys, levels) };
}

/** The agent's corrections, in the order made, up to `budget`; the layer refitted every 10. */
function simulate(queue: Row[], budget: number, opts: FitOptions): Correction[] {
  const corrections: Correction[] = [];
  let adapter: Adapter | null = null;
  for (const r of queue) {
    if (corrections.length >= budget) break;
    const v = adaptVerdict(model.verdict(r.text), r.text, adapter, model.threshold);
    if (!v.complaint) continue;
    const truth: Severity = r.complaint === 1 ? ((r.severity ?? 1) as Severity) : 0;
    if (truth === v.severity) continue;
    corrections.push({ text: r.text, level: truth });
    if (corrections.length % 10 === 0) adapter = fitAdapter(corrections, model.base, opts);
  }
  return corrections;
}

function run(opts: FitOptions) {
  const before = { finance: score(financeTest, null), tweets: score(tweetTest, null) };
  const after = BUDGETS.map((budget) => ORDERS.map((order) => {
    const queue = shuffle(queueAll, rng(SEED + 100 * order));
    const corrections = simulate(queue, budget, opts);
    const adapter = fitAdapter(corrections, model.base, opts);
    return { n: corrections.length, finance: score(financeTest, adapter), tweets: score(tweetTest, adapter) };
  }));
  return { before, after };
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
// Tuning only: FIT_GRID='[{"l2":0.1}, ...]' prints one summary line per variant of FIT.
if (tune && process.env.FIT_GRID) {
  for (const change of JSON.parse(process.env.FIT_GRID) as Partial<FitOptions>[]) {
    const r = run({ ...FIT, ...change });
    const d = (get: (s: { finance: Scores; tweets: Scores }) => number) =>
      r.after.map((runs) => sign(mean(runs.map(get)) - get(r.before))).join('/');
    console.log(JSON.stringify(change), 'finance C', d((s) => s.finance.complaintF1), 'S', d((s) => s.finance.severityF1),
      'W1', d((s) => s.finance.withinOne), '| tweets C', d((s) => s.tweets.complaintF1), 'S', d((s) => s.tweets.severityF1),
      'W1', d((s) => s.tweets.withinOne));
  }
  process.exit(0);
}
const { before, after } = run(FIT);
console.log(`Learning from corrections — ${tune ? 'TUNING half (chose FIT)' : 'reporting half (never used for tuning)'} of the finance posts`);
console.log(`base: the shipped recipe fitted on ${tweetTrain.length} tweets only; ${financeTest.length} finance test posts, ` +
  `${tweetTest.length} held-out tweets; queue ${queueAll.length} finance posts, ${ORDERS.length} orders (mean, [min..max])\n`);
const row = (label: string, get: (s: { finance: Scores; tweets: Scores }) => number) => {
  const cells = [pct(get(before))];
  for (const runs of after) {
    const vals = runs.map(get);
    const d = vals.map((v) => v - get(before));
    cells.push(`${pct(mean(vals))} (${sign(mean(d))} [${sign(Math.min(...d))}..${sign(Math.max(...d))}])`);
  }
  console.log(`  ${label.padEnd(34)}${cells.map((c, i) => c.padEnd(i === 0 ? 10 : 30)).join('')}`);
};
console.log(`  ${''.padEnd(34)}${'before'.padEnd(10)}${BUDGETS.map((b) => `after ${b} corrections`.padEnd(30)).join('')}`);
row('finance complaint macro-F1', (s) => s.finance.complaintF1);
row('finance severity macro-F1', (s) => s.finance.severityF1);
row('finance severity within-one', (s) => s.finance.withinOne);
row('tweets complaint macro-F1', (s) => s.tweets.complaintF1);
row('tweets severity macro-F1', (s) => s.tweets.severityF1);
row('tweets severity within-one', (s) => s.tweets.withinOne);
const worst = Math.min(...after.flat().map((a) => a.tweets.complaintF1 - before.tweets.complaintF1));
console.log(`\n  corrections made: ${after.map((runs, i) => `${BUDGETS[i]}: ${runs.map((r) => r.n).join('/')}`).join(', ')}`);
console.log(`  worst tweet complaint change ${sign(worst)} points (limit -2.0): ${worst >= -0.02 ? 'ok' : 'FORGETS'}`);
console.log(`\n(${((Date.now() - started) / 1000).toFixed(0)} s)`);
