import { rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startSiteServer } from '../../test/e2e/harness';
import { BLOG_COMMENTS, BLOG_HOST, BLOG_PATH, blogHtml } from './blog-page';
import {
  CHURN_BATCH,
  CHURN_EVERY_MS,
  CHURN_SECONDS,
  FLOOD_CHURN_PATH,
  FLOOD_CHURN_POSTS,
  FLOOD_HOST,
  FLOOD_STATIC_PATH,
  FLOOD_STATIC_POSTS,
  floodChurnHtml,
  floodStaticHtml,
} from './flood-pages';
import { measureRun, type RunResult, type Scenario } from './measure-run';
import { printTable, printVerdicts } from './report';
import { snapshotExtension } from './snapshot';
import { TIMELINE_HOST, TIMELINE_PATH, TIMELINE_POSTS, timelineHtml } from './timeline-page';

/**
 * npm run bench:page [-- --runs N --only <part of a page name>] — the same synthetic pages, same
 * scroll script, each in a fresh Chromium profile without and then with the built extension
 * (.output/chrome-mv3), N times (default 3) in alternation so load drifts hit both sides alike;
 * goals are judged on medians. See bench/README.md.
 */

const SCENARIOS: Scenario[] = [
  { name: `x.com timeline (${TIMELINE_POSTS} posts)`, host: TIMELINE_HOST, path: TIMELINE_PATH, posts: TIMELINE_POSTS, wheelPx: 6000, wheelEveryMs: 50, html: timelineHtml },
  { name: `WordPress blog (${BLOG_COMMENTS} comments)`, host: BLOG_HOST, path: BLOG_PATH, posts: BLOG_COMMENTS, wheelPx: 2500, wheelEveryMs: 50, html: blogHtml },
  {
    name: `flood: ${FLOOD_STATIC_POSTS} complaints at once`,
    host: FLOOD_HOST,
    path: FLOOD_STATIC_PATH,
    posts: FLOOD_STATIC_POSTS,
    wheelPx: 2500,
    wheelEveryMs: 50,
    html: floodStaticHtml,
    durationMs: 15_000,
  },
  {
    name: `flood: ${CHURN_BATCH} complaints every ${CHURN_EVERY_MS} ms for ${CHURN_SECONDS} s`,
    host: FLOOD_HOST,
    path: FLOOD_CHURN_PATH,
    posts: FLOOD_CHURN_POSTS,
    wheelPx: 1000,
    wheelEveryMs: 100,
    html: floodChurnHtml,
    durationMs: CHURN_SECONDS * 1000 + 2000,
  },
];

function serve(body: string) {
  return (_req: unknown, res: import('node:http').ServerResponse) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(body);
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, only: { type: 'string' } } });
  const runs = Math.max(1, Number(values.runs) || 1);
  // --only blog (any part of a scenario name; FRONTLINE_BENCH_ONLY works too) runs just that page while iterating.
  const only = (values.only ?? process.env.FRONTLINE_BENCH_ONLY)?.toLowerCase();
  const chosen = SCENARIOS.filter((s) => !only || s.name.toLowerCase().includes(only));
  const extension = await snapshotExtension();
  const byHost = new Map<string, Map<string, string>>();
  for (const s of chosen) {
    const paths = byHost.get(s.host) ?? new Map<string, string>();
    paths.set(s.path, s.html());
    byHost.set(s.host, paths);
  }
  const server = await startSiteServer(
    Object.fromEntries(
      [...byHost].map(([host, paths]) => [
        host,
        (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => {
          const body = paths.get(req.url ?? '');
          return body === undefined ? void res.writeHead(404).end() : serve(body)(req, res);
        },
      ]),
    ),
  );
  const rows: Array<{ scenario: Scenario; run: RunResult }> = [];
  try {
    for (const scenario of chosen) {
      for (let i = 0; i < runs; i++) {
        for (const ext of [null, extension]) {
          process.stderr.write(`… ${scenario.name}, run ${i + 1}/${runs}, ${ext ? 'with' : 'without'} extension\n`);
          rows.push({ scenario, run: await measureRun(server, scenario, ext) });
        }
      }
    }
  } finally {
    await server.close();
    await rm(path.dirname(extension), { recursive: true, force: true });
  }
  console.log(`\nFrontline page benchmark — Chromium headless, fresh profile per run, ${runs} run(s) each way, ${new Date().toISOString()}\n`);
  printTable(rows);
  for (const scenario of chosen) {
    const mine = rows.filter((r) => r.scenario === scenario).map((r) => r.run);
    printVerdicts(
      scenario,
      mine.filter((r) => !r.withExtension),
      mine.filter((r) => r.withExtension),
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
