import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CDPSession } from 'playwright-core';
import { FLOOD_HOST, FLOOD_STATIC_PATH, floodStaticHtml } from '../../bench/page/flood-pages';
import { launchBench } from '../../bench/page/launch';
import { snapshotExtension } from '../../bench/page/snapshot';
import { startSiteServer } from '../../test/e2e/harness';

/**
 * What holds the heap growth of the 50,000-comment flood page (issue 18: ≤ 3 MB): the page skimmed
 * as bench:page does (2,500 px every 50 ms for 15 s), two forced GCs, then a V8 heap snapshot
 * (CDP HeapProfiler), summed by constructor (self sizes), for the page without the extension and
 * with each build given. The content script's isolated world shares the page's isolate, so the
 * difference with − without is what we hold (and what our marks made the page hold).
 * `npx tsx research/page/probe-flood-heap.ts --ext /tmp/main-build,.output/chrome-mv3 --runs 1`
 */

const { values } = parseArgs({
  options: {
    ext: { type: 'string', default: '.output/chrome-mv3' },
    runs: { type: 'string', default: '1' },
    top: { type: 'string', default: '25' },
  },
});

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
  nodes: number[];
  strings: string[];
}

/** Self size and count per "type:name" (objects by constructor, strings, code, DOM wrappers...). */
async function heapByConstructor(cdp: CDPSession): Promise<Map<string, { bytes: number; count: number }>> {
  const chunks: string[] = [];
  const onChunk = (e: { chunk: string }) => chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const snap = JSON.parse(chunks.join('')) as Snapshot;
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  const out = new Map<string, { bytes: number; count: number }>();
  for (let i = 0; i < snap.nodes.length; i += fields.length) {
    const type = types[snap.nodes[i + typeAt!]!]!;
    // Strings and code by kind only (their "names" are their contents).
    const name = ['object', 'native', 'closure', 'regexp'].includes(type) ? snap.strings[snap.nodes[i + nameAt!]!]! : '';
    const key = `${type}:${name.slice(0, 60)}`;
    const row = out.get(key) ?? { bytes: 0, count: 0 };
    row.bytes += snap.nodes[i + sizeAt!]!;
    row.count += 1;
    out.set(key, row);
  }
  return out;
}

async function oneRun(server: Awaited<ReturnType<typeof startSiteServer>>, ext: string | null) {
  const browser = await launchBench({ server, extensionPath: ext });
  try {
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    await page.goto(server.url(FLOOD_HOST, FLOOD_STATIC_PATH), { waitUntil: 'load', timeout: 120_000 });
    await page.mouse.move(640, 450);
    for (const until = Date.now() + 15_000; Date.now() < until; ) {
      await page.mouse.wheel(0, 2500);
      await page.waitForTimeout(50);
    }
    await page.waitForTimeout(1_000);
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const used = (await cdp.send('Runtime.getHeapUsage')).usedSize;
    const marked = (await page.evaluate('document.querySelectorAll("[data-frontline-post]").length')) as number;
    return { used, marked, byConstructor: await heapByConstructor(cdp) };
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const builds = values.ext!.split(',').map((p) => path.resolve(p));
  const copies: string[] = [];
  for (const b of builds) {
    process.env.FRONTLINE_EXTENSION = b;
    copies.push(await snapshotExtension());
  }
  const html = floodStaticHtml();
  const server = await startSiteServer({
    [FLOOD_HOST]: (req, res) => (req.url === FLOOD_STATIC_PATH ? void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html) : void res.writeHead(404).end()),
  });
  try {
    for (let run = 1; run <= Number(values.runs); run++) {
      const without = await oneRun(server, null);
      console.log(`run ${run}, without: heap ${(without.used / 2 ** 20).toFixed(2)} MB`);
      for (const [i, ext] of copies.entries()) {
        const withExt = await oneRun(server, ext);
        console.log(`run ${run}, ${builds[i]}: heap ${(withExt.used / 2 ** 20).toFixed(2)} MB, growth ${((withExt.used - without.used) / 2 ** 20).toFixed(2)} MB, posts marked ${withExt.marked}`);
        const keys = new Set([...without.byConstructor.keys(), ...withExt.byConstructor.keys()]);
        const diffs = [...keys]
          .map((k) => {
            const a = without.byConstructor.get(k) ?? { bytes: 0, count: 0 };
            const b = withExt.byConstructor.get(k) ?? { bytes: 0, count: 0 };
            return { k, bytes: b.bytes - a.bytes, count: b.count - a.count };
          })
          .sort((x, y) => y.bytes - x.bytes);
        for (const d of diffs.slice(0, Number(values.top))) console.log(`    ${(d.bytes / 1024).toFixed(0).padStart(7)} KB  ${String(d.count).padStart(7)}×  ${d.k}`);
      }
    }
  } finally {
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
