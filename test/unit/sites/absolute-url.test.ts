import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { absoluteUrl } from '../../../lib/sites/dom';

// The contract: a missing href is no permalink; anything else resolves as the URL parser says.
const reference = (href: string, base: URL) => {
  if (!href) return null;
  try {
    const u = new URL(href.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
};

describe('absoluteUrl (permalinks: the interaction log is keyed by them)', () => {
  const base = new URL('https://x.com/home?x=1#top');

  it('gives the same permalink as a URL parser for any href, including its fast path', () => {
    const pathChars = fc.constantFrom('/', 'a', 'Z', '0', '_', '-', '.', ' ', '%', '?', '#', '\\', ':', 'é');
    const href = fc.oneof(fc.string(), fc.array(pathChars).map((cs) => `/${cs.join('')}`));
    fc.assert(fc.property(href, (h) => absoluteUrl(h, base) === reference(h, base)), { numRuns: 2000 });
  });

  it('never turns a protocol-relative or script link into a permalink on our page', () => {
    expect(absoluteUrl('//evil.example/status/1', base)).toBe('https://evil.example/status/1');
    expect(absoluteUrl('javascript:alert(1)', base)).toBeNull();
    expect(absoluteUrl('/nadia_ships/status/1993012657403187514', base)).toBe('https://x.com/nadia_ships/status/1993012657403187514');
  });
});
