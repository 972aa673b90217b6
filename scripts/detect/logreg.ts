/** L2-regularised logistic regression (binary and multinomial) over sparse vectors, fitted with L-BFGS. */
import { minimise } from './lbfgs';
import type { Sparse } from './sparse';

export interface Binary { w: Float64Array; bias: number }
export interface Multi { w: Float64Array[]; bias: number[] }

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

export function dotSparse(w: Float64Array, x: Sparse, scale?: Float64Array): number {
  let s = 0;
  for (let j = 0; j < x.idx.length; j++) {
    const i = x.idx[j]!;
    s += w[i]! * x.val[j]! * (scale ? scale[i]! : 1);
  }
  return s;
}

/**
 * Binary LR. `scale` (optional) multiplies each feature first (NB log-count ratios); the
 * returned weights already include it, so the runtime sees an ordinary linear model.
 */
export function trainBinary(
  xs: Sparse[], ys: number[], dim: number, opts: { l2: number; weights?: number[]; scale?: Float64Array; maxIter?: number },
): Binary {
  const n = xs.length;
  const sampleW = opts.weights ?? new Array<number>(n).fill(1);
  const total = sampleW.reduce((a, b) => a + b, 0);
  const scale = opts.scale;
  const objective = (p: Float64Array, grad: Float64Array) => {
    grad.fill(0);
    const bias = p[dim]!;
    let loss = 0;
    for (let k = 0; k < n; k++) {
      const x = xs[k]!;
      const z = dotSparse(p, x, scale) + bias;
      const y = ys[k]!;
      const sw = sampleW[k]! / total;
      loss += sw * (Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z))));
      const r = sw * (sigmoid(z) - y);
      for (let j = 0; j < x.idx.length; j++) {
        const i = x.idx[j]!;
        grad[i] = grad[i]! + r * x.val[j]! * (scale ? scale[i]! : 1);
      }
      grad[dim] = grad[dim]! + r;
    }
    for (let i = 0; i < dim; i++) {
      loss += 0.5 * opts.l2 * p[i]! * p[i]!;
      grad[i] = grad[i]! + opts.l2 * p[i]!;
    }
    return loss;
  };
  const p = minimise(objective, new Float64Array(dim + 1), opts.maxIter ?? 200);
  const w = p.slice(0, dim);
  if (scale) for (let i = 0; i < dim; i++) w[i] = w[i]! * scale[i]!;
  return { w, bias: p[dim]! };
}

/** NB log-count ratios (Wang & Manning 2012) over the hashed part; dense features keep ratio 1. */
export function nbRatios(xs: Sparse[], ys: number[], dim: number, hashed: number, alpha = 1): Float64Array {
  const pos = new Float64Array(dim).fill(alpha);
  const neg = new Float64Array(dim).fill(alpha);
  for (let k = 0; k < xs.length; k++) {
    const x = xs[k]!;
    const target = ys[k] === 1 ? pos : neg;
    for (let j = 0; j < x.idx.length; j++) target[x.idx[j]!] = target[x.idx[j]!]! + (x.val[j]! > 0 ? 1 : 0);
  }
  let sp = 0, sn = 0;
  for (let i = 0; i < hashed; i++) { sp += pos[i]!; sn += neg[i]!; }
  const r = new Float64Array(dim).fill(1);
  for (let i = 0; i < hashed; i++) r[i] = Math.abs(Math.log(pos[i]! / sp) - Math.log(neg[i]! / sn));
  return r;
}

/** Softmax regression with per-sample weights (class balancing for macro-F1). */
export function trainMulti(
  xs: Sparse[], ys: number[], classes: number, dim: number, opts: { l2: number; weights?: number[]; maxIter?: number },
): Multi {
  const n = xs.length;
  const stride = dim + 1;
  const sampleW = opts.weights ?? new Array<number>(n).fill(1);
  const total = sampleW.reduce((a, b) => a + b, 0);
  const z = new Float64Array(classes);
  const objective = (p: Float64Array, grad: Float64Array) => {
    grad.fill(0);
    let loss = 0;
    for (let k = 0; k < n; k++) {
      const x = xs[k]!;
      let max = -Infinity;
      for (let c = 0; c < classes; c++) {
        let s = p[c * stride + dim]!;
        for (let j = 0; j < x.idx.length; j++) s += p[c * stride + x.idx[j]!]! * x.val[j]!;
        z[c] = s;
        if (s > max) max = s;
      }
      let sum = 0;
      for (let c = 0; c < classes; c++) { z[c] = Math.exp(z[c]! - max); sum += z[c]!; }
      const sw = sampleW[k]! / total;
      loss -= sw * Math.log(z[ys[k]!]! / sum);
      for (let c = 0; c < classes; c++) {
        const r = sw * (z[c]! / sum - (c === ys[k] ? 1 : 0));
        const base = c * stride;
        for (let j = 0; j < x.idx.length; j++) grad[base + x.idx[j]!] = grad[base + x.idx[j]!]! + r * x.val[j]!;
        grad[base + dim] = grad[base + dim]! + r;
      }
    }
    for (let c = 0; c < classes; c++) {
      for (let i = 0; i < dim; i++) {
        const q = c * stride + i;
        loss += 0.5 * opts.l2 * p[q]! * p[q]!;
        grad[q] = grad[q]! + opts.l2 * p[q]!;
      }
    }
    return loss;
  };
  const p = minimise(objective, new Float64Array(classes * stride), opts.maxIter ?? 200);
  const w: Float64Array[] = [];
  const bias: number[] = [];
  for (let c = 0; c < classes; c++) {
    w.push(p.slice(c * stride, c * stride + dim));
    bias.push(p[c * stride + dim]!);
  }
  return { w, bias };
}

export function predictMulti(m: Multi, x: Sparse): number[] {
  const z = m.w.map((w, c) => dotSparse(w, x) + m.bias[c]!);
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp(v - max));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}
