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

  it('agrees with the parser on absolute addresses and on paths with a fragment (the fast paths of a comment\'s links)', () => {
    const hostChars = fc.constantFrom('a', 'z', 'A', '0', '1', '9', 'x', 'n', '-', '.', '_', 'é', '%', '[', ':');
    const label = fc.array(hostChars, { minLength: 0, maxLength: 8 }).map((cs) => cs.join(''));
    const host = fc.oneof(
      fc.array(label, { minLength: 1, maxLength: 4 }).map((ls) => ls.join('.')),
      fc.constantFrom('0x7f.1', '1.2.3.4', 'xn--abc.com', 'a.xn--p1ai', 'foo.0x', 'a..b', 'localhost', 'name.example.net'),
    );
    const path = fc.array(fc.constantFrom('/', 'a', '_', '-', '.', '%', '?', '#', ':'), { maxLength: 8 }).map((cs) => `/${cs.join('')}`);
    const absolute = fc.tuple(fc.constantFrom('http://', 'https://', 'HTTPS://', 'ftp://'), host, fc.option(path, { nil: '' })).map(([s, h, p]) => `${s}${h}${p}`);
    const withFragment = fc.tuple(path, fc.array(fc.constantFrom('a', '-', '.', ':', '#', ' ', '/'), { maxLength: 6 })).map(([p, f]) => `${p}#${f.join('')}`);
    fc.assert(fc.property(fc.oneof(absolute, withFragment), (h) => absoluteUrl(h, base) === reference(h, base)), { numRuns: 4000 });
    expect(absoluteUrl('https://0x7f.1/', base)).toBe('https://127.0.0.1/');
    expect(absoluteUrl('/2026/11/post/#comment-12', base)).toBe('https://x.com/2026/11/post/#comment-12');
  });

  it('never turns a protocol-relative or script link into a permalink on our page', () => {
    expect(absoluteUrl('//evil.example/status/1', base)).toBe('https://evil.example/status/1');
    expect(absoluteUrl('javascript:alert(1)', base)).toBeNull();
    expect(absoluteUrl('/nadia_ships/status/1993012657403187514', base)).toBe('https://x.com/nadia_ships/status/1993012657403187514');
  });
});

describe('absoluteUrl against pages of every kind, one after another (the page address is read once per address)', () => {
  it('agrees with the parser whichever page address came before, and after a URL object is changed', () => {
    const baseOf = fc.constantFrom(
      'https://x.com/home?x=1#top',
      'https://blog.example.org/2026/11/post/',
      'http://forum.example.net/t/1?page=2',
      'file:///tmp/page.html',
      'https://blog.example.org/2026/11/post/?replytocom=5#respond',
    );
    const href = fc.oneof(
      fc.constantFrom('#comment-12', '/2026/11/post/#comment-12', '/user/status/1', '#a b', '//evil.example/x', ''),
      fc.array(fc.constantFrom('/', '#', 'a', '-', '?', ':'), { maxLength: 8 }).map((cs) => cs.join('')),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(baseOf, href), { minLength: 1, maxLength: 6 }), (calls) => {
        for (const [b, h] of calls) {
          const base = new URL(b);
          if (absoluteUrl(h, base) !== reference(h, base)) return false;
        }
        return true;
      }),
      { numRuns: 1500 },
    );
    const page = new URL('https://blog.example.org/2026/11/post/');
    expect(absoluteUrl('#comment-1', page)).toBe('https://blog.example.org/2026/11/post/#comment-1');
    page.pathname = '/2026/12/other/';
    expect(absoluteUrl('#comment-1', page)).toBe('https://blog.example.org/2026/12/other/#comment-1');
    page.protocol = 'ftp:';
    expect(absoluteUrl('#comment-1', page)).toBe(reference('#comment-1', page));
  });
});
