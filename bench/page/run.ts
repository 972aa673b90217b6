import { rm } from 'node:fs/promises';
import path from 'node:path';
import { startSiteServer } from '../../test/e2e/harness';
import { BLOG_COMMENTS, BLOG_HOST, BLOG_PATH, blogHtml } from './blog-page';
import { measureRun, type RunResult, type Scenario } from './measure-run';
import { printTable, printVerdicts } from './report';
import { snapshotExtension } from './snapshot';
import { TIMELINE_HOST, TIMELINE_PATH, TIMELINE_POSTS, timelineHtml } from './timeline-page';

/**
 * npm run bench:page — the same synthetic pages, same scroll script, in a fresh Chromium
 * profile without and then with the built extension (.output/chrome-mv3). See bench/README.md.
 */

const SCENARIOS: Scenario[] = [
  { name: `x.com timeline (${TIMELINE_POSTS} posts)`, host: TIMELINE_HOST, path: TIMELINE_PATH, posts: TIMELINE_POSTS, wheelPx: 6000, wheelEveryMs: 50 },
  { name: `WordPress blog (${BLOG_COMMENTS} comments)`, host: BLOG_HOST, path: BLOG_PATH, posts: BLOG_COMMENTS, wheelPx: 2500, wheelEveryMs: 50 },
];

function html(body: string) {
  return (_req: unknown, res: import('node:http').ServerResponse) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(body);
  };
}

async function main(): Promise<void> {
  const extension = await snapshotExtension();
  const pages = { [TIMELINE_PATH]: timelineHtml(), [BLOG_PATH]: blogHtml() };
  const server = await startSiteServer({
    [TIMELINE_HOST]: (req, res) => (req.url === TIMELINE_PATH ? html(pages[TIMELINE_PATH]!)(req, res) : void res.writeHead(404).end()),
    [BLOG_HOST]: (req, res) => (req.url === BLOG_PATH ? html(pages[BLOG_PATH]!)(req, res) : void res.writeHead(404).end()),
  });
  const rows: Array<{ scenario: Scenario; run: RunResult }> = [];
  try {
    // FRONTLINE_BENCH_ONLY=blog (any part of a scenario name) runs just that page while iterating.
    const only = process.env.FRONTLINE_BENCH_ONLY?.toLowerCase();
    for (const scenario of SCENARIOS.filter((s) => !only || s.name.toLowerCase().includes(only))) {
      for (const ext of [null, extension]) {
        process.stderr.write(`… ${scenario.name}, ${ext ? 'with' : 'without'} extension\n`);
        rows.push({ scenario, run: await measureRun(server, scenario, ext) });
      }
    }
  } finally {
    await server.close();
    await rm(path.dirname(extension), { recursive: true, force: true });
  }
  console.log(`\nFrontline page benchmark — Chromium headless, fresh profile per run, ${new Date().toISOString()}\n`);
  printTable(rows);
  for (const scenario of SCENARIOS) {
    const [without, withExt] = rows.filter((r) => r.scenario === scenario).map((r) => r.run);
    if (without && withExt) printVerdicts(scenario, without, withExt);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
