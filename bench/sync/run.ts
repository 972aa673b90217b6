import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { FrontlineDB, eventsIn } from '../../lib/db';
import { CouchClient } from '../../lib/sync/couch-client';
import { DOC_KIND, eventDocId } from '../../lib/sync/event-doc';
import { syncOnce } from '../../lib/sync/replicate';
import type { SyncState } from '../../lib/sync/state';
import { setupTeam, startServer } from '../../test/unit/sync/couch-server';
import { allInteractions } from '../../lib/db/histories';

/**
 * npm run bench:sync — 10,000 colleagues' events (two agents, 5,000 posts by 2,000 customers:
 * a reply and a resolution each) in a real pouchdb-server, pulled into a fresh profile by the
 * sync engine (lib/sync/replicate.ts): `_changes` pages of 500, every document zod-checked,
 * merged into the Dexie log (fake-indexeddb in Node: the same Dexie code, another IndexedDB).
 * Goal: under 30 s. `--runs N` (default 1) repeats the pull into a new fresh profile.
 */
const EVENTS = 10_000;
const GOAL_MS = 30_000;

function seedDocs(): object[] {
  const docs: object[] = [];
  const agents = ['ben', 'cleo'];
  for (let n = 0; docs.length < EVENTS; n++) {
    const agent = agents[n % 2]!;
    const customer = n % 2_000;
    const permalink = `https://x.com/customer${customer}/status/${10_000 + n}`;
    const post = { id: String(10_000 + n), platform: 'x', author: `Customer ${customer}`, handle: `@customer${customer}`, text: `Order ${n} never arrived and support is silent`, permalink, time: null };
    const verdict = { complaint: true, score: 0.9, severity: 3, cues: ['never arrived'], signals: { brand: true, churn: false, abuse: false, question: false, urgency: false } };
    const at = Date.UTC(2026, 10, 2) + n * 60_000;
    const base = { kind: DOC_KIND, v: 1, agent, device: `bench-${agent}-device`, post, verdict };
    docs.push({ ...base, _id: eventDocId(agent, permalink, at, 'reply-inserted'), at, type: 'reply-inserted', text: `Sorry, customer ${customer}: a replacement ships today.` });
    docs.push({ ...base, _id: eventDocId(agent, permalink, at + 1_000, 'status'), at: at + 1_000, type: 'status', status: 'resolved' });
  }
  return docs;
}

async function main() {
  const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 1;
  const server = await startServer();
  try {
    const ana = { user: 'ana', password: 'ana-secret' };
    await setupTeam(server, 'team', [ana]);
    const docs = seedDocs();
    for (let start = 0; start < docs.length; start += 2_000) {
      const r = await server.admin('POST', 'team/_bulk_docs', { docs: docs.slice(start, start + 2_000) });
      if (!r.ok) throw new Error(`seeding: ${r.status}`);
    }
    console.log(`seeded ${docs.length} events in pouchdb-server 4.2.0 (in memory)`);
    for (let run = 1; run <= runs; run++) {
      const db = new FrontlineDB(`bench-sync-${run}`, { indexedDB: new IDBFactory(), IDBKeyRange });
      let state: SyncState | undefined;
      const store = { load: async () => state, save: async (s: SyncState) => void (state = s) };
      const client = new CouchClient({ url: server.url, db: 'team', ...ana });
      // The share of the round spent fetching and parsing `_changes` pages (the rest: checking and merging).
      let fetchMs = 0;
      const changes = client.changes.bind(client);
      client.changes = async (since, limit) => {
        const t = performance.now();
        try {
          return await changes(since, limit);
        } finally {
          fetchMs += performance.now() - t;
        }
      };
      const t0 = performance.now();
      const report = await syncOnce({ db, client, agent: 'ana', store, now: () => Date.UTC(2026, 11, 1) });
      const ms = performance.now() - t0;
      const stored = eventsIn(await allInteractions(db)).filter((e) => e.by && e.type !== 'flagged').length;
      const contacts = await db.contacts.count();
      console.log(
        `run ${run}: ${report.added} events added (${stored} in the log, ${contacts} contacts, ${report.rejected.length} refused) in ${(ms / 1000).toFixed(1)} s (fetching _changes ${(fetchMs / 1000).toFixed(1)} s) — ${Math.round((report.added / ms) * 1000)} events/s; goal < ${GOAL_MS / 1000} s: ${ms < GOAL_MS ? 'met' : 'NOT met'}${report.error ? `; error: ${report.error}` : ''}`,
      );
      db.close();
    }
  } finally {
    await server.stop();
  }
}

void main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
