import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../../..');

function classify(stdin: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/classify.ts'], { cwd: root, input: stdin, encoding: 'utf8' });
  return { code: r.status, out: r.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>), err: r.stderr };
}

describe('classify CLI', () => {
  it('writes one verdict line per input, using the line number when id is missing', () => {
    const r = classify([
      JSON.stringify({ id: 'a1', text: 'You stole my money, you scammers, I will sue' }),
      '{not json',
      JSON.stringify({ id: 'b2', text: 42 }),
      JSON.stringify({ text: 'Thanks, love the new update!' }),
    ].join('\n'));
    expect(r.code).toBe(0);
    expect(r.out).toHaveLength(2);
    expect(r.out[0]).toMatchObject({ id: 'a1', complaint: true });
    expect(Object.keys(r.out[0]!).sort()).toEqual(['complaint', 'cues', 'id', 'score', 'severity']);
    expect(r.out[1]).toMatchObject({ id: '4', complaint: false, severity: 0, cues: [] });
    expect(r.err).toContain('line 2');
    expect(r.err).toContain('"b2"');
  });

  it('exits non-zero when nothing could be read', () => {
    expect(classify('garbage\n').code).not.toBe(0);
  });
});
