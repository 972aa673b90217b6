import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findUrls, xWeightedLength } from '../../../lib/snippets';

describe('xWeightedLength', () => {
  it('counts Latin text one per character', () => {
    expect(xWeightedLength('Hello, world!')).toBe(13);
    expect(xWeightedLength('a'.repeat(280))).toBe(280);
  });

  it('counts CJK and other heavy code points as two', () => {
    expect(xWeightedLength('日本語')).toBe(6);
    expect(xWeightedLength('한국')).toBe(4);
  });

  it('counts the light punctuation ranges (dashes, quotes, primes) as one', () => {
    expect(xWeightedLength('— “ok” ′')).toBe(8);
    expect(xWeightedLength('€')).toBe(2);
  });

  it('counts every emoji sequence as two', () => {
    expect(xWeightedLength('😀')).toBe(2);
    expect(xWeightedLength('👨‍👩‍👧‍👦')).toBe(2);
    expect(xWeightedLength('👍🏽')).toBe(2);
    expect(xWeightedLength('🇬🇧')).toBe(2);
    expect(xWeightedLength('❤️')).toBe(2);
    expect(xWeightedLength('1️⃣')).toBe(2);
    expect(xWeightedLength('👩🏽‍💻 🏳️‍🌈 🏴󠁧󠁢󠁥󠁮󠁧󠁿')).toBe(2 + 1 + 2 + 1 + 2);
    expect(xWeightedLength('Thanks 🙏🙏')).toBe(7 + 4);
  });

  it('keeps text-style symbols at their code-point weight', () => {
    expect(xWeightedLength('© 2026')).toBe(6);
    expect(xWeightedLength('™')).toBe(2);
  });

  it('NFC-normalises first, so a decomposed é is one character', () => {
    expect(xWeightedLength('e\u0301')).toBe(1);
    expect(xWeightedLength('café')).toBe(xWeightedLength('cafe\u0301'));
  });

  it('counts every URL as 23, long or short, with or without a scheme', () => {
    expect(xWeightedLength('https://example.com/a/very/long/path?with=query&and=more')).toBe(23);
    expect(xWeightedLength('see https://a.co')).toBe(27);
    expect(xWeightedLength('go to example.com/help now')).toBe(6 + 23 + 4);
    expect(xWeightedLength('status.acme.io')).toBe(23);
    expect(xWeightedLength('www.acme.de')).toBe(23);
    expect(xWeightedLength('acme.de/help')).toBe(23);
  });

  it('does not treat emails, decimals or sentence ends as URLs', () => {
    expect(findUrls('mail jane@acme.com')).toEqual([]);
    expect(findUrls('costs 4.99 today.Really')).toEqual([]);
    expect(findUrls('(see https://acme.com/status).')).toEqual([[5, 28]]);
  });

  it('is additive over plain ASCII words separated by spaces', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z]{1,8}$/), { maxLength: 30 }), (words) => {
        const text = words.join(' ');
        expect(xWeightedLength(text)).toBe(text.length);
      }),
    );
  });
});
