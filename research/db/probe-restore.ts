/**
 * Developer probe (not part of bench:db): where a restore's time goes, in real Chromium with the
 * real lib/db code (bundled from probe-entry.ts). Generates the bench:db data set in an extension
 * page, turns it into an export file, then times JSON.parse, the zod validation, importJSON into a
 * fresh database, and raw IndexedDB writes of the same records for comparison.
 *   flock /tmp/frontline-bench.lock npx tsx research/db/probe-restore.ts [interactions=100000] [steps=all]
 */
import { build } from 'esbuild';
import { launchWithExtension } from '../../test/e2e/harness';
import { generatorScript } from '../../bench/db/seed';
import { printSelfTimes, type CpuProfile } from './self-times';

const PROBE = `async (opts) => {
  const out = [];
  const t = async (label, f) => { const s = performance.now(); const r = await f(); out.push(label.padEnd(44) + (performance.now() - s).toFixed(0).padStart(7) + ' ms'); return r; };
  const data = FLGenerate.generateRecords({ contacts: 20000, interactions: opts.n, now: Date.now(), seed: 11 });
  out.push('records: ' + data.contacts.length + ' contacts, ' + data.interactions.length + ' interactions, ' + data.events.length + ' events');
  const file = { format: 'frontline-export', version: 1, exportedAt: Date.now(), contacts: data.contacts, interactions: data.interactions.map(({ events, ...i }) => i), events: data.events.map((e, n) => ({ seq: n + 1, ...e })) };
  const text = JSON.stringify(file);
  out.push('file chars ' + text.length);
  const steps = opts.steps;
  const has = (s) => steps === 'all' || steps.split(',').includes(s);
  if (has('parse')) {
    const raw = await t('JSON.parse', () => JSON.parse(text));
    await t('zod ExportFileSchema.safeParse', () => FL.ExportFileSchema.safeParse(raw));
    if (FL.checkExportFile) await t('checkExportFile (hand checks)', () => FL.checkExportFile(raw));
  }
  if (has('import')) {
    const db = new FL.FrontlineDB('probe-restore');
    await db.open();
    const phases = {};
    let last = performance.now(), lastPhase = 'validate';
    const r = await t('importJSON (fresh db, total)', () => FL.importJSON(db, text, { onProgress: (p) => { if (p.phase !== lastPhase) { const now = performance.now(); phases[lastPhase] = (phases[lastPhase] || 0) + now - last; last = now; lastPhase = p.phase; } } }));
    phases[lastPhase] = (phases[lastPhase] || 0) + performance.now() - last;
    for (const k in phases) out.push('  until/through ' + k.padEnd(28) + phases[k].toFixed(0).padStart(7) + ' ms');
    out.push('  result ' + JSON.stringify(r));
    if (has('after')) {
      // What the dashboard's import does next (lib/actions/data.ts importFile).
      await t('after: contacts holding merges (filter)', () => db.contacts.filter((c) => (c.merged?.length ?? 0) > 0).toArray());
      await t('after: contacts holding merges (getAll)', async () => (await db.contacts.toArray()).filter((c) => (c.merged?.length ?? 0) > 0));
      const later = await t('after: pendingAfter', () => FL.pendingAfter(db, Date.now()));
      out.push('  pending later: ' + later.length);
    }
    db.close();
    await FL.Dexie.delete('probe-restore');
  }
  const done = (request) => new Promise((resolve, reject) => { request.onsuccess = () => resolve(request.result); request.onerror = () => reject(request.error); });
  const rawWrite = async (label, stores, fill) => {
    const name = 'probe-raw';
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => {
      for (const [store, key, indexes, auto] of stores) {
        const os = open.result.createObjectStore(store, { keyPath: key, autoIncrement: !!auto });
        for (const [ix, path, multi] of indexes) os.createIndex(ix, path, { multiEntry: !!multi });
      }
    };
    const db = await done(open);
    await t(label, async () => {
      const tx = db.transaction(stores.map((s) => s[0]), 'readwrite', { durability: opts.durability });
      fill(tx);
      await new Promise((res, rej) => { tx.oncomplete = res; tx.onabort = () => rej(tx.error); });
    });
    db.close();
    await done(indexedDB.deleteDatabase(name));
  };
  const V4 = [
    ['contacts', 'id', [['lastSeenAt', 'lastSeenAt'], ['searchWords', 'searchWords', true], ['followUpDue', 'followUpDue']]],
    ['interactions', 'id', [['cf', ['contactId', 'firstSeenAt']], ['followUpDue', 'followUpDue'], ['firstSeenAt', 'firstSeenAt']]],
    ['events', 'seq', [['interactionId', 'interactionId'], ['at', 'at']], true],
  ];
  if (has('raw4')) {
    await rawWrite('raw v4 layout, one tx, all three stores', V4, (tx) => {
      for (const c of data.contacts) tx.objectStore('contacts').add(c);
      for (const i of data.interactions) tx.objectStore('interactions').add(i);
      for (const e of file.events) tx.objectStore('events').add(e);
    });
    await rawWrite('raw: events only, v4 indexes', [V4[2]], (tx) => { for (const e of file.events) tx.objectStore('events').add(e); });
    await rawWrite('raw: events only, no index', [['events', 'seq', [], true]], (tx) => { for (const e of file.events) tx.objectStore('events').add(e); });
    await rawWrite('raw: interactions only, v4 indexes', [V4[1]], (tx) => { for (const i of data.interactions) tx.objectStore('interactions').add(i); });
    await rawWrite('raw: interactions only, no index', [['interactions', 'id', []]], (tx) => { for (const i of data.interactions) tx.objectStore('interactions').add(i); });
    await rawWrite('raw: contacts only, v4 indexes', [V4[0]], (tx) => { for (const c of data.contacts) tx.objectStore('contacts').add(c); });
  }
  if (has('embed')) {
    const byI = new Map();
    for (const e of file.events) { const { interactionId, contactId, seq, ...rest } = e; let l = byI.get(interactionId); if (!l) byI.set(interactionId, (l = [])); l.push(rest); }
    const embedded = data.interactions.map((i) => ({ ...i, events: byI.get(i.id) || [] }));
    const ats = [['eventAt', 'eventAts', true]];
    await rawWrite('raw embedded: contacts + interactions(+events), v4 idx', [V4[0], V4[1]], (tx) => {
      for (const c of data.contacts) tx.objectStore('contacts').add(c);
      for (const i of embedded) tx.objectStore('interactions').add(i);
    });
    const withAts = embedded.map((i) => ({ ...i, eventAts: i.events.map((e) => e.at) }));
    await rawWrite('raw embedded + *eventAts multi index', [V4[0], [V4[1][0], V4[1][1], [...V4[1][2], ...ats]]], (tx) => {
      for (const c of data.contacts) tx.objectStore('contacts').add(c);
      for (const i of withAts) tx.objectStore('interactions').add(i);
    });
  }
  if (has('cost')) {
    // Chunked like Dexie's bulkAdd: CHUNK requests, then wait for them; one transaction per variant.
    const CH = opts.chunk || 5000;
    const chunked = async (label, store, rows) => {
      const name = 'probe-cost';
      const open = indexedDB.open(name, 1);
      open.onupgradeneeded = () => { const os = open.result.createObjectStore(store[0], { keyPath: store[1], autoIncrement: !!store[3] }); for (const [ix, path, multi] of store[2]) os.createIndex(ix, path, { multiEntry: !!multi }); };
      const db = await done(open);
      const bytes = rows.reduce((a, r) => a + JSON.stringify(r).length, 0);
      const s0 = performance.now();
      const tx = db.transaction(store[0], 'readwrite', { durability: opts.durability });
      const os = tx.objectStore(store[0]);
      for (let s = 0; s < rows.length; s += CH) {
        let last;
        for (let n = s; n < Math.min(s + CH, rows.length); n++) last = os.add(rows[n]);
        await done(last);
      }
      await new Promise((res, rej) => { tx.oncomplete = res; tx.onabort = () => rej(tx.error); });
      const ms = performance.now() - s0;
      out.push(label.padEnd(40) + (ms.toFixed(0) + ' ms').padStart(9) + (' ' + (ms * 1000 / rows.length).toFixed(0) + ' us/rec').padStart(12) + ('  ' + (bytes / rows.length).toFixed(0) + ' B/rec').padStart(12) + ('  ' + (ms * 1000 / (bytes / 1024)).toFixed(1) + ' us/KB').padStart(14));
      db.close();
      await done(indexedDB.deleteDatabase(name));
    };
    const I = data.interactions.slice(0, 50000);
    const E = file.events.slice(0, 100000);
    await chunked('tiny {id} x50k, no index', ['s', 'id', []], I.map((i) => ({ id: i.id })));
    await chunked('interactions x50k, no index', ['s', 'id', []], I);
    await chunked('interactions x50k, v4 indexes', ['s', 'id', V4[1][2]], I);
    await chunked('interactions x50k no text, no index', ['s', 'id', []], I.map(({ text, lastReply, ...r }) => r));
    await chunked('interactions x50k padded 4KB, no index', ['s', 'id', []], I.map((i) => ({ ...i, pad: 'x'.repeat(3500) })));
    await chunked('events x100k, no index', ['s', 'seq', [], true], E);
    await chunked('events x100k, v4 indexes', ['s', 'seq', V4[2][2], true], E);
    const byI = new Map();
    for (const e of file.events) { const { interactionId, contactId, seq, ...rest } = e; let l = byI.get(interactionId); if (!l) byI.set(interactionId, (l = [])); l.push(rest); }
    await chunked('embedded x50k, v4 indexes', ['s', 'id', V4[1][2]], I.map((i) => ({ ...i, events: byI.get(i.id) || [] })));
    await chunked('contacts x20k, v4 indexes', ['s', 'id', V4[0][2]], data.contacts);
    let s0 = performance.now(); structuredClone(I); out.push('structuredClone 50k interactions ' + (performance.now() - s0).toFixed(0) + ' ms');
  }
  if (has('v5')) {
    // Variants of writing v5 interaction records (events inside), one transaction each.
    const run = async (label, rows, o) => {
      const name = 'probe-v5';
      const open = indexedDB.open(name, 1);
      open.onupgradeneeded = () => { const os = open.result.createObjectStore('s', { keyPath: 'id' }); for (const [ix, path] of o.indexes) os.createIndex(ix, path); };
      const db = await done(open);
      const s0 = performance.now();
      const CH = o.chunk || 5000;
      const txs = o.txs || 1;
      const per = Math.ceil(rows.length / txs);
      for (let t0 = 0; t0 < rows.length; t0 += per) {
        const tx = db.transaction('s', 'readwrite', { durability: 'relaxed' });
        const os = tx.objectStore('s');
        const flight = [];
        for (let s = t0; s < Math.min(t0 + per, rows.length); s += CH) {
          let last;
          for (let n = s; n < Math.min(s + CH, t0 + per, rows.length); n++) last = o.put ? os.put(rows[n]) : os.add(rows[n]);
          flight.push(done(last));
          if (flight.length > (o.inflight || 1) - 1) await flight.shift();
        }
        await Promise.all(flight);
        await new Promise((res, rej) => { tx.oncomplete = res; tx.onabort = () => rej(tx.error); });
      }
      const ms = performance.now() - s0;
      out.push(label.padEnd(44) + (ms.toFixed(0) + ' ms').padStart(9) + (' ' + (ms * 1000 / rows.length).toFixed(0) + ' us/rec').padStart(12));
      db.close();
      await done(indexedDB.deleteDatabase(name));
    };
    const I = data.interactions.slice(0, 50000);
    const IX = [['cf', ['contactId', 'firstSeenAt']], ['followUpDue', 'followUpDue'], ['lastEventAt', 'lastEventAt']];
    await run('v5 x50k add, 3 idx, chunk 5000', I, { indexes: IX });
    await run('v5 x50k put, 3 idx', I, { indexes: IX, put: true });
    await run('v5 x50k add, 3 idx, 2 chunks in flight', I, { indexes: IX, inflight: 2 });
    await run('v5 x50k add, 3 idx, all in flight', I, { indexes: IX, inflight: 100 });
    await run('v5 x50k add, no idx', I, { indexes: [] });
    await run('v5 x50k add, only cf idx', I, { indexes: IX.slice(0, 1) });
    await run('v5 x50k add, 3 idx, 10 transactions', I, { indexes: IX, txs: 10 });
    await run('v5 x50k add, 3 idx, chunk 1000', I, { indexes: IX, chunk: 1000 });
    await run('v5 x50k add, 3 idx, no text fields', I.map(({ text, lastReply, cues, signals, ...r }) => r), { indexes: IX });
    await run('v5 x50k add, 3 idx, again (drift check)', I, { indexes: IX });
  }
  if (has('size')) {
    // Value size against record count, interleaved and repeated so drift cancels; 20,000 records, one index.
    const name = 'probe-size';
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => { for (const k of ['a', 'b', 'c', 'd', 'e']) open.result.createObjectStore(k, { keyPath: 'id' }).createIndex('t', 't'); };
    const db = await done(open);
    const I = data.interactions.slice(0, 20000);
    const variants = {
      a: ['tiny {id,t}', I.map((i) => ({ id: i.id, t: i.lastEventAt }))],
      b: ['v5 interaction (~950 B)', I],
      c: ['same as one JSON string', I.map((i) => ({ id: i.id, t: i.lastEventAt, j: JSON.stringify(i) }))],
      d: ['v5 interaction + 3 KB string', I.map((i) => ({ ...i, pad: 'x'.repeat(3000) }))],
      e: ['5 interactions per record (~4.7 KB)', Array.from({ length: 4000 }, (_, k) => ({ id: 'k' + k, t: k, list: I.slice(k * 5, k * 5 + 5) }))],
    };
    const totals = {};
    for (let round = 0; round < 3; round++) for (const k of Object.keys(variants)) {
      const rows = variants[k][1];
      const s0 = performance.now();
      const tx = db.transaction(k, 'readwrite', { durability: 'relaxed' });
      const os = tx.objectStore(k);
      for (let s = 0; s < rows.length; s += 5000) { let last; for (let n = s; n < Math.min(s + 5000, rows.length); n++) last = os.add(rows[n]); await done(last); }
      await new Promise((res, rej) => { tx.oncomplete = res; tx.onabort = () => rej(tx.error); });
      totals[k] = (totals[k] || 0) + performance.now() - s0;
      const c = db.transaction(k, 'readwrite'); c.objectStore(k).clear(); await new Promise((r) => (c.oncomplete = r));
    }
    for (const k of Object.keys(variants)) out.push(variants[k][0].padEnd(40) + ((totals[k] / 3).toFixed(0) + ' ms').padStart(9) + ((totals[k] / 3 * 1000 / variants[k][1].length).toFixed(0) + ' us/rec').padStart(12));
    db.close();
    await done(indexedDB.deleteDatabase(name));
  }
  if (has('group')) {
    // Candidate layouts for "fewer records" (issue 22 item 3): the whole restore (20,000 contacts,
    // the interactions with their events) written raw, one transaction, 5,000 requests per chunk,
    // each layout with the indexes its queries would need. Interleaved, rounds averaged.
    const byContact = new Map();
    for (const i of data.interactions) { let l = byContact.get(i.contactId); if (!l) byContact.set(i.contactId, (l = [])); l.push(i); }
    const groupOf = (id, list) => {
      const due = [], ids = [], ats = [];
      let last = 0, first = Infinity;
      for (const i of list) { ids.push(i.id); ats.push(i.lastEventAt); if (i.followUpDue !== undefined) due.push(i.followUpDue); if (i.lastEventAt > last) last = i.lastEventAt; if (i.lastEventAt < first) first = i.lastEventAt; }
      return { id, interactions: list, due, ids, ats, lastEventAt: last, idleSince: first };
    };
    const groups = data.contacts.map((c) => groupOf(c.id, byContact.get(c.id) || []));
    const inContact = data.contacts.map((c, n) => ({ ...c, ...groups[n], id: c.id }));
    const C = ['contacts', 'id', [['lastSeenAt', 'lastSeenAt']]];
    const layouts = {
      now: ['v7 now: contacts + interactions (4 idx)', [C, ['interactions', 'id', [['cf', ['contactId', 'firstSeenAt']], ['followUpDue', 'followUpDue'], ['lastEventAt', 'lastEventAt'], ['cfu', ['contactId', 'followUpDue']]]]], { contacts: data.contacts, interactions: data.interactions }],
      hist: ['contacts + histories(*due, last, *ids)', [C, ['histories', 'id', [['due', 'due', true], ['lastEventAt', 'lastEventAt'], ['ids', 'ids', true]]]], { contacts: data.contacts, histories: groups }],
      histNoIds: ['contacts + histories(*due, last, idle)', [C, ['histories', 'id', [['due', 'due', true], ['lastEventAt', 'lastEventAt'], ['idleSince', 'idleSince']]]], { contacts: data.contacts, histories: groups }],
      histAts: ['contacts + histories(*due, *ats, *ids)', [C, ['histories', 'id', [['due', 'due', true], ['ats', 'ats', true], ['ids', 'ids', true]]]], { contacts: data.contacts, histories: groups }],
      inC: ['contacts holding them (last, *due, last, *ids)', [['contacts', 'id', [['lastSeenAt', 'lastSeenAt'], ['due', 'due', true], ['lastEventAt', 'lastEventAt'], ['ids', 'ids', true]]]], { contacts: inContact }],
      inCNoIds: ['contacts holding them (last, *due, last, idle)', [['contacts', 'id', [['lastSeenAt', 'lastSeenAt'], ['due', 'due', true], ['lastEventAt', 'lastEventAt'], ['idleSince', 'idleSince']]]], { contacts: inContact }],
    };
    const totals = {};
    const rounds = opts.rounds || 2;
    for (let round = 0; round < rounds; round++) for (const k of Object.keys(layouts)) {
      const [label, stores, rows] = layouts[k];
      const name = 'probe-group';
      const open = indexedDB.open(name, 1);
      open.onupgradeneeded = () => { for (const [store, key, ix] of stores) { const os = open.result.createObjectStore(store, { keyPath: key }); for (const [n, p, multi] of ix) os.createIndex(n, p, { multiEntry: !!multi }); } };
      const db = await done(open);
      const s0 = performance.now();
      const tx = db.transaction(Object.keys(rows), 'readwrite', { durability: 'relaxed' });
      for (const store of Object.keys(rows)) {
        const os = tx.objectStore(store), list = rows[store];
        for (let s = 0; s < list.length; s += 5000) { let last; for (let n = s; n < Math.min(s + 5000, list.length); n++) last = os.add(list[n]); await done(last); }
      }
      await new Promise((res, rej) => { tx.oncomplete = res; tx.onabort = () => rej(tx.error); });
      totals[k] = (totals[k] || 0) + performance.now() - s0;
      db.close();
      await done(indexedDB.deleteDatabase(name));
    }
    for (const k of Object.keys(layouts)) out.push(layouts[k][0].padEnd(48) + ((totals[k] / rounds).toFixed(0) + ' ms').padStart(9));
  }
  /** Raw puts, 10,000 a transaction: an older schema's database filled as it would have been. */
  const putRaw = async (idb, rows) => {
    for (const [store, list] of rows) {
      for (let s = 0; s < list.length; s += 10000) {
        const tx = idb.transaction(store, 'readwrite', { durability: 'relaxed' });
        for (let n = s; n < Math.min(s + 10000, list.length); n++) tx.objectStore(store).put(list[n]);
        await new Promise((res, rej) => { tx.oncomplete = res; tx.onabort = () => rej(tx.error); });
      }
    }
  };
  if (has('upgrade')) {
    // The v4 → v5 upgrade on the bench data set: seed a v4 database (Dexie's own v4 schema), then
    // time FrontlineDB.open(). Once with the events, once without (what moving them costs).
    for (const withEvents of [true, false]) {
      const name = 'probe-up';
      const v4 = new FL.Dexie(name);
      v4.version(4).stores(FL.SCHEMA_V4);
      await v4.open();
      const idb = v4.backendDB();
      await putRaw(idb, [['contacts', data.contacts], ['interactions', data.interactions.map(({ events, ...i }) => i)], ['events', withEvents ? file.events : []]]);
      v4.close();
      const db = new FL.FrontlineDB(name);
      await t('v4 → v5 upgrade, ' + (withEvents ? file.events.length + ' events' : 'no events'), () => db.open());
      db.close();
      await FL.Dexie.delete(name);
    }
  }
  if (has('upgrade8')) {
    // The v7 → v8 upgrade on the bench data set: a v7 database (one record per interaction),
    // then FrontlineDB.open(): each person's interactions into one history, the locator built.
    const name = 'probe-up8';
    const v7 = new FL.Dexie(name);
    v7.version(7).stores(FL.SCHEMA_V7);
    await v7.open();
    await putRaw(v7.backendDB(), [['contacts', data.contacts], ['interactions', data.interactions]]);
    v7.close();
    const db = new FL.FrontlineDB(name);
    await t('v7 → v8 upgrade', () => db.open());
    out.push('  histories: ' + (await db.histories.count()) + ', locator shards: ' + (await db.locator.count()));
    db.close();
    await FL.Dexie.delete(name);
  }
  if (has('upgrade6')) {
    // The v5 → v6 upgrade on the bench data set: a v5 database (events inside interactions), then
    // FrontlineDB.open(): one new index on interactions, two dropped on contacts, the directory built.
    const name = 'probe-up6';
    const v5 = new FL.Dexie(name);
    v5.version(5).stores(FL.SCHEMA_V5);
    await v5.open();
    const idb = v5.backendDB();
    await putRaw(idb, [['contacts', data.contacts], ['interactions', data.interactions]]);
    v5.close();
    const db = new FL.FrontlineDB(name);
    await t('v5 → v6 upgrade', () => db.open());
    out.push('  directory rows: ' + (await db.directory.toArray()).reduce((n, s) => n + s.ids.length, 0));
    // What a scanner batch costs the worker on this database: 20 flagged posts, half by people
    // already known, each write patching its contact's directory shard in the same transaction.
    const verdict = { complaint: true, score: 0.9, severity: 2, cues: [], signals: { brand: true, churn: false, abuse: false, question: false, urgency: false } };
    for (let round = 0; round < 3; round++) {
      const items = Array.from({ length: 20 }, (_, n) => {
        const known = n % 2 === 0 ? data.contacts[(round * 20 + n) * 37] : null;
        const handle = known ? known.handle : 'newperson' + round + '_' + n;
        return { post: { id: 'x:probe' + round + '_' + n, platform: 'x', author: known ? known.name : 'New Person', handle: '@' + handle, text: 'I was charged twice and nobody answers', permalink: 'https://x.com/' + handle + '/status/' + (9000 + round * 100 + n), time: null }, verdict };
      });
      await t('  recordPosts, 20 posts (round ' + (round + 1) + ')', () => FL.recordPosts(db, items, Date.now()));
    }
    db.close();
    await FL.Dexie.delete(name);
  }
  return out;
}`;

