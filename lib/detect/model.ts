/**
 * The shipped weights, decoded once on first use. Scoring is a sum of int8 table lookups per
 * feature; the scale is applied once per view, so no float weight table is ever built.
 */
import rawWeights from './weights.json';
import { DENSE_NAMES, DENSE_SIZE, featureFlags, viewScale, type FeatureSet } from './features';
import { ESCALATION_SIZE } from './escalation';
import { weightsSchema, type LinearJson } from './weights-format';

export interface Linear {
  q: Int8Array;
  mask: number;
  scale: number;
  dense: Float64Array;
  bias: number;
}

export interface Model {
  complaint: Linear & {
    plattA: number; plattB: number; threshold: number; grievancePrior: boolean;
    /** The raw logit at which the calibrated score reaches the threshold. */
    cutLogit: number;
  };
  severityLevels: number[];
  /** Head learned on social posts (tweets). */
  severity: Linear[];
  /** Head learned on banking posts, and the gate that weighs it (issue 20); null in older weights. */
  severityBank: Linear[] | null;
  severityGate: Linear | null;
  /** Round 7: the ordinal decoder's escalation weights per table (null: one-vs-rest heads). */
  severityOrdinal: { social: Float64Array[]; bank: Float64Array[] } | null;
}

let cached: Model | null = null;

export function model(): Model {
  cached ??= decode(rawWeights);
  return cached;
}

export function decode(raw: unknown): Model {
  const w = weightsSchema.parse(raw);
  if (w.dense.join() !== DENSE_NAMES.join()) {
    throw new Error('weights.json was trained with another lexicon; run npm run train');
  }
  // The runtime extracts features the way the weights were trained: files from before round 3
  // of issue 20 read @mentions, later ones declare that they do not.
  featureFlags.mentions = w.features?.mentions ?? true;
  featureFlags.places = w.features?.places ?? false;
  const c = w.complaint;
  return {
    complaint: { ...linear(c, c.bits), plattA: c.platt.a, plattB: c.platt.b, threshold: c.threshold, grievancePrior: c.grievancePrior ?? false,
      cutLogit: (Math.log(c.threshold / (1 - c.threshold)) - c.platt.b) / c.platt.a },
    severityLevels: w.severity.levels,
    severity: w.severity.classes.map((k) => linear(k, w.severity.bits)),
    severityBank: w.severity.bank?.map((k) => linear(k, w.severity.bits)) ?? null,
    severityGate: w.severity.gate ? linear(w.severity.gate, w.severity.bits) : null,
    severityOrdinal: ordinal(w.severity),
  };
}

function ordinal(s: ReturnType<typeof weightsSchema.parse>['severity']): Model['severityOrdinal'] {
  if (s.decoder !== 'ordinal') return null;
  const e = s.escalation;
  const n = s.classes.length;
  if (!e || !s.bank || s.bank.length !== n || e.social.length !== n || e.bank.length !== n
    || [...e.social, ...e.bank].some((r) => r.length !== ESCALATION_SIZE)) throw new Error('weights.json is damaged');
  return { social: e.social.map((r) => Float64Array.from(r)), bank: e.bank.map((r) => Float64Array.from(r)) };
}

function linear(j: LinearJson, bits: number): Linear {
  const bytes = decodeBase64(j.q);
  if (bytes.length !== 1 << bits || j.dense.length !== DENSE_SIZE) throw new Error('weights.json is damaged');
  return { q: new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length), mask: (1 << bits) - 1, scale: j.scale, dense: Float64Array.from(j.dense), bias: j.bias };
}

function decodeBase64(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Linear score (logit) of the features currently held in `f`. */
export function logit(m: Linear, f: FeatureSet): number {
  const q = m.q;
  const mask = m.mask;
  let sw = 0;
  const wordHash = f.wordHash;
  for (let i = 0; i < f.nWord; i++) sw += q[wordHash[i]! & mask]!;
  let sc = 0;
  const grams = f.scan.gramHash;
  const nGrams = f.scan.nGrams;
  for (let i = 0; i < nGrams; i++) sc += q[grams[i]! & mask]!;
  let z = m.bias + m.scale * (sw * viewScale(f.nWord) + sc * viewScale(nGrams));
  for (let k = 0; k < DENSE_SIZE; k++) z += m.dense[k]! * f.dense[k]!;
  return z;
}

export function calibrate(z: number, a: number, b: number): number {
  return 1 / (1 + Math.exp(-(a * z + b)));
}
