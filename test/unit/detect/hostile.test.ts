import { describe, expect, it } from 'vitest';
import { detect } from '../../../lib/detect/index';

function timed<T>(fn: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t0 };
}

describe('detect on hostile text', () => {
  it('returns a calm verdict for empty, emoji-only and markup text', () => {
    for (const text of ['', '   ', '😀😀😀🎉', '<script>alert(document.cookie)</script>', '\u202E\u200B\u2066']) {
      const v = detect(text);
      expect(v.complaint, JSON.stringify(text)).toBe(false);
      expect(v.severity).toBe(0);
      expect(Number.isFinite(v.score)).toBe(true);
    }
  });

  it('handles 1 MB of text in bounded time', () => {
    for (const text of ['a'.repeat(1 << 20), 'refund scam now. '.repeat(62_000), '😡'.repeat(1 << 19)]) {
      const { value, ms } = timed(() => detect(text));
      // Bounded, not fast: a regex that backtracks on 1 MB takes seconds to hours; the per-post cost is bench:detect's.
      expect(ms).toBeLessThan(1_000);
      expect(value.score).toBeGreaterThanOrEqual(0);
      expect(value.score).toBeLessThanOrEqual(1);
    }
  });

  it('sees through zero-width characters, bidi overrides and homoglyphs', () => {
    const plain = detect('I want a refund now, you charged me twice');
    for (const text of [
      'I want a re\u200Bfund now, you charged me twice',
      'I want a r\u0435fund now, you ch\u0430rged me twice',
      'I want a \u202Erefund\u202C now, you charged me twice',
    ]) {
      const v = detect(text);
      expect(v.signals.churn, text).toBe(true);
      expect(v.complaint).toBe(plain.complaint);
      expect(v.score).toBeCloseTo(plain.score, 6);
      expect(v.cues).toContain('refund');
    }
  });

  it('treats ALL CAPS like lower case', () => {
    const caps = detect('THIS IS THE WORST SERVICE EVER, I WANT A REFUND');
    expect(caps.complaint).toBe(true);
    expect(caps.score).toBeCloseTo(detect('this is the worst service ever, i want a refund').score, 9);
  });

  it('survives lone and reversed surrogates', () => {
    for (const text of ['\uD800', '\uDC00abc', 'refund \uDBFF\uD800 now', 'x\uDFFF\uD83D']) {
      expect(() => detect(text)).not.toThrow();
    }
    expect(detect('terrible \uD800 service, refund me').signals.churn).toBe(true);
  });

  it('ignores non-string input at runtime instead of throwing', () => {
    expect(detect(undefined as unknown as string).complaint).toBe(false);
  });
});
