import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import raw from '../../../lib/detect/weights.json';
import { decode } from '../../../lib/detect/model';

describe('shipped weights', () => {
  // Issue 20 allows 1 MB when the figures pay for it; two severity heads and their gate take ~110 kB.
  it('fit the 1 MB budget', () => {
    expect(statSync(resolve(__dirname, '../../../lib/detect/weights.json')).size).toBeLessThanOrEqual(1024 * 1024);
  });

  it('decode to a complaint model, one model per severity level in each head, and the gate between them', () => {
    const m = decode(raw);
    expect(m.severityLevels).toEqual([1, 2, 3, 4]);
    expect(m.severity).toHaveLength(4);
    expect(m.severityBank).toHaveLength(4);
    expect(m.severityGate).not.toBeNull();
    expect(m.complaint.threshold).toBeGreaterThan(0);
    expect(m.complaint.threshold).toBeLessThan(1);
  });

  it('refuse a damaged file instead of scoring with garbage', () => {
    expect(() => decode({ ...raw, complaint: { ...raw.complaint, q: 'AAAA' } })).toThrow();
    expect(() => decode({ ...raw, dense: ['lexicon:other'] })).toThrow();
  });
});
