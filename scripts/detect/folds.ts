/** Seeded randomness and stratified k-fold splits, so every figure is reproducible. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: T[], random: () => number): T[] {
  const a = items.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/** Fold number per item: each label spread evenly over k folds. */
export function stratifiedFolds(labels: number[], k: number, seed: number): number[] {
  const random = rng(seed);
  const fold = new Array<number>(labels.length).fill(0);
  const byLabel = new Map<number, number[]>();
  labels.forEach((y, i) => byLabel.set(y, [...(byLabel.get(y) ?? []), i]));
  let offset = 0;
  for (const label of [...byLabel.keys()].sort((a, b) => a - b)) {
    shuffle(byLabel.get(label)!, random).forEach((i, r) => { fold[i] = (r + offset) % k; });
    offset += byLabel.get(label)!.length;
  }
  return fold;
}
