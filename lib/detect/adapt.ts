/**
 * The agent teaches the detector (issue 20, item 5). A small correction layer on top of the
 * shipped model, fitted on the device from the agent's own corrections ("Not a complaint",
 * "More severe", "Less severe"); the training data never ships and is never needed.
 *
 *  - complaint: a residual logistic layer, p = sigmoid(logit(base score) + c + w·x), so with no
 *    corrections (w = 0, c = 0) every verdict is the shipped one. "Not a complaint" is a 0;
 *    a severity correction says the post is a complaint, a 1.
 *  - severity: a residual on the level, level = clamp(round(base level + d + u·x), 1, 4),
 *    fitted by least squares on the levels the agent chose.
 *  - memory: the exact posts the agent corrected keep the agent's word (normalised-text hash),
 *    so a corrected post never flips back when the page reloads.
 * x is the detector's own feature vector (adapt-features.ts). Both layers are L2-regularised
 * towards zero: a few corrections move the posts that resemble them and little else.
 *
 * The layer keys on the detector's output (score, level) and its features, not on its weights:
 * the background refits it from the stored corrections whenever it loads, so a retrained model
 * gets a layer fitted to it. Pure: no DOM, no storage.
 */
import { z } from 'zod';
import { hashId } from '../model/hash';
import type { Severity, Verdict } from '../types';
import { ADAPT_BITS, ADAPT_DIM, DENSE_START, adaptFeatures, dot, type AdaptFeatures } from './adapt-features';
import { normalise } from './normalise';

/** What the agent said of one post: 0 "not a complaint", 1..4 the level it deserves. */
export interface Correction {
  text: string;
  level: Severity;
}

/** The part of a verdict the layer reads; the base model's output for a text. */
export interface BaseVerdict {
  score: number;
  complaint: boolean;
  severity: number;
}

export interface Adapter {
  /** How sure the severity residual must be to move a level (FIT.levelMargin). */
  levelMargin: number;
  complaint: { w: Float32Array; bias: number };
  severity: { w: Float32Array; bias: number };
  memory: Map<string, Severity>;
}

/**
 * Tuned on a split of the finance posts kept apart from the one `npm run eval:corrections`
 * reports (scripts/eval-corrections.ts): strong enough pull towards zero that 200 corrections
 * cost the other domain under 2 points.
 */
export const FIT = { l2: 0.2, denseL2: 50, biasL2: 50, severityL2: 0.2, severityBiasL2: 50, levelMargin: 0.25, epochs: 150 };
export type FitOptions = typeof FIT;

/** Most recent corrections a fit reads: bounded work (≈ 0.1 s for 2,000 posts in Chromium). */
export const MAX_CORRECTIONS = 2_000;

