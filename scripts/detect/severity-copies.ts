/**
 * Severity from both data sets at once with feature copies (Daume III 2007): every post has a
 * shared copy of its features and one for its data set, one pooled one-vs-rest NB-LR per level,
 * then the social head is shared + social copy and the banking head shared + banking copy, each
 * with per-level offsets tuned on its own domain's inner out-of-fold logits. Pooling blindly
 * lowered tweet severity (the reference); the copies let a word mean different things
 * in the two domains while shared evidence (anger, accusation) is learned from both.
 */
import { stratifiedFolds } from './folds';
import type { Multi } from './logreg';
import { fitSeverityRaw, SEED, SEVERITY_BITS, severityLogits, tuneOffsets, withCopy } from './pipeline';
import { dimension, type Sparse } from './sparse';

const INNER = 4;

export function fitSeverityWithCopies(social: Sparse[], socialLevels: number[], bank: Sparse[], bankLevels: number[]): { social: Multi; bank: Multi } {
  const base = dimension(SEVERITY_BITS), dim = 3 * base;
  const xs = [...social.map((x) => withCopy(x, base)), ...bank.map((x) => withCopy(x, 2 * base))];
  const levels = [...socialLevels, ...bankLevels];
  const domain = [...social.map(() => 0), ...bank.map(() => 1)];
  const folds = stratifiedFolds(levels.map((l, i) => domain[i]! * 10 + l), INNER, SEED + 1);
  const z = new Array<number[]>(xs.length);
  for (let f = 0; f < INNER; f++) {
    const train = xs.map((_, i) => i).filter((i) => folds[i] !== f);
    const m = fitSeverityRaw(train.map((i) => xs[i]!), train.map((i) => levels[i]!), dim, dim);
    xs.forEach((x, i) => { if (folds[i] === f) z[i] = severityLogits(m, x); });
  }
  const offsetsFor = (d: number) => {
    const idx = xs.map((_, i) => i).filter((i) => domain[i] === d);
    return tuneOffsets(idx.map((i) => z[i]!), idx.map((i) => levels[i]!));
  };
  const m = fitSeverityRaw(xs, levels, dim, dim);
  const head = (copy: number, off: number[]): Multi => ({
    w: m.w.map((w) => w.slice(0, base).map((v, i) => v + w[copy * base + i]!)),
    bias: m.bias.map((b, c) => b + off[c]!),
  });
  return { social: head(1, offsetsFor(0)), bank: head(2, offsetsFor(1)) };
}

