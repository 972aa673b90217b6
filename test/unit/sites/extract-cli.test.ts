import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, loadExpected } from './load-fixture';

const ROOT = join(__dirname, '../../..');

function extract(...args: string[]) {
  const r = spawnSync('npx', ['tsx', 'scripts/extract.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('npm run extract', () => {
  it('prints the posts of a saved page as a JSON array of {platform, author, handle, text, permalink, time}', () => {
    const exp = loadExpected('hackernews/real-markup--news.ycombinator.com-item-id=41230000.expected.json');
    const r = extract('--url', exp.url, join(FIXTURES, 'hackernews', exp.file));
    expect(r.code).toBe(0);
    const posts = JSON.parse(r.out) as Record<string, unknown>[];
    expect(posts.map((p) => p.author)).toEqual(exp.posts.map((p) => p.author));
    expect(posts.map((p) => p.permalink)).toEqual(exp.posts.map((p) => p.permalink));
    expect(Object.keys(posts[0]!).sort()).toEqual(['author', 'handle', 'permalink', 'platform', 'text', 'time']);
    expect(posts[0]).toMatchObject({ platform: 'hackernews', time: '2024-08-20T12:31:40.000Z' });
  }, 60_000);

  it('prints [] and exits 0 for a page without posts', () => {
    const r = extract('--url', 'https://blog.example.net/sourdough', join(FIXTURES, 'generic/no-comments-long-article.html'));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual([]);
  }, 60_000);

  it('fails with a message on stderr and exit 1 for an unreadable file', () => {
    const r = extract('--url', 'https://x.com/', join(FIXTURES, 'does-not-exist.html'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/cannot read/);
    expect(r.out).toBe('');
  }, 60_000);
});
