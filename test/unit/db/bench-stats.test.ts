import { describe, expect, it } from 'vitest';
import { median, parseBenchArgs, percentile } from '../../../bench/db/stats';

describe('bench:db figures', () => {
  it('judges five popup opens by the slowest one (p95, nearest rank) and reports the middle run', () => {
    expect(percentile([120, 90, 250, 100, 110], 95)).toBe(250);
    expect(median([30, 10, 20])).toBe(20);
    expect(median([])).toBeNaN();
  });

  it('runs three times unless told otherwise, and refuses a run count it cannot honour', () => {
    expect(parseBenchArgs([])).toEqual({ runs: 3, transfer: true });
    expect(parseBenchArgs(['--runs', '1', '--no-transfer'])).toEqual({ runs: 1, transfer: false });
    expect(parseBenchArgs(['--runs=5'])).toEqual({ runs: 5, transfer: true });
    expect(() => parseBenchArgs(['--runs', '0'])).toThrow(/whole number/);
    expect(() => parseBenchArgs(['--fast'])).toThrow(/unknown option/);
  });
});
