import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import raw from '../../../lib/detect/weights.json';
import { decode } from '../../../lib/detect/model';

describe('shipped weights', () => {
  // Issue 20 allows up to 1 MB if the figures pay for it; the two severity heads and the gate take 365 kB.
  it('fit the 400 kB budget', () => {
    expect(statSync(resolve(__dirname, '../../../lib/detect/weights.json')).size).toBeLessThanOrEqual(400 * 1024);
  });

  it('decode to a complaint model and one model per severity level', () => {
    const m = decode(raw);
    expect(m.severityLevels).toEqual([1, 2, 3, 4]);
    expect(m.complaint.threshold).toBeGreaterThan(0);
    expect(m.complaint.threshold).toBeLessThan(1);
  });

  it('refuse a damaged file instead of scoring with garbage', () => {
    expect(() => decode({ ...raw, complaint: { ...raw.complaint, q: 'AAAA' } })).toThrow();
    expect(() => decode({ ...raw, dense: ['lexicon:other'] })).toThrow();
  });
});