async function main() {
  const bundle = await build({ entryPoints: ['research/db/probe-entry.ts'], bundle: true, format: 'iife', globalName: 'FL', write: false, platform: 'browser', footer: { js: 'globalThis.FL = FL;' } });
  const b = await launchWithExtension({ extensionPath: process.env.EXT ?? '.output/chrome-mv3' });
  try {
    const page = await b.context.newPage();
    await page.goto(`chrome-extension://${b.extensionId}/manifest.json`);
    // zod decides at schema construction whether to compile parsers with new Function (which the
    // extension's CSP forbids): configure jitless before the bundle builds any schema.
    await page.evaluate('globalThis.__zod_globalConfig = { jitless: true }');
    await page.evaluate(bundle.outputFiles[0]!.text);
    const opts = { n: Number(process.argv[2] ?? 100_000), steps: process.argv[3] ?? 'all', durability: process.env.DURABILITY ?? 'relaxed' };
    const cdp = process.env.PROFILE ? await b.context.newCDPSession(page) : undefined;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
      await cdp.send('Profiler.start');
    }
    await page.evaluate(await generatorScript());
    console.log(((await page.evaluate(`(${PROBE})(${JSON.stringify(opts)})`)) as string[]).join('\n'));
    if (cdp) {
      // Self time per function over the whole probe: how much the page's thread worked vs waited.
      printSelfTimes(((await cdp.send('Profiler.stop')) as { profile: CpuProfile }).profile);
    }
  } finally {
    await b.close();
  }
}
main().catch((e) => { console.error(e); process.exit(1); });
