import { launchWithExtension } from '../../test/e2e/harness';
import { generatorScript } from '../../bench/db/seed';

const PROBE = `async (opts) => {
  const data = FLGenerate.generateRecords({ contacts: 20000, interactions: opts.n, now: Date.now(), seed: 11 });
  const done = (request) => new Promise((resolve, reject) => { request.onsuccess = () => resolve(request.result); request.onerror = () => reject(request.error); });
  const open = indexedDB.open('par', 1);
  open.onupgradeneeded = () => {
    const db = open.result;
    for (let k = 0; k < 4; k++) db.createObjectStore('s' + k, { keyPath: 'id' });
  };
  const db = await done(open);
  const rows = data.interactions;
  const write = async (stores, part, chunk) => {
    for (let s = 0; s < part.length; s += chunk) {
      const tx = db.transaction(stores, 'readwrite', { durability: 'relaxed' });
      for (let n = s; n < Math.min(s + chunk, part.length); n++) tx.objectStore(stores[n % stores.length]).add(part[n]);
      await new Promise((res, rej) => { tx.oncomplete = res; tx.onabort = () => rej(tx.error); });
    }
  };
  const clear = async () => { const tx = db.transaction(['s0','s1','s2','s3'], 'readwrite'); for (let k=0;k<4;k++) tx.objectStore('s'+k).clear(); await new Promise((r) => tx.oncomplete = r); };
  const out = {};
  let t = performance.now();
  await write(['s0'], rows, 5000); out.serial1 = performance.now() - t; await clear();
  t = performance.now();
  await write(['s0','s1','s2','s3'], rows, 5000); out.oneTxFourStores = performance.now() - t; await clear();
  const parts = [0,1,2,3].map((k) => rows.filter((_, n) => n % 4 === k));
  t = performance.now();
  await Promise.all(parts.map((p, k) => write(['s' + k], p, 5000))); out.fourParallelTx = performance.now() - t; await clear();
  t = performance.now();
  await Promise.all(parts.slice(0,2).map((p, k) => write(['s' + k], rows.filter((_, n) => n % 2 === k), 5000))); out.twoParallelTx = performance.now() - t; await clear();
  db.close();
  await done(indexedDB.deleteDatabase('par'));
  for (const k in out) out[k] = Math.round(out[k] * 1000 / rows.length) + ' us/rec';
  return out;
}`;

async function main() {
  const b = await launchWithExtension({ extensionPath: '.output/chrome-mv3' });
  try {
    const page = await b.context.newPage();
    await page.goto(`chrome-extension://${b.extensionId}/manifest.json`);
    await page.evaluate(await generatorScript());
    console.log(JSON.stringify(await page.evaluate(`(${PROBE})(${JSON.stringify({ n: Number(process.argv[2] ?? 20000) })})`)));
  } finally {
    await b.close();
  }
}
main().catch((e) => { console.error(e); process.exit(1); });
