import { describe, expect, it } from 'vitest';
import { MAX_CHARS, normalise } from '../../../lib/detect/normalise';

describe('normalise', () => {
  it('removes zero-width and bidi controls inside words', () => {
    expect(normalise('re\u200Bfund')).toBe('refund');
    expect(normalise('can\u200Dcel\uFEFF my \u202Eaccount\u202C')).toBe('cancel my account');
    expect(normalise('\u2066scam\u2069')).toBe('scam');
  });

  it('folds Cyrillic and Greek look-alikes to Latin letters', () => {
    expect(normalise('r\u0435fund')).toBe('refund'); // Cyrillic е
    expect(normalise('\u0430wful')).toBe('awful'); // Cyrillic а
    expect(normalise('sc\u03B1m')).toBe('scam'); // Greek α
  });

  it('applies NFKC and lowercases, so full-width and styled letters read as plain words', () => {
    expect(normalise('ＲＥＦＵＮＤ')).toBe('refund');
    expect(normalise('ﬁx IT')).toBe('fix it');
    expect(normalise('Don’t')).toBe("don't");
  });

  it('replaces lone surrogates instead of passing broken UTF-16 on', () => {
    expect(normalise('a\uD800b')).toBe('a b');
    expect(normalise('a\uDC00b')).toBe('a b');
    expect(normalise('ok 😡')).toBe('ok 😡');
  });

  it('cuts input at MAX_CHARS without splitting a surrogate pair', () => {
    const text = 'a'.repeat(MAX_CHARS - 1) + '😡😡';
    const out = normalise(text);
    expect(out.length).toBe(MAX_CHARS - 1);
    expect(normalise('x'.repeat(3 * MAX_CHARS)).length).toBe(MAX_CHARS);
  });
});
