import type { Post } from '../model/post';
import type { Verdict } from '../model/verdict';
import type { FrontlineDB } from './schema';
import { applyEvent, contactRecord, freshInteraction } from './log';
import { refreshSummaries } from './summary-refresh';
import { contactIdFor, interactionIdFor } from './normalise';
import { mergeOf, postMayAct } from './merged';
import { setFollowUpDue } from './summary';
import { EventSchema, InteractionSchema, type Contact, type EventType, type StoredEvent, type StoredInteraction } from './records';
import { toStoredEvent } from './event-shape';
import { activeSince, getInteractions, logTables, writeInteractions } from './histories';

/**
 * The log's side of team sync (lib/sync): which of this agent's events to share, and how a
 * colleague's event joins the local log. Contacts and summaries stay derived here, from events,
 * exactly as for the agent's own actions (log.ts), so a re-sync rebuilds the same ones.
 */

/** An event of this agent's, with what a colleague needs to place it: the post and its verdict. */
export interface SharedEvent {
  post: Post;
  verdict: Verdict;
  event: Omit<StoredEvent, 'by'>;
  interactionId: string;
}

/**
 * What the agent did, and when their log first flagged a post: the flag lets the Team view list
 * the team's unanswered complaints and count a colleague's wait from the first time anyone saw
 * the post. Only flags the log holds are shared, so issue 16's visit budget (per site, per
 * minute and per day, lib/actions/visit-budget.ts) bounds them too; nothing else a visit sees
 * (unflagged posts, the detector's cues, the agent's corrections) is shared.
 */
const SHARED_TYPES: ReadonlySet<EventType> = new Set(['flagged', 'helper-opened', 'reply-inserted', 'reply-copied', 'reply-confirmed', 'note', 'status', 'follow-up-set', 'follow-up-done']);

/** `platform@site:who` (normalise.ts contactIdFor): the site is only in the contact id. */
function siteOf(contactId: string): string | undefined {
  const m = /^[^@:]+@([^:]+):/.exec(contactId);
  return m?.[1];
}

/**
 * This agent's own actions at or after `since` (ms), oldest first. One index range
 * (lastEventAt) and one bulkGet of the contacts: a sync reads only what moved.
 */
export async function ownEventsSince(db: FrontlineDB, since: number): Promise<SharedEvent[]> {
  return db.transaction('r', [...logTables(db), db.contacts], async () => {
    // The histories active since then (their latest lastEventAt is indexed), and in them the
    // interactions that moved: the events still travel one by one, whatever the storage.
    const moved = await activeSince(db, since);
    const contacts = await db.contacts.bulkGet([...new Set(moved.map((i) => i.contactId))]);
    const byId = new Map(contacts.filter((c) => c !== undefined).map((c) => [c.id, c]));
    const out: SharedEvent[] = [];
    for (const i of moved) {
      const owner = byId.get(i.contactId);
      if (!owner) continue;
      // A post that came with a merged account is shared as that account's (merges stay local).
      const c = mergeOf(owner, i.id)?.contact ?? owner;
      const site = siteOf(c.id);
      const post: Post = {
        id: i.postId,
        platform: i.platform,
        author: c.name,
        handle: c.handle,
        text: i.text,
        permalink: i.permalink,
        time: null,
        ...(site ? { site } : {}),
      };
      const verdict: Verdict = { complaint: i.complaint, score: i.score, severity: i.severity, cues: i.cues.slice(0, 20), signals: i.signals };
      for (const e of i.events) {
        if (e.by !== undefined || e.at < since || !SHARED_TYPES.has(e.type)) continue;
        out.push({ post, verdict, event: e, interactionId: i.id });
      }
    }
    return out.sort((a, b) => a.event.at - b.event.at);
  });
}

/**
 * A shared event as the sync layer hands it over, already validated (lib/sync/event-doc.ts):
 * a colleague's carries `by`; the agent's own from another of their devices has none, as in
 * their own log.
 */
export interface TeamEventInput {
  post: Post;
  verdict: Verdict;
  /** A 'flagged' event: when that agent's log first flagged the post (the team's first sight of it). */
  event: StoredEvent;
}

/**
 * For each item, whether this log holds it as the agent's own event (same post, time and type,
 * no author): how a document that says this very browser wrote it is told from a forgery.
 */
export async function ownEventsInLog(db: FrontlineDB, items: readonly TeamEventInput[]): Promise<boolean[]> {
  const stored = await getInteractions(db, items.map((item) => interactionIdFor(item.post)));
  return items.map((item, n) => (stored[n]?.events ?? []).some((e) => e.by === undefined && e.at === item.event.at && e.type === item.event.type));
}

const sameEvent = (a: StoredEvent, b: StoredEvent) => a.at === b.at && a.type === b.type && a.by === b.by;

/**
 * Adds colleagues' events to the local log in one read-write transaction: the interaction (and
 * contact) is created when this agent never saw the post, the event is appended with its author
 * (`by`), and the interaction changes as it would for the agent's own action. Idempotent: an
 * event already in the log (same time, type and author) is skipped, so a page pulled twice
 * changes nothing. A post whose link names another person's interaction is refused, as in
 * recordEvent. Returns how many events were added and the refused ones with why.
 */