export function memoryKey(text: string): string {
  return hashId(normalise(typeof text === 'string' ? text : ''));
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
/** The calibrated score back to a logit, kept finite for scores of exactly 0 or 1. */
const logitOf = (p: number) => {
  const q = Math.min(1 - 1e-6, Math.max(1e-6, p));
  return Math.log(q / (1 - q));
};

/**
 * Fits the layer to the corrections (oldest first; a later correction of the same post wins).
 * `base` scores a text with the model the layer sits on. Deterministic: full-batch gradient
 * descent from zero, a fixed number of steps.
 */
export function fitAdapter(corrections: readonly Correction[], base: (text: string) => BaseVerdict, opts: FitOptions = FIT): Adapter | null {
  const latest = new Map<string, Correction>();
  for (const c of corrections.slice(-MAX_CORRECTIONS)) {
    const key = memoryKey(c.text);
    latest.delete(key);
    latest.set(key, c);
  }
  if (latest.size === 0) return null;
  const xs: AdaptFeatures[] = [];
  const baseLogit: number[] = [];
  const baseLevel: number[] = [];
  const target: number[] = [];
  for (const c of latest.values()) {
    const v = base(c.text);
    xs.push(adaptFeatures(c.text));
    baseLogit.push(logitOf(v.score));
    baseLevel.push(v.severity > 0 ? v.severity : 1);
    target.push(c.level);
  }
  const all = xs.map((_, i) => i);
  const complaint = fitResidual(xs, (i, w, b) => sigmoid(baseLogit[i]! + b + dot(w, xs[i]!)) - (target[i]! > 0 ? 1 : 0),
    all, { l2: opts.l2, denseL2: opts.denseL2, biasL2: opts.biasL2, curvature: 0.25, epochs: opts.epochs });
  const rated = all.filter((i) => target[i]! > 0);
  const severity = fitResidual(xs, (i, w, b) => baseLevel[i]! + b + dot(w, xs[i]!) - target[i]!,
    rated, { l2: opts.severityL2, denseL2: opts.denseL2, biasL2: opts.severityBiasL2, curvature: 1, epochs: opts.epochs });
  const memory = new Map<string, Severity>();
  for (const [key, c] of latest) memory.set(key, c.level);
  return { levelMargin: opts.levelMargin, complaint, severity, memory };
}

interface Penalty {
  l2: number;
  /** On the dense features (lexicon, length, tone): nearly every post has some, so they act like a bias. */
  denseL2: number;
  biasL2: number;
  /** Bound on the loss's second derivative (logistic 1/4, squared 1): sets a step that never diverges. */
  curvature: number;
  epochs: number;
}

/**
 * Gradient descent on mean loss + l2/2 |w|^2 + biasL2/2 b^2, where `residual(i)` is the loss's
 * derivative with respect to example i's output (logistic: p - y; squared: prediction - target).
 * Step 1/L with L bounding the gradient's Lipschitz constant, so it converges without tuning.
 */
function fitResidual(
  xs: AdaptFeatures[],
  residual: (i: number, w: Float32Array, bias: number) => number,
  rows: number[],
  { l2, denseL2, biasL2, curvature, epochs }: Penalty,
): { w: Float32Array; bias: number } {
  const w = new Float32Array(ADAPT_DIM);
  let bias = 0;
  if (rows.length === 0) return { w, bias };
  // Only the touched coordinates ever move away from zero, so regularise just those.
  const touched = new Set<number>();
  for (const i of rows) for (const j of xs[i]!.idx) touched.add(j);
  const active = Int32Array.from(touched);
  const grad = new Float64Array(ADAPT_DIM);
  const n = rows.length;
  let maxSq = 0;
  for (const i of rows) maxSq = Math.max(maxSq, xs[i]!.val.reduce((a, v) => a + v * v, 0));
  // One step size per penalty group (a diagonal preconditioner): each stays within 1/L, and a
  // heavily penalised bias does not slow the word weights down.
  const step = (penalty: number) => 1 / (curvature * (maxSq + 1) + penalty);
  const wordRate = step(l2), denseRate = step(denseL2), biasRate = step(biasL2);
  for (let epoch = 0; epoch < epochs; epoch++) {
    let gb = 0;
    for (const j of active) grad[j] = (j >= DENSE_START ? denseL2 : l2) * w[j]!;
    for (const i of rows) {
      const r = residual(i, w, bias) / n;
      const x = xs[i]!;
      for (let k = 0; k < x.idx.length; k++) grad[x.idx[k]!] = grad[x.idx[k]!]! + r * x.val[k]!;
      gb += r;
    }
    for (const j of active) w[j] = w[j]! - (j >= DENSE_START ? denseRate : wordRate) * grad[j]!;
    bias -= biasRate * (gb + biasL2 * bias);
  }
  return { w, bias };
}

/**
 * The verdict with the agent's corrections applied. `threshold` is the base model's calibrated
 * complaint threshold. With no adapter the verdict comes back as it is (the scanner's hot path
 * pays nothing until the agent corrects something).
 */
export function adaptVerdict(v: Verdict, text: string, adapter: Adapter | null, threshold: number): Verdict {
  if (!adapter) return v;
  const x = adaptFeatures(text);
  const score = sigmoid(logitOf(v.score) + adapter.complaint.bias + dot(adapter.complaint.w, x));
  const remembered = adapter.memory.get(memoryKey(text));
  const complaint = remembered !== undefined ? remembered > 0 : score >= threshold;
  if (!complaint) return { complaint, score: remembered === 0 ? Math.min(score, v.score) : score, severity: 0, cues: [], signals: v.signals };
  const level = remembered ?? levelOf(adapter, x, v.severity);
  // Cues stay lazy: the base verdict computes them on first read.
  return {
    complaint, score, severity: level, signals: v.signals,
    get cues(): string[] {
      return v.cues;
    },
  };
}

/** The adapted level (1..4) of a complaint the base model put at `baseLevel` (0 counts as 1). */
export function adaptLevel(adapter: Adapter, text: string, baseLevel: number): Severity {
  return adapter.memory.get(memoryKey(text)) || levelOf(adapter, adaptFeatures(text), baseLevel);
}

/**
 * The level moves only when the layer is sure: by a whole level once the residual passes
 * 0.5 + FIT.levelMargin. Posts share function words, so every residual is a little off zero;
 * plain rounding at 0.5 moved unrelated posts.
 */
function levelOf(adapter: Adapter, x: AdaptFeatures, baseLevel: number): Severity {
  const r = adapter.severity.bias + dot(adapter.severity.w, x);
  const shift = Math.sign(r) * Math.floor(Math.abs(r) + 0.5 - adapter.levelMargin);
  return Math.max(1, Math.min(4, (baseLevel > 0 ? baseLevel : 1) + shift)) as Severity;
}

/** The base model's view of a text, for fitAdapter, from a detector function. */
export function baseOf(detectFn: (text: string) => Verdict): (text: string) => BaseVerdict {
  return (text) => {
    const v = detectFn(text);
    return { score: v.score, complaint: v.complaint, severity: v.severity };
  };
}

// ---- Transport: the background fits, content scripts apply. int8 tables, base64. ----

const Table = z.object({ q: z.string().max(200_000), scale: z.number().nonnegative(), bias: z.number() });

export const AdapterStateSchema = z.object({
  version: z.literal(1),
  bits: z.literal(ADAPT_BITS),
  levelMargin: z.number().min(0).max(0.5),
  complaint: Table,
  severity: Table,
  /** [normalised-text hash, level] of each corrected post. */
  memory: z.array(z.tuple([z.string().max(16), z.literal([0, 1, 2, 3, 4])])).max(MAX_CORRECTIONS),
});
export type AdapterState = z.infer<typeof AdapterStateSchema>;

export function adapterToState(a: Adapter): AdapterState {
  return { version: 1, bits: ADAPT_BITS, levelMargin: a.levelMargin, complaint: quantise(a.complaint), severity: quantise(a.severity), memory: [...a.memory] };
}

export function adapterFromState(s: AdapterState): Adapter {
  return { levelMargin: s.levelMargin, complaint: dequantise(s.complaint), severity: dequantise(s.severity), memory: new Map(s.memory) };
}

function quantise(t: { w: Float32Array; bias: number }): z.infer<typeof Table> {
  let max = 0;
  for (const v of t.w) if (Math.abs(v) > max) max = Math.abs(v);
  const scale = max > 0 ? max / 127 : 0;
  let bin = '';
  for (const v of t.w) bin += String.fromCharCode(scale > 0 ? Math.round(v / scale) & 0xff : 0);
  return { q: btoa(bin), scale, bias: t.bias };
}

function dequantise(t: z.infer<typeof Table>): { w: Float32Array; bias: number } {
  const bin = atob(t.q);
  if (bin.length !== ADAPT_DIM) throw new Error('correction layer of another size');
  const w = new Float32Array(ADAPT_DIM);
  for (let i = 0; i < bin.length; i++) w[i] = ((bin.charCodeAt(i) << 24) >> 24) * t.scale;
  return { w, bias: t.bias };
}
