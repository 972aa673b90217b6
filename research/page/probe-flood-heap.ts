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
    // Also sum each build's heap by retainer path (two levels up): which of our structures hold it.
    retainers: { type: 'boolean', default: false },
  },
});

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]] } };
  nodes: number[];
  edges: number[];
  strings: string[];
}

/** JS heap self sizes summed by "what it is ← edge of its first retainer ← edge of that one's retainer". */
function byRetainers(snap: Snapshot): Map<string, { bytes: number; count: number }> {
  const nf = snap.snapshot.meta.node_fields;
  const ef = snap.snapshot.meta.edge_fields;
  const ntypes = snap.snapshot.meta.node_types[0];
  const etypes = snap.snapshot.meta.edge_types[0];
  const N = nf.length;
  const [tAt, nAt, sAt, cAt] = ['type', 'name', 'self_size', 'edge_count'].map((f) => nf.indexOf(f)) as [number, number, number, number];
  const [etAt, enAt, toAt] = ['type', 'name_or_index', 'to_node'].map((f) => ef.indexOf(f)) as [number, number, number];
  const count = snap.nodes.length / N;
  const retainer = new Int32Array(count).fill(-1);
  const via = new Array<string>(count);
  let e = 0;
  for (let i = 0; i < count; i++) {
    const edges = snap.nodes[i * N + cAt]!;
    for (let k = 0; k < edges; k++, e += ef.length) {
      const type = etypes[snap.edges[e + etAt]!]!;
      if (type === 'weak' || type === 'shortcut') continue;
      const to = snap.edges[e + toAt]! / N;
      if (retainer[to] !== -1) continue;
      retainer[to] = i;
      const nameOrIndex = snap.edges[e + enAt]!;
      via[to] = type === 'element' || type === 'hidden' ? `[${type}]` : snap.strings[nameOrIndex]!;
    }
  }
  const label = (i: number) => {
    const type = ntypes[snap.nodes[i * N + tAt]!]!;
    const name = ['object', 'native', 'closure'].includes(type) ? snap.strings[snap.nodes[i * N + nAt]!]!.slice(0, 40) : '';
    return `${type}:${name}`;
  };
  const out = new Map<string, { bytes: number; count: number }>();
  for (let i = 0; i < count; i++) {
    // The JS heap only (what Runtime.getHeapUsage and bench:page's heap growth count): Blink's own objects are natives.
    if (['native', 'synthetic'].includes(ntypes[snap.nodes[i * N + tAt]!]!)) continue;
    const r1 = retainer[i]!;
    const r2 = r1 >= 0 ? retainer[r1]! : -1;
    const key = `${label(i)} ← ${via[i] ?? ''} of ${r1 >= 0 ? label(r1) : '-'} ← ${r1 >= 0 ? via[r1] ?? '' : ''} of ${r2 >= 0 ? label(r2) : '-'}`;
    const row = out.get(key) ?? { bytes: 0, count: 0 };
    row.bytes += snap.nodes[i * N + sAt]!;
    row.count += 1;
    out.set(key, row);
  }
  return out;
}

/** Self size and count per "type:name" (objects by constructor, strings, code, DOM wrappers...). */
async function heapByConstructor(cdp: CDPSession): Promise<{ rows: Map<string, { bytes: number; count: number }>; retained?: Map<string, { bytes: number; count: number }> }> {
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
  return { rows: out, retained: values.retainers ? byRetainers(snap) : undefined };
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
    const heap = await heapByConstructor(cdp);
    return { used, marked, byConstructor: heap.rows, retained: heap.retained };
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
        if (!withExt.retained) continue;
        console.log('  by retainer path (with the extension; the page alone holds ~1 MB):');
        const rows = [...withExt.retained].sort((a, b) => b[1].bytes - a[1].bytes).slice(0, Number(values.top));
        for (const [k, r] of rows) console.log(`    ${(r.bytes / 1024).toFixed(0).padStart(7)} KB  ${String(r.count).padStart(7)}×  ${k}`);
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
