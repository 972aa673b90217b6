import { expect, it } from 'vitest';
import { createErrorGate } from '../../../lib/scan/report-once';

it('swallows errors and logs each kind once, however often it fails', () => {
  const lines: unknown[][] = [];
  const gate = createErrorGate('t', (...args) => void (lines[lines.length] = args));
  for (let i = 0; i < 100; i += 1) {
    expect(gate.guard('readPost', () => { throw new Error(`post ${i}`); })).toBeUndefined();
  }
  gate.guard('onPosts', () => { throw new Error('ui'); });
  expect(gate.guard('fine', () => 42)).toBe(42);
  expect(lines).toHaveLength(2);
  expect(gate.kinds()).toEqual(['readPost', 'onPosts']);
});

it('survives a console that throws', () => {
  const gate = createErrorGate('t', () => { throw new Error('console broken'); });
  expect(() => gate.guard('x', () => { throw new Error('x'); })).not.toThrow();
});
