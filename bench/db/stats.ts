/** Small order statistics for the report (nearest rank, as a reader would count them). */

export function median(xs: readonly number[]): number {
  return percentile(xs, 50);
}

/** The nearest-rank percentile: of five popup opens, p95 is the slowest. */
export function percentile(xs: readonly number[], p: number): number {
  if (!xs.length) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1]!;
}

/** `--runs 3 --no-transfer`: how many measuring runs, and whether to time export and import. */
export function parseBenchArgs(argv: readonly string[]): { runs: number; transfer: boolean } {
  let runs = 3;
  let transfer = true;
  for (let n = 0; n < argv.length; n++) {
    const arg = argv[n]!;
    if (arg === '--runs' || arg.startsWith('--runs=')) {
      const value = arg.includes('=') ? arg.slice('--runs='.length) : argv[++n];
      runs = Number(value);
      if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs wants a whole number ≥ 1, got ${value}`);
    } else if (arg === '--no-transfer') transfer = false;
    else throw new Error(`unknown option ${arg} (use --runs N, --no-transfer)`);
  }
  return { runs, transfer };
}
