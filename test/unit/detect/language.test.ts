import { describe, expect, it } from 'vitest';
import { isEnglish, languageOf } from '../../../lib/detect/language';
import { ENGLISH, NOT_ENGLISH } from '../../fixtures/language/sentences';

describe('language: posts not in English are recognised, English ones never dropped', () => {
  it.each(NOT_ENGLISH)('%s: %s', (lang, text) => {
    expect(isEnglish(text)).toBe(false);
    expect(languageOf(text)).toBe(lang);
  });

  it.each(ENGLISH)('English: %s', (text) => {
    expect(languageOf(text)).toBe('en');
  });

  it('judges the writer, not the links, handles and hashtags', () => {
    expect(languageOf('@DeutscheBahnSupport #verspätung my train is late again https://example.com/die/der/das')).toBe('en');
  });

  it('never throws and stays fast on hostile input', () => {
    const t0 = performance.now();
    for (const text of ['', 'a'.repeat(1_000_000), 'der '.repeat(250_000), '\u202E\u200B'.repeat(5000), '😡'.repeat(10_000), null as unknown as string]) {
      expect(() => languageOf(text)).not.toThrow();
    }
    expect(performance.now() - t0).toBeLessThan(500);
  });
});
