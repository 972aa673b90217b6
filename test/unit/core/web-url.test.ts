import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clipPost } from '../../../lib/content/clip-post';
import { isWebUrl } from '../../../lib/web-url';

// The contract: an http(s) address by the URL parser's own answer.
const reference = (url: string) => {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
};

afterEach(() => vi.restoreAllMocks());

describe('isWebUrl (every flagged post the page script sends has its permalink checked)', () => {
  it('answers as the URL parser does, on its shortcut and off it', () => {
    const hostChars = fc.constantFrom('a', 'z', 'A', '0', '9', 'x', 'n', '-', '.', '_', 'é', '%', '[', ']', ':', '@');
    const label = fc.array(hostChars, { maxLength: 8 }).map((cs) => cs.join(''));
    const host = fc.oneof(
      fc.array(label, { minLength: 1, maxLength: 4 }).map((ls) => ls.join('.')),
      fc.constantFrom('1.2.3.4', '1.2.3.999', '0x7f.1', 'xn--abc.com', 'a.xn--p1ai', 'xn--', 'a..b', 'localhost', 'example.com:99999', 'u@example.com'),
    );
    const rest = fc.array(fc.constantFrom('/', 'a', '%', '?', '#', ':', ' ', '\t', '\\', '[', 'é'), { maxLength: 8 }).map((cs) => cs.join(''));
    const url = fc.tuple(fc.constantFrom('http://', 'https://', 'HTTPS://', 'ftp://', 'javascript:', 'http:/', ''), host, rest).map(([s, h, r]) => `${s}${h}${r}`);
    fc.assert(fc.property(fc.oneof(url, fc.string()), (u) => isWebUrl(u) === reference(u)), { numRuns: 5000 });
    expect(isWebUrl('https://flood.example/static/#comment-12')).toBe(true);
    expect(isWebUrl('https://xn--/')).toBe(reference('https://xn--/'));
    expect(isWebUrl('javascript:alert(1)')).toBe(false);
  });

  it('parses no URL to fit a flood of posts with plain permalinks (counted)', () => {
    const construct = vi.spyOn(globalThis, 'URL');
    for (let i = 0; i < 200; i++) {
      const link = `https://blog.example.org/2026/11/post/#comment-${i}`;
      const fitted = clipPost({ id: link, platform: 'wordpress', author: `Person ${i}`, handle: '', text: 'You charged me twice.', permalink: link, time: null });
      expect(fitted.permalink).toBe(link);
    }
    // Main: 200, one parse per post.
    expect(construct).toHaveBeenCalledTimes(0);
  });
});
