import { browser } from 'wxt/browser';
import { getInteraction, type FrontlineDB } from '../db';
import { loadTeamSettings, type EnabledTeamSettings } from '../settings/team';
import { CouchClient, CouchError } from '../sync/couch-client';
import { claimPost, collisionLine } from '../sync/claims';
import { syncOnce, type SyncReport } from '../sync/replicate';
import { stateFor, type StateStore, type SyncState } from '../sync/state';
import { now as clockNow } from '../time/clock';

/**
 * Team sync wiring: settings → client → one round (lib/sync/replicate.ts). Called by the
 * background's alarm (with backoff), and by the popup and the helper when they open (forced:
 * the agent is looking now). Off unless the agent switched it on in the options.
 */
export const TEAM_SYNC_ALARM = 'frontline:team-sync';
export const TEAM_STATE_KEY = 'teamSyncState';

export const storageStateStore: StateStore = {
  load: async () => (await browser.storage.local.get(TEAM_STATE_KEY))[TEAM_STATE_KEY],
  save: async (state) => {
    await browser.storage.local.set({ [TEAM_STATE_KEY]: state });
  },
};

export function clientFor(s: EnabledTeamSettings): CouchClient {
  return new CouchClient({ url: s.url, db: s.db, user: s.user, password: s.password });
}

/** One round in this context at a time: an alarm and a popup opening at once share it. */
let running: Promise<SyncReport | null> | null = null;

export async function runTeamSync(db: FrontlineDB, options: { force?: boolean } = {}): Promise<SyncReport | null> {
  const { settings } = await loadTeamSettings();
  if (!settings.enabled) return null;
  running ??= syncOnce({ db, client: clientFor(settings), agent: settings.user, store: storageStateStore, now: clockNow }, options).finally(() => {
    running = null;
  });
  return running;
}

/** The stored state, for the options page's status line (null while team sync is off). */
export async function teamSyncStatus(): Promise<SyncState | null> {
  const { settings } = await loadTeamSettings();
  if (!settings.enabled) return null;
  const client = clientFor(settings);
  return stateFor(await storageStateStore.load(), `${client.config.url.replace(/\/+$/, '')}/${client.config.db}#${client.config.user}`);
}

/** The latest reply a colleague made on this post, from the local log (pulled events carry `by`). */
async function lastColleagueReply(db: FrontlineDB, interactionId: string) {
  const i = await getInteraction(db, interactionId);
  const replies = (i?.events ?? []).filter((e) => e.by && (e.type === 'reply-inserted' || e.type === 'reply-confirmed'));
  const last = replies[replies.length - 1];
  return last ? { by: last.by!, at: last.at, ...(last.text ? { text: last.text } : {}) } : null;
}

/**
 * The helper opened on a post: pull what colleagues did (a short wait at most), claim the post,
 * and say who else is on it. Never throws: without the server the helper works as before, with
 * the reason in `problem`.
 */
export async function openOnPost(
  db: FrontlineDB,
  interactionId: string,
  options: { takeOver?: boolean } = {},
): Promise<{ line: string | null; held: boolean; problem: string | null }> {
  const { settings } = await loadTeamSettings();
  if (!settings.enabled) return { line: null, held: false, problem: null };
  const now = clockNow();
  let problem: string | null = null;
  const report = await Promise.race([runTeamSync(db, { force: true }), new Promise<null>((r) => setTimeout(() => r(null), 3_000))]).catch(() => null);
  if (report?.error) problem = report.error;
  let claim: Awaited<ReturnType<typeof claimPost>> | null = null;
  try {
    claim = await claimPost(clientFor(settings), { agent: settings.user, interactionId, now, ...(options.takeOver ? { takeOver: true } : {}) });
  } catch (error) {
    problem ??= error instanceof CouchError ? error.message : 'The team server could not be asked who is on this post.';
  }
  return { line: collisionLine(claim, await lastColleagueReply(db, interactionId), now), held: claim?.state === 'held', problem };
}
