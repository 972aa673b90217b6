/**
 * Developer probe (not part of bench:db): times single lib/db queries inside real Chromium on a
 * seeded profile that is kept between runs, so each run skips the 40 s seeding.
 *   npx tsx research/db/probe-queries.ts seed      # once: seeds /tmp/fl-exp/seeded with the current build
 *   npx tsx research/db/probe-queries.ts           # copies it, opens the popup (runs upgrades), times queries
 */
import { cp, rm, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { seedDatabase } from '../../bench/db/seed';
import type { ExtensionBrowser } from '../../test/e2e/harness';
import { exportAll, popupFirstRender, searches, timelines } from '../../bench/db/measure-db';
import { timeSearch } from '../../bench/db/page-timing';

const ROOT = process.env.PROBE_DIR ?? '/tmp/fl-exp';
const EXT = `${ROOT}/ext`;
const args = (_profile: string) => [`--disable-extensions-except=${EXT}`, `--load-extension=${EXT}`, '--no-sandbox', '--disable-gpu', '--no-first-run'];

async function launch(profile: string) {
  const context = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', headless: true, args: args(profile) });
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return { context, id: new URL(sw.url()).host };
}

async function main() {
  await rm(EXT, { recursive: true, force: true });
  await cp(process.env.PROBE_EXT ?? '.output/chrome-mv3', EXT, { recursive: true });
  if (process.argv[2] === 'seed') {
    await rm(`${ROOT}/seeded`, { recursive: true, force: true });
    const { context, id } = await launch(`${ROOT}/seeded`);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${id}/popup.html`);
    await popup.waitForSelector('.empty h2');
    await popup.close();
    const page = await context.newPage();
    await page.goto(`chrome-extension://${id}/manifest.json`);
    console.log(await seedDatabase(page, { contacts: 20_000, interactions: 100_000 }));
    await context.close();
    return;
  }
  if (!existsSync(`${ROOT}/seeded`)) throw new Error('run with "seed" first');
  await rm(`${ROOT}/work`, { recursive: true, force: true });
  await mkdir(`${ROOT}/work`, { recursive: true });
  await cp(`${ROOT}/seeded`, `${ROOT}/work`, { recursive: true });
  const bundle = await build({ entryPoints: ['research/db/probe-entry.ts'], bundle: true, format: 'iife', globalName: 'FL', write: false, platform: 'browser', footer: { js: 'globalThis.FL = FL;' } });
  const code = bundle.outputFiles[0]!.text;
  const { context, id } = await launch(`${ROOT}/work`);
  if (process.argv[2] === 'searchprofile') {
    const page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && console.log('console:', m.text()));
    page.on('pageerror', (e) => console.log('pageerror:', e.message));
    await page.goto(`chrome-extension://${id}/popup.html`);
    await page.waitForSelector('li.contact-item');
    await timeSearch(page, 'zzz');
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    for (const q of ['nadia pa', 'okafor', 'mei ng', 'kwame', 'ivanlind']) console.log(q, (await timeSearch(page, q)).ms.toFixed(1));
    const { profile } = (await cdp.send('Profiler.stop')) as any;
    const self = new Map<string, number>();
    const dt = profile.timeDeltas as number[];
    const byId = new Map((profile.nodes as any[]).map((n) => [n.id, n]));
    (profile.samples as number[]).forEach((sid, n) => {
      const f = byId.get(sid)!.callFrame;
      const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
      self.set(key, (self.get(key) ?? 0) + (dt[n] ?? 0) / 1000);
    });
    for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(v.toFixed(1).padStart(7), k);
    await context.close();
    return;
  }
  if (process.argv[2] === 'firstsearch') {
    // The first query typed the moment the popup's first row is up (what bench:db times), profiled.
    const query = process.argv[3] ?? 'nadia pa';
    for (let k = 0; k < 4; k++) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${id}/popup.html`);
      await page.waitForSelector('li.contact-item');
      const cdp = await context.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
      const { ms } = await timeSearch(page, query);
      const after = (await timeSearch(page, 'okafor')).ms;
      await new Promise((r) => setTimeout(r, 1500));
      const third = (await timeSearch(page, 'mei ng')).ms;
      const { profile } = (await cdp.send('Profiler.stop')) as any;
      const self = new Map<string, number>();
      const dt = profile.timeDeltas as number[];
      const byId = new Map((profile.nodes as any[]).map((n) => [n.id, n]));
      (profile.samples as number[]).forEach((sid, n) => {
        const f = byId.get(sid)!.callFrame;
        const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
        self.set(key, (self.get(key) ?? 0) + (dt[n] ?? 0) / 1000);
      });
      console.log(`first "${query}" ${ms.toFixed(1)} ms, then okafor ${after.toFixed(1)} ms, after 1.5 s mei ng ${third.toFixed(1)} ms`);
      for (const [key, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(v.toFixed(1).padStart(7), key);
      await page.close();
    }
    await context.close();
    return;
  }
  if (process.argv[2] === 'profile') {
    for (let k = 0; k < 2; k++) { const p = await context.newPage(); await p.goto(`chrome-extension://${id}/popup.html`); await p.waitForSelector('li.contact-item'); await p.close(); }
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    const t0 = Date.now();
    await page.goto(`chrome-extension://${id}/${process.argv[3] ?? 'popup.html'}`);
    await page.waitForSelector(process.argv[4] ?? 'li.contact-item');
    const wall = Date.now() - t0;
    const { profile } = (await cdp.send('Profiler.stop')) as any;
    const self = new Map<string, number>();
    const dt = profile.timeDeltas as number[];
    const byId = new Map((profile.nodes as any[]).map((n) => [n.id, n]));
    (profile.samples as number[]).forEach((sid, n) => {
      const node = byId.get(sid)!; const f = node.callFrame;
      const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
      self.set(key, (self.get(key) ?? 0) + (dt[n] ?? 0) / 1000);
    });
    const total = [...self.values()].reduce((a, b) => a + b, 0);
    console.log('wall', wall, 'profiled ms', total.toFixed(1));
    for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(v.toFixed(1).padStart(7), k);
    await context.close();
    return;
  }
  if (process.argv[2] === 'exportonly') {
    // Only the dashboard's Export JSON, timed as bench:db does, a few times (A/B of two builds in alternation).
    const b = { context, extensionId: id } as unknown as ExtensionBrowser;
    try {
      for (let k = 0; k < Number(process.argv[3] ?? 2); k++) console.log('export', (await exportAll(b, `${ROOT}/export.json`)).ms);
    } finally {
      await context.close();
    }
    return;
  }
  if (process.argv[2] === 'pages') {
    const b = { context, extensionId: id } as unknown as ExtensionBrowser;
    try {
      for (let k = 0; k < 4; k++) console.log('popup', (await popupFirstRender(b)).ms.toFixed(1));
      for (const s of await searches(b)) console.log('search', s.note, s.ms.toFixed(1));
      const tl = await timelines(b, { heavy: 'wordpress:aikosilva0', typical: 'x:ravisilva1' });
      console.log('timeline cold', tl.cold.ms.toFixed(1), 'typical', tl.switchTypical?.ms.toFixed(1), 'heavy', tl.switchHeavy?.ms.toFixed(1));
      const tl2 = await timelines(b, { heavy: 'wordpress:aikosilva0', typical: 'x:ravisilva1' });
      console.log('timeline again cold', tl2.cold.ms.toFixed(1), 'typical', tl2.switchTypical?.ms.toFixed(1), 'heavy', tl2.switchHeavy?.ms.toFixed(1));
      if (process.argv[3] === 'export') {
        const e = await exportAll(b, `${ROOT}/export.json`);
        console.log('export', e.ms, e.note);
      }
    } finally {
      await context.close();
    }
    return;
  }
  try {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${id}/manifest.json`);
    await page.evaluate(code);
    const out = await page.evaluate(`(async () => {
      const t = async (label, f, n = 1) => { const xs = []; let r; for (let k = 0; k < n; k++) { const s = performance.now(); r = await f(); xs.push(performance.now() - s); } out.push(label + ': ' + xs.map((x) => x.toFixed(1)).join(' / ') + ' ms' + (r && r.length !== undefined ? ' (' + r.length + ')' : '')); return r; };
      const out = [];
      const db = await t('openDB (incl. upgrade)', () => FL.openDB());
      const now = Date.now();
      ${SCRIPTS[process.argv[3] ?? 'queries']}
      db.close();
      return out;
    })()`);
    console.log((out as string[]).join('\n'));
  } finally {
    await context.close();
  }
}

const SCRIPTS: Record<string, string> = {
  queries: `
      await t('recentContacts 50', () => FL.recentContacts(db, { limit: 50 }), 3);
      await t('dueInteractions', () => FL.dueInteractions(db, now), 3);
      await t('countsFor', () => FL.countsFor(db, now), 3);
      await t('first key', () => db.contacts.orderBy('lastSeenAt').limit(1).primaryKeys(), 3);
      for (const q of ['nadia pa', 'okafor', 'mei ng', 'kwame', 'ivanlind']) await t('search ' + q, () => FL.recentContacts(db, { limit: 50, query: q }), 2);
      for (const q of ['nadia', 'okafor']) await t('searchWords keys ' + q, () => db.contacts.where('searchWords').startsWith(q).primaryKeys(), 2);
      const heavy = { id: 'wordpress:aikosilva0' };
      await t('contactHistory heavy ' + heavy.id, () => FL.contactHistory(db, heavy.id).then((h) => h.interactions), 3);
      const typ = { id: 'x:ravisilva1' };
      await t('contactHistory typical ' + typ.id, () => FL.contactHistory(db, typ.id).then((h) => h.interactions), 3);
      await t('recentContactsBare 500', () => FL.recentContactsBare(db, { limit: 500 }), 3);
      const bare = await FL.recentContactsBare(db, { limit: 30 });
      await t('contactSummary x30', () => Promise.all(bare.map((c) => FL.contactSummary(db, c.id))), 3);
  `,
  search: `
      for (const q of ['nadia pa', 'okafor', 'mei ng', 'kwame', 'ivanlind']) {
        await t('search ' + q, () => FL.recentContacts(db, { limit: 50, query: q }), 3);
        const tokens = FL.searchWordsFor(q, '');
        await t('  keys ' + q, () => Promise.all(tokens.map((w) => db.contacts.where('searchWords').startsWith(w).primaryKeys())), 2);
      }
      await t('lastSeenAt keys 2000', () => db.contacts.orderBy('lastSeenAt').reverse().limit(2000).primaryKeys(), 3);
      await t('lastSeenAt keys 8000', () => db.contacts.orderBy('lastSeenAt').reverse().limit(8000).primaryKeys(), 2);
      await t('due count', () => FL.dueRange(db, now).count(), 3);
      await t('due first 20', () => FL.dueRange(db, now).limit(20).toArray(), 3);
      await t('due all', () => FL.dueInteractions(db, now), 3);
      await t('due keys', () => FL.dueRange(db, now).primaryKeys(), 3);
  `,
  counts: `
      const start = FL.startOfWeek(now);
      await t('countsFor', () => FL.countsFor(db, now), 3);
      await t('lastEventAt keys since Monday', () => db.interactions.where('lastEventAt').aboveOrEqual(start).primaryKeys(), 3);
      await t('lastEventAt records since Monday', () => db.interactions.where('lastEventAt').aboveOrEqual(start).toArray(), 3);
      await t('raw getAll since Monday', () => new Promise((res) => { const r = db.backendDB().transaction('interactions').objectStore('interactions').index('lastEventAt').getAll(IDBKeyRange.lowerBound(start)); r.onsuccess = () => res(r.result); }), 3);
  `,
  firstsearch: `
      await t('directory.count', () => db.directory.count(), 3);
      const shards = await t('directory.toArray', () => db.directory.toArray(), 3);
      await t('matchDirectory nadia pa', () => FL.matchDirectory(shards, 'nadia pa', now).newestFirst, 3);
      await t('matchDirectory h', () => FL.matchDirectory(shards, 'h', now).newestFirst, 3);
      const index = await t('buildDirectoryIndex', () => FL.buildDirectoryIndex(shards), 3);
      await t('matchIndex nadia pa', () => FL.matchIndex(index, 'nadia pa', now).newestFirst, 3);
      await t('matchIndex h', () => FL.matchIndex(index, 'h', now).newestFirst, 3);
      for (const q of ['nadia pa', 'h', 'okafor', 'kwame']) {
        await t('popupLists ' + q, () => FL.popupLists(db, { query: q, platform: '', status: '' }, now).then((r) => r.recent.concat(r.due)), 3);
        const m = FL.matchIndex(index, q, now);
        out.push('  matches ' + m.newestFirst.length + ' due ' + m.due.length);
      }
      await t('popupLists no query', () => FL.popupLists(db, { query: '', platform: '', status: '' }, now).then((r) => r.recent), 3);
      await t('countsFor', () => FL.countsFor(db, now), 3);
  `,
  due: `
      await t('due count', () => FL.dueRange(db, now).count(), 3);
      await t('due first 20', () => FL.dueRange(db, now).limit(20).toArray(), 3);
      await t('due all', () => FL.dueInteractions(db, now), 3);
      await t('due keys', () => FL.dueRange(db, now).primaryKeys(), 3);
  `,
  exportparts: `
      for (const name of ['contacts', 'interactions', 'events']) {
        const table = db.table(name);
        let rows = [];
        await t('read ' + name + ' chunked', async () => { rows = []; let next = await table.orderBy(':id').limit(10000).toArray(); while (next.length) { rows.push(next); const k = next[next.length-1][name === 'events' ? 'seq' : 'id']; next = next.length < 10000 ? [] : await table.where(':id').above(k).limit(10000).toArray(); } return rows; });
        await t('stringify ' + name, async () => rows.map((r) => JSON.stringify(r)));
        await t('raw getAll ' + name, () => new Promise((res) => { const r = db.backendDB().transaction(name).objectStore(name).getAll(); r.onsuccess = () => res(r.result); }));
      }
  `,
  packed: `
      // The directory as stored (arrays of strings and numbers) against the same rows packed
      // (joined strings, Float64Arrays), read back from a scratch database in this page.
      const shards = await db.directory.toArray();
      const packedRows = shards.map((s) => ({ shard: s.shard, ids: s.ids.join('\\n'), words: s.words.join('\\n'), lastSeenAt: Float64Array.from(s.lastSeenAt), followUpDue: Float64Array.from(s.followUpDue) }));
      const scratch = await new Promise((res, rej) => { const r = indexedDB.open('probe-packed', 1); r.onupgradeneeded = () => { r.result.createObjectStore('plain', { keyPath: 'shard' }); r.result.createObjectStore('packed', { keyPath: 'shard' }); }; r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
      await new Promise((res) => { const tx = scratch.transaction(['plain', 'packed'], 'readwrite'); for (const s of shards) tx.objectStore('plain').put(s); for (const s of packedRows) tx.objectStore('packed').put(s); tx.oncomplete = res; });
      const read = (name) => new Promise((res) => { const r = scratch.transaction(name).objectStore(name).getAll(); r.onsuccess = () => res(r.result); });
      for (let k = 0; k < 3; k++) { await t('plain getAll', () => read('plain'), 1); await t('packed getAll', () => read('packed'), 1); }
      await t('directory.toArray (Dexie)', () => db.directory.toArray(), 3);
      await t('buildDirectoryIndex', () => FL.buildDirectoryIndex(shards), 3);
      scratch.close();
  `,
  exportsplit: `
      for (const name of ['contacts', 'interactions']) {
        const table = db.table(name);
        let rows = [];
        await t('read ' + name + ' chunked 10k', async () => { rows = []; let next = await table.orderBy(':id').limit(10000).toArray(); while (next.length) { rows.push(next); const k = next[next.length-1].id; next = next.length < 10000 ? [] : await table.where(':id').above(k).limit(10000).toArray(); } return rows; });
        await t('raw getAll ' + name, () => new Promise((res) => { const r = db.backendDB().transaction(name).objectStore(name).getAll(); r.onsuccess = () => res(r.result); }));
        await t('stringify ' + name, async () => rows.map((r) => JSON.stringify(r)));
        const texts = rows.map((r) => JSON.stringify(r));
        await t('blob ' + name, async () => [new Blob(texts).size]);
      }
  `,
  export: `
      const parts = await t('exportJSONParts', () => FL.exportJSONParts(db), 1);
      out.push('export chars ' + parts.reduce((a, p) => a + p.length, 0));
  `,
};

main().catch((e) => { console.error(e); process.exit(1); });
