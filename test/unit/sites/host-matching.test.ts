import { describe, expect, it } from 'vitest';
import { adapterFor } from '../../../lib/sites/index';

const platformOf = (href: string) => adapterFor(new URL(href))?.platform ?? null;

describe('host matching (no regexes: it runs on every page load)', () => {
  it('knows Stack Exchange sites and their subdomains, and nothing that merely ends alike', () => {
    expect(platformOf('https://stackoverflow.com/questions/1')).toBe('stackexchange');
    expect(platformOf('https://unix.stackexchange.com/q/2')).toBe('stackexchange');
    expect(platformOf('https://meta.superuser.com/q/3')).toBe('stackexchange');
    expect(platformOf('https://notstackoverflow.com/q/4')).toBeNull();
  });

  it('knows Blogger blogs on blogspot.com and its country domains', () => {
    expect(platformOf('https://acme-watch.blogspot.com/2024/01/post.html')).toBe('blogger');
    expect(platformOf('https://acme-watch.blogspot.co.uk/2024/01/post.html')).toBe('blogger');
    expect(platformOf('https://blogspotter.example.com/')).toBeNull();
  });
});
