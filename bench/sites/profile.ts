/**
 * Where the generic reader's time goes, in real Chromium: the CPU profile of many find + read runs on
 * bench:sites' generated forum page, summed per function (self and inclusive time).
 *   npx tsx bench/sites/profile.ts [posts=100] [runs=200]
 * A tool for finding costly steps; the figures to report are bench:sites' medians.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { openForumTab } from './forum-tab';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }

async function main(): Promise<void> {
  const posts = Number(process.argv[2] ?? 100);
  const runs = Number(process.argv[3] ?? 200);
  const bundle = await build({ entryPoints: [path.join(ROOT, 'bench/sites/entry.ts')], bundle: true, write: false, format: 'iife', platform: 'browser', sourcemap: false });
  const { browser, page } = await openForumTab(posts);
  await page.evaluate(bundle.outputFiles[0]!.text);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const ms = await page.evaluate((runs) => {
    const s = (globalThis as any).__frontlineSites;
    const url = new URL(location.href);
    const t0 = performance.now();
    for (let i = 0; i < runs; i++) s.readPostsWith(s.genericAdapter, document, url);
    return (performance.now() - t0) / runs;
  }, runs);
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
  await browser.close();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n: ProfileNode) => `${n.callFrame.functionName || '(anon)'}:${n.callFrame.lineNumber}`;
  const self = new Map<string, number>();
  // Who calls the query helpers ($$, $), two frames up: which selector scans cost most.
  const callers = new Map<string, number>();
  const incl = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    const n = byId.get(id)!;
    self.set(name(n), (self.get(name(n)) ?? 0) + dt);
    if (new RegExp(process.env.CALLERS_OF ?? "^\\$\\$?:").test(name(n))) {
      const up = parent.get(id);
      const up2 = up === undefined ? undefined : parent.get(up);
      const k = [up, up2].map((x) => (x === undefined ? '' : name(byId.get(x)!))).join(' < ');
      callers.set(k, (callers.get(k) ?? 0) + dt);
    }
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const k = name(byId.get(cur)!);
      if (seen.has(k)) continue;
      seen.add(k);
      incl.set(k, (incl.get(k) ?? 0) + dt);
    }
  });
  const total = profile.timeDeltas.reduce((a, b) => a + b, 0);
  const top = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`).join('\n');
  console.log(`${posts} posts: ${ms.toFixed(2)} ms per find + read (mean of ${runs}, profiler on)\n\n## self\n${top(self)}\n\n## inclusive\n${top(incl)}\n\n## callers of $ and $$\n${top(callers)}`);
}

void main();
