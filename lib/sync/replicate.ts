import { recordTeamEvents } from '../actions/team';
import { ownEventsInLog, ownEventsSince, type FrontlineDB, type TeamEventInput } from '../db';
import { CouchError, type CouchClient } from './couch-client';
import { CLAIM_PREFIX } from './claims';
import { checkIncoming, toEventDoc } from './event-doc';
import { backoffMs, stateFor, type StateStore, type SyncState } from './state';

/**
 * One round of replication between the local log (Dexie) and the team database: push this
 * agent's new actions with `_bulk_docs`, then pull colleagues' from `_changes` after the stored
 * checkpoint. Local writes never wait for this: it runs later (alarm, popup, helper) and reads
 * the log. A checkpoint moves only after what it covers is stored, so a server that goes away
 * mid-round loses nothing: the next round starts where this one stopped.
 */

export interface SyncDeps {
  db: FrontlineDB;
  client: CouchClient;
  /** The agent's CouchDB user name: stamps their documents. */
  agent: string;
  store: StateStore;
  now: () => number;
}

export interface SyncReport {
  pushed: number;
  pulled: number;
  added: number;
  /** Documents refused this round, with why. */
  rejected: string[];
  /** Set when the round stopped: the server's or network's problem, in words. */
  error?: string;
  /** Set when backoff skipped the round. */
  skippedUntil?: number;
}

/**
 * Documents per `_bulk_docs` request and per `_changes` page. 500 documents of the largest valid
 * size (~35 KB: a 20,000-character post and a 10,000-character reply) stay under the client's
 * 20 MB answer cap, so a page of long posts is never refused as "too large" (and sync stuck on it).
 */
export const PUSH_BATCH = 500;
export const PULL_PAGE = 500;
/**
 * Own events this much older than the push checkpoint are offered again: an event written
 * during a push, with a time just before the checkpoint, is not skipped. Ids are deterministic,
 * so a repeat is a 409 and costs nothing else.
 */
export const PUSH_OVERLAP_MS = 5 * 60_000;

export function targetOf(client: CouchClient): string {
  return `${client.config.url.replace(/\/+$/, '')}/${client.config.db}#${client.config.user}`;
}

export async function syncOnce(deps: SyncDeps, options: { force?: boolean } = {}): Promise<SyncReport> {
  const state = stateFor(await deps.store.load(), targetOf(deps.client));
  const report: SyncReport = { pushed: 0, pulled: 0, added: 0, rejected: [] };
  if (!options.force && deps.now() < state.nextTryAt) return { ...report, skippedUntil: state.nextTryAt };
  try {
    await push(deps, state, report);
    await pull(deps, state, report);
    state.failures = 0;
    state.nextTryAt = 0;
    state.lastOkAt = deps.now();
    state.lastError = null;
  } catch (error) {
    if (!(error instanceof CouchError)) throw error;
    state.failures += 1;
    state.nextTryAt = deps.now() + backoffMs(state.failures);
    state.lastError = error.message;
    report.error = error.message;
  }
  await deps.store.save(state);
  return report;
}

async function push(deps: SyncDeps, state: SyncState, report: SyncReport): Promise<void> {
  const since = Math.max(0, state.pushedUpTo - PUSH_OVERLAP_MS);
  const events = await ownEventsSince(deps.db, since);
  for (let start = 0; start < events.length; start += PUSH_BATCH) {
    const batch = events.slice(start, start + PUSH_BATCH);
    const results = await deps.client.bulkDocs(batch.map((s) => toEventDoc(deps.agent, state.device, s)));
    // 409: that event is on the server already (an earlier round or the overlap). Anything else
    // per document (forbidden by a validate function, say) stops here, checkpoint unmoved.
    const failed = results.find((r) => r.error && r.error !== 'conflict');
    if (failed) throw new CouchError('server', `The server refused event ${failed.id}: ${failed.error}${failed.reason ? ` (${failed.reason})` : ''}.`);
    report.pushed += results.filter((r) => !r.error).length;
    state.pushedUpTo = Math.max(state.pushedUpTo, batch[batch.length - 1]!.event.at);
    await deps.store.save(state);
  }
}

async function pull(deps: SyncDeps, state: SyncState, report: SyncReport): Promise<void> {
  const me = { agent: deps.agent, device: state.device };
  for (;;) {
    const page = await deps.client.changes(state.since, PULL_PAGE);
    const inputs: TeamEventInput[] = [];
    const rejected: string[] = [];
    const claimedMine: { id: string; input: TeamEventInput }[] = [];
    for (const change of page.results) {
      if (change.deleted || change.id.startsWith('_design/') || change.id.startsWith(CLAIM_PREFIX)) continue;
      const checked = checkIncoming(change.doc, me);
      if (!checked.ok) rejected.push(checked.reason);
      else if (checked.thisDevice) claimedMine.push({ id: change.id.slice(0, 80), input: checked.input });
      else inputs.push(checked.input);
    }
    // "Written by this browser": true only if the log holds it (this profile's push echoing back).
    const held = await ownEventsInLog(deps.db, claimedMine.map((c) => c.input));
    claimedMine.forEach((c, n) => {
      if (!held[n]) rejected.push(`${c.id}: claims to have been written by this browser, but its log has no such event`);
    });
    const { added, refused } = await recordTeamEvents(deps.db, inputs, deps.now());
    rejected.push(...refused);
    report.pulled += page.results.length;
    report.added += added;
    report.rejected.push(...rejected);
    // Stored first, then the checkpoint: a crash between the two re-pulls a page, and merging
    // is idempotent. A refused document is not retried: it would be refused again.
    state.since = page.last_seq;
    noteRejected(state, rejected);
    await deps.store.save(state);
    if (page.results.length < PULL_PAGE) return;
  }
}

function noteRejected(state: SyncState, rejected: string[]) {
  if (rejected.length === 0) return;
  state.rejectedCount += rejected.length;
  state.rejected = [...state.rejected, ...rejected.map((r) => r.slice(0, 300))].slice(-20);
}
