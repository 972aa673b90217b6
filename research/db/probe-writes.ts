import { launchWithExtension } from '../../test/e2e/harness';
import { generatorScript } from '../../bench/db/seed';

/** Experiment: raw IndexedDB write throughput with different schemas and transaction shapes. */
const PROBE = `async (opts) => {
  const data = FLGenerate.generateRecords({ contacts: 20000, interactions: opts.n, now: Date.now(), seed: 11 });
  const done = (request) => new Promise((resolve, reject) => { request.onsuccess = () => resolve(request.result); request.onerror = () => reject(request.error); });
  const results = [];
  let k = 0;
  for (const v of opts.variants) {
    const name = 'probe' + (k++);
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => {
      const db = open.result;
      const os = db.createObjectStore('s', v.auto ? { keyPath: v.key, autoIncrement: true } : { keyPath: v.key });
      for (const ix of v.indexes) os.createIndex(ix.name, ix.path, { multiEntry: !!ix.multi });
    };
    const db = await done(open);
    let rows = v.store === 'events' ? data.events : v.store === 'contacts' ? data.contacts : data.interactions;
    const MAPS = { tiny: (r) => ({ id: r.id }), slim: (r) => { const o = { ...r }; delete o.lastReply; delete o.cues; delete o.signals; return o; }, notext: (r) => { const o = { ...r }; delete o.text; return o; } };
    if (v.map) rows = rows.map(MAPS[v.map]);
    const t0 = performance.now();
    const chunk = v.chunk || rows.length;
    let issue = 0;
    for (let s = 0; s < rows.length; s += chunk) {
      const ti = performance.now();
      const tx = db.transaction('s', 'readwrite', { durability: v.durability || 'relaxed' });
      const os = tx.objectStore('s');
      for (let n = s; n < Math.min(s + chunk, rows.length); n++) v.put ? os.put(rows[n]) : os.add(rows[n]);
      issue += performance.now() - ti;
      await new Promise((res, rej) => { tx.oncomplete = res; tx.onerror = () => rej(tx.error); tx.onabort = () => rej(tx.error); });
    }
    const ms = performance.now() - t0;
    results.push({ label: v.label, n: rows.length, ms: Math.round(ms), usPer: Math.round(ms * 1000 / rows.length), issueUs: Math.round(issue * 1000 / rows.length), bytes: JSON.stringify(rows.slice(0, 1000)).length });
    db.close();
    await done(indexedDB.deleteDatabase(name));
  }
  return results;
}`;

async function main() {
  const b = await launchWithExtension({ extensionPath: process.env.EXT ?? '.output/chrome-mv3' });
  try {
    const page = await b.context.newPage();
    await page.goto(`chrome-extension://${b.extensionId}/manifest.json`);
    const variants = JSON.parse(process.argv[2]!);
    const n = Number(process.argv[3] ?? 20000);
    await page.evaluate(await generatorScript());
    console.log(JSON.stringify(await page.evaluate(`(${PROBE})(${JSON.stringify({ variants, n })})`), null, 1));
  } finally {
    await b.close();
  }
}
main().catch((e) => { console.error(e); process.exit(1); });
