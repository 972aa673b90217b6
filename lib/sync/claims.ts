import { z } from 'zod';
import { CouchError, type CouchClient } from './couch-client';
import { AgentNameSchema, shortHash } from './event-doc';

/**
 * Collision control: opening the helper on a post claims it. One document per post; CouchDB
 * answers 409 to the second agent's create, and that 409 is the lock (no lock server). A claim
 * expires after CLAIM_TTL_MS; the holder renews it by opening the helper again, and another
 * agent may take it over deliberately (the helper's "Answer anyway").
 */
export const CLAIM_PREFIX = 'claim:';
export const CLAIM_TTL_MS = 10 * 60_000;

/** 64 bits of hash: post ids are URLs up to 2,100 characters, document ids should be short. */
export function claimDocId(interactionId: string): string {
  return `${CLAIM_PREFIX}${shortHash(interactionId)}${shortHash(`${interactionId.length}:${interactionId}`)}`;
}

export const ClaimDocSchema = z.strictObject({
  _id: z.string().max(100).startsWith(CLAIM_PREFIX),
  _rev: z.string().max(200),
  kind: z.literal('frontline-claim'),
  agent: AgentNameSchema,
  interactionId: z.string().max(2_100),
  at: z.number().int().nonnegative(),
  expiresAt: z.number().int().nonnegative(),
});
export type ClaimDoc = z.infer<typeof ClaimDocSchema>;

export type ClaimOutcome =
  | { state: 'mine'; tookOverFrom?: string }
  /** Someone else is on it: their name and since when (their claim's time). */
  | { state: 'held'; by: string; at: number };

interface ClaimRequest {
  agent: string;
  interactionId: string;
  now: number;
  /** Take over a colleague's live claim (the agent chose to answer anyway). */
  takeOver?: boolean;
}

export async function claimPost(client: CouchClient, req: ClaimRequest): Promise<ClaimOutcome> {
  const id = claimDocId(req.interactionId);
  const body = { kind: 'frontline-claim', agent: req.agent, interactionId: req.interactionId, at: req.now, expiresAt: req.now + CLAIM_TTL_MS };
  try {
    await client.putDoc(id, body);
    return { state: 'mine' };
  } catch (error) {
    if (!(error instanceof CouchError) || error.kind !== 'conflict') throw error;
  }
  // Two tries: a colleague may renew or take over between our read and our write.
  for (let attempt = 0; attempt < 2; attempt++) {
    const held = await client.getDoc(id, ClaimDocSchema);
    // Another post with the same hash: never a lock on this one.
    const samePost = held.interactionId === req.interactionId;
    const mineOrFree = held.agent === req.agent || held.expiresAt <= req.now || !samePost;
    if (!mineOrFree && !req.takeOver) return { state: 'held', by: held.agent, at: held.at };
    try {
      await client.putDoc(id, { ...body, _rev: held._rev });
      return held.agent !== req.agent && held.expiresAt > req.now && samePost ? { state: 'mine', tookOverFrom: held.agent } : { state: 'mine' };
    } catch (error) {
      if (!(error instanceof CouchError) || error.kind !== 'conflict') throw error;
    }
  }
  const held = await client.getDoc(id, ClaimDocSchema);
  return { state: 'held', by: held.agent, at: held.at };
}

/** "2 min ago", "just now", "3 h ago": the helper's one line, never a date (no time zone in it). */
export function ago(then: number, now: number): string {
  const minutes = Math.floor(Math.max(0, now - then) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} days ago`;
}

/** Capitalised for the sentence; the name is shown as text, never markup. */
const display = (agent: string) => agent.charAt(0).toUpperCase() + agent.slice(1);

/**
 * What the second agent reads before writing: a colleague's live claim, else a colleague's
 * latest reply on this post (from the local log, where pulled events carry `by`). Null: nobody.
 */
export function collisionLine(
  claim: ClaimOutcome | null,
  lastColleagueReply: { by: string; at: number; text?: string } | null,
  now: number,
): string | null {
  if (claim?.state === 'held') return `${display(claim.by)} is answering this (${ago(claim.at, now)})`;
  if (lastColleagueReply) {
    const words = lastColleagueReply.text ? `: ${lastColleagueReply.text.length > 120 ? `${lastColleagueReply.text.slice(0, 119)}…` : lastColleagueReply.text}` : '';
    return `${display(lastColleagueReply.by)} replied ${ago(lastColleagueReply.at, now)}${words}`;
  }
  return null;
}

/** Claim documents read per request, and at most in all (one per post ever claimed; see README scale plan). */
export const CLAIMS_PAGE = 500;
export const CLAIMS_SCAN_LIMIT = 5_000;

export interface OpenClaims {
  /** Live claims (not expired at `now`), newest first. */
  claims: ClaimDoc[];
  /** Claim documents the server sent that are not what Frontline writes (never shown). */
  refused: number;
  /** More claim documents than CLAIMS_SCAN_LIMIT: the list may miss some. */
  capped: boolean;
}

/**
 * The team's open claims, read from the server (they live only there: one document per post).
 * Every document is parsed with ClaimDocSchema; one that fails is counted, not shown.
 */
export async function openClaims(client: CouchClient, now: number): Promise<OpenClaims> {
  const out: OpenClaims = { claims: [], refused: 0, capped: false };
  let start = CLAIM_PREFIX;
  let skipFirst = false;
  for (let scanned = 0; ; ) {
    if (scanned >= CLAIMS_SCAN_LIMIT) {
      out.capped = true;
      break;
    }
    // '\ufff0' sorts after every id character CouchDB's collation would put under the prefix.
    const page = await client.allDocs(start, `${CLAIM_PREFIX}\ufff0`, CLAIMS_PAGE, skipFirst);
    for (const row of page.rows) {
      const parsed = ClaimDocSchema.safeParse(row.doc);
      if (!parsed.success || parsed.data._id !== row.id) out.refused++;
      else if (parsed.data.expiresAt > now) out.claims.push(parsed.data);
    }
    scanned += page.rows.length;
    if (page.rows.length < CLAIMS_PAGE) break;
    start = page.rows[page.rows.length - 1]!.id;
    skipFirst = true;
  }
  out.claims.sort((a, b) => b.at - a.at || (a._id < b._id ? -1 : 1));
  return out;
}