export async function mergeTeamEvents(db: FrontlineDB, items: readonly TeamEventInput[]): Promise<{ added: number; refused: string[] }> {
  // Batched: one bulkGet of the page's interactions and contacts, one bulkPut of each (bench:sync:
  // a fresh profile pulling 10,000 events; one upsert per post took 27-32 s, see README).
  const byInteraction = new Map<string, TeamEventInput[]>();
  for (const item of items) {
    const id = interactionIdFor(item.post);
    const list = byInteraction.get(id);
    if (list) list.push(item);
    else byInteraction.set(id, [item]);
  }
  const ids = [...byInteraction.keys()];
  const where = (e: TeamEventInput) => `${e.event.by === undefined ? 'your own' : `${e.event.by}'s`} event on ${e.post.permalink ?? e.post.id}`;
  return db.transaction('rw', [db.contacts, ...logTables(db)], async () => {
    let added = 0;
    const refused: string[] = [];
    const stored = await getInteractions(db, ids);
    const contactIds = [...new Set(ids.map((id) => contactIdFor(byInteraction.get(id)![0]!.post)))];
    // The people holding known interactions too: one may hold them through a merge (merge.ts).
    for (const known of stored) if (known && !contactIds.includes(known.contactId)) contactIds.push(known.contactId);
    const contacts = new Map((await db.contacts.bulkGet(contactIds)).filter((c) => c !== undefined).map((c) => [c.id, c]));
    const newContacts = new Map<string, Contact>();
    const writes: StoredInteraction[] = [];
    ids.forEach((id, n) => {
      // Oldest first: a server may hand a page over in any order, and the log reads in time order.
      const group = byInteraction.get(id)!.sort((a, b) => a.event.at - b.event.at);
      const first = group[0]!;
      const contactId = contactIdFor(first.post);
      const known = stored[n];
      // A post whose link names another person's interaction: refused, as in recordEvent.
      if (known && known.contactId !== contactId && !postMayAct(contacts.get(known.contactId), contactId, id)) {
        for (const g of group) refused.push(`${where(g)}: that link belongs to another customer's interaction`);
        return;
      }
      const firstAt = Math.min(...group.map((g) => g.event.at));
      const firstAuthor = group.find((g) => g.event.at === firstAt)!.event.by;
      let interaction: StoredInteraction;
      if (known) interaction = known;
      else {
        // A post this agent never saw: created from the colleague's copy, flagged as log.ts would.
        const fresh = InteractionSchema.safeParse(setFollowUpDue(freshInteraction(id, contactId, first.post, first.verdict, firstAt)));
        if (!fresh.success) {
          for (const g of group) refused.push(`${where(g)}: ${fresh.error.issues[0]?.message ?? 'invalid'}`);
          return;
        }
        // Flagged when it is a complaint: by the flag that came with it, else by a mark in the name
        // of whoever acted first (never this agent's own: it is not theirs to share as a flag).
        const flaggedWith = group.some((g) => g.event.type === 'flagged');
        const flagged =
          first.verdict.complaint && !flaggedWith ? [{ at: firstAt, type: 'flagged' as const, severity: first.verdict.severity, ...(firstAuthor !== undefined ? { by: firstAuthor } : {}) }] : [];
        interaction = { ...fresh.data, events: flagged };
        const before = newContacts.get(contactId) ?? contacts.get(contactId);
        // Its summary is refreshed below, from all their interactions.
        newContacts.set(contactId, contactRecord(contactId, first.post, firstAt, before, { interactionCount: 0, maxSeverity: 0 }));
      }
      let changedAny = !known;
      for (const g of group) {
        const event = g.event;
        if (interaction.events.some((e) => sameEvent(e, event))) continue;
        if (event.type === 'flagged' && interaction.events.some((e) => e.type === 'flagged')) {
          // One flag per post: a colleague who saw it earlier moves its first sight back, so the
          // wait to its first reply is counted from then, not from when this agent saw it.
          if (event.at < interaction.firstSeenAt) {
            interaction = { ...interaction, firstSeenAt: event.at };
            changedAny = true;
          }
          continue;
        }
        // Parsing errors are refusals of one event, not of the page (nothing is written for it).
        const applied =
          event.type === 'flagged'
            ? { ...interaction, firstSeenAt: Math.min(interaction.firstSeenAt, event.at), lastEventAt: Math.max(interaction.lastEventAt, event.at) }
            : applyEvent(interaction, { ...event, type: event.type });
        const changed = InteractionSchema.safeParse(setFollowUpDue(applied));
        const checked = EventSchema.safeParse({ ...event, interactionId: interaction.id, contactId: interaction.contactId });
        if (!changed.success || !checked.success) {
          refused.push(`${where(g)}: ${(changed.error ?? checked.error)?.issues[0]?.message ?? 'invalid'}`);
          continue;
        }
        interaction = { ...changed.data, events: [...interaction.events, toStoredEvent(checked.data)] };
        changedAny = true;
        added++;
      }
      if (changedAny) writes.push(interaction);
    });
    if (newContacts.size) await db.contacts.bulkPut([...newContacts.values()]);
    if (writes.length) await writeInteractions(db, writes);
    await refreshSummaries(db, new Set(writes.map((i) => i.contactId)));
    return { added, refused };
  });
}
