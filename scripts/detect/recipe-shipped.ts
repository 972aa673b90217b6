/**
 * The shipped recipe (issue 20, round 3): the complaint model as before but blind to @mentions
 * (features.ts), and severity from two heads — social posts and banking posts — each fitted by
 * main's one-vs-rest NB-LR recipe on its own data set (pooling the banking posts into the tweet
 * severity training lowered it), blended at run time by a domain gate and raised to the floors of
 * lib/detect/severity.ts.
 */
import { createFeatureSet, extract, featureFlags } from '../../lib/detect/features';
import { normalise } from '../../lib/detect/normalise';
import { decodeLevel, escalationFloor, FLOORS } from '../../lib/detect/severity';
import { dotSparse, trainBinary, type Binary, type Multi } from './logreg';
import { fitComplaint, fitSeverity, LEVELS, SEVERITY_BITS } from './pipeline';
import type { Recipe, SeverityExample } from './recipe';
import { dimension, type Sparse } from './sparse';

export const GATE_L2 = 1e-4;
const floors = process.env.FLOORS ? { ...FLOORS, ...(JSON.parse(process.env.FLOORS) as Partial<typeof FLOORS>) } : FLOORS;
const NO_FLOORS = process.env.NO_FLOORS === '1';

export interface SeverityHeads { social: Multi; bank: Multi; gate: Binary }

/** Gate: is this a banking post (1) or a social one (0)? Plain LR on the severity features. */
export function fitGate(social: Sparse[], bank: Sparse[]): Binary {
  const xs = [...social, ...bank];
  const ys = [...social.map(() => 0), ...bank.map(() => 1)];
  // Balanced, so neither kind is the default for a post unlike both.
  const ws = ys.map((y) => (y === 1 ? xs.length / (2 * bank.length) : xs.length / (2 * social.length)));
  return trainBinary(xs, ys, dimension(SEVERITY_BITS), { l2: GATE_L2, weights: ws, maxIter: 100 });
}

export function fitSeverityHeads(tweets: SeverityExample[], finance: SeverityExample[]): SeverityHeads {
  return {
    social: fitSeverity(tweets.map((e) => e.x), tweets.map((e) => e.level)),
    bank: fitSeverity(finance.map((e) => e.x), finance.map((e) => e.level)),
    gate: fitGate(tweets.map((e) => e.x), finance.map((e) => e.x)),
  };
}

const fs = createFeatureSet();
const logits = (m: Multi, x: Sparse) => m.w.map((w, c) => dotSparse(w, x) + m.bias[c]!);

export function predictLevel(h: SeverityHeads, x: Sparse, text: string): number {
  const norm = normalise(text);
  extract(norm, fs);
  const floor = NO_FLOORS ? 0 : escalationFloor(norm, fs.lexiconBits, floors);
  return decodeLevel(logits(h.social, x), logits(h.bank, x), dotSparse(h.gate.w, x) + h.gate.bias, LEVELS, floor);
}

export const shippedRecipe: Recipe = {
  name: 'round 3 (mentions ignored; social + banking severity heads, gate, floors)',
  setup() { featureFlags.mentions = false; },
  fitComplaint,
  fitSeverity: fitSeverityHeads,
  predictSeverity: (m, x, text) => predictLevel(m as SeverityHeads, x, text),
};
