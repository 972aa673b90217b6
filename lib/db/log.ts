import { z } from 'zod';
import type { ReturningSummary } from '../model/returning';
import { themesOf } from '../model/themes';
import type { FrontlineDB } from './schema';
import { setFollowUpDue, summaryOf, withSummary, type ContactSummary } from './summary';
import { refreshSummaries } from './summary-refresh';
import { getInteraction, interactionsOf, logTables, writeInteractions } from './histories';
import { mergedOwnerOf, postMayAct, withMergedWords } from './merged';
import { contactIdFor, interactionIdFor, normaliseHandle, searchWordsFor, stripInvisible, truncate } from './normalise';
import {
  ContactSchema,
  EventInputSchema,
  EventSchema,
  InteractionSchema,
  InvalidInputError,
  RecordPostsInputSchema,
  parseOrThrow,
  type Contact,
  type EventInput,
  type Interaction,
  type InteractionEvent,
  type MergedContact,
  type RecordPostsItem,
  type StoredInteraction,
} from './records';
import { toStoredEvent } from './event-shape';

const DAY = 86_400_000;
const NowSchema = z.number().int().nonnegative();

/** What the page shows at once when a customer comes back (lib/model/returning.ts). */
export type { ReturningSummary };

type Post = RecordPostsItem['post'];
type Verdict = RecordPostsItem['verdict'];

/**
 * Records the posts the scanner saw. Flagged posts (verdict.complaint) become an
 * interaction with one 'flagged' event, never two for the same post; unflagged posts only
 * refresh a record that already exists (nothing is stored about people we never engaged).
 * Every post gets a returning-customer summary computed from the state before this call.
 */
export async function recordPosts(
  db: FrontlineDB,
  items: ReadonlyArray<{ post: Post; verdict: Verdict }>,
  now: number,
): Promise<ReturningSummary[]> {
  const parsed = parseOrThrow(RecordPostsInputSchema, items, 'recordPosts');
  const at = parseOrThrow(NowSchema, now, 'recordPosts: now');
  return db.transaction('rw', [db.contacts, ...logTables(db)], async () => {
    const summaries: ReturningSummary[] = [];
    for (const { post, verdict } of parsed) {
      const { summary } = await upsertPost(db, post, verdict, at, verdict.complaint);
      summaries.push(summary);
    }
    return summaries;
  });
}

async function upsertPost(db: FrontlineDB, post: Post, verdict: Verdict, now: number, create: boolean) {
  const postContactId = contactIdFor(post);
  const id = interactionIdFor(post);
  const reads = await Promise.all([
    db.contacts.get(postContactId),
    getInteraction(db, id),
    interactionsOf(db, postContactId),
  ]);
  const existing = reads[1];
  let [contact, , history] = reads;
  let contactId = postContactId;
  // The post's account was merged into another person (merge.ts) and this interaction moved
  // with it: the post updates the person it belongs to now, whose name and handle stay theirs.
  let mergedInto: Contact | undefined;
  if (existing && existing.contactId !== postContactId) {
    const owner = await db.contacts.get(existing.contactId);
    if (postMayAct(owner, postContactId, id)) {
      mergedInto = contact = owner!;
      contactId = owner!.id;
      history = await interactionsOf(db, contactId);
    }
  }
  // A new post from an account merged into another person: it joins that person (and goes back
  // with the account on an undo), rather than starting a separate contact again.
  let joinsMerge = false;
  if (!existing && !contact) {
    const ownerId = mergedOwnerOf(db, postContactId);
    const owner = ownerId === undefined ? undefined : await db.contacts.get(ownerId);
    if (owner?.merged?.some((m) => m.contact.id === postContactId)) {
      mergedInto = contact = owner;
      contactId = owner.id;
      history = await interactionsOf(db, contactId);
      joinsMerge = true;
    }
  }
  const summary = summarise(post.id, contactId, verdict, history.filter((i) => i.id !== id), now);
  if (!existing && !create) return { summary, interaction: undefined };
  // A post whose link names another person's interaction (a page can put any link on a post)
  // never rewrites that interaction's words or verdict, nor moves it to this contact.
  if (existing && existing.contactId !== contactId) return { summary, interaction: undefined, conflict: true };

  const interaction: Interaction = existing
    ? {
        ...existing,
        // A calmer second reading (e.g. brand terms changed) does not unflag what the agent saw.
        ...(verdict.complaint || !existing.complaint ? verdictFields(verdict) : {}),
        text: truncate(post.text),
        themes: themesOf(post.text),
      }
    : freshInteraction(id, contactId, post, verdict, now);
  // Flag once per post; the flag is activity, so it moves lastEventAt (retention relies on it).
  const flag = verdict.complaint && !existing?.events.some((e) => e.type === 'flagged');
  if (flag) interaction.lastEventAt = Math.max(interaction.lastEventAt, now);
  // The event log is appended to, never rewritten.
  const events = existing ? existing.events : [];
  const stored: StoredInteraction = {
    ...InteractionSchema.parse(setFollowUpDue(interaction)),
    events: flag
      ? [...events, toStoredEvent(EventSchema.parse({ interactionId: id, contactId, at: now, type: 'flagged', severity: verdict.severity }))]
      : events,
  };
  // The contact's stored summary, from the history already read with this post in it.
  const after = [...history.filter((i) => i.id !== id), stored];
  await db.contacts.put(
    mergedInto
      ? ContactSchema.parse({
          ...withSummary(mergedInto, summaryOf(after)),
          lastSeenAt: Math.max(mergedInto.lastSeenAt, now),
          ...(joinsMerge ? { merged: withInteraction(mergedInto.merged!, postContactId, id) } : {}),
        })
      : contactRecord(contactId, post, now, contact, summaryOf(after)),
  );
  await writeInteractions(db, [stored]);
  return { summary, interaction: stored };
}

/** The merges with `interactionId` added to `accountId`'s, so an undo takes the new post back with it. */
function withInteraction(merged: readonly MergedContact[], accountId: string, interactionId: string): MergedContact[] {
  return merged.map((m) => (m.contact.id === accountId && !m.interactionIds.includes(interactionId) ? { ...m, interactionIds: [...m.interactionIds, interactionId] } : m));
}

/** A post's first interaction record (no events yet); team.ts builds colleagues' posts with it too. */
export function freshInteraction(id: string, contactId: string, post: Post, verdict: Verdict, now: number): Interaction {
  return {
    id,
    contactId,
    platform: post.platform,
    postId: post.id,
    permalink: post.permalink,
    text: truncate(post.text),
    ...verdictFields(verdict),
    themes: themesOf(post.text),
    status: 'open',
    firstSeenAt: now,
    lastEventAt: now,
  };
}

function verdictFields(v: Verdict) {
  return { severity: v.severity, score: v.score, complaint: v.complaint, signals: v.signals, cues: v.cues };
}

/** Exported for team.ts (colleagues' posts written in bulk). */
export function contactRecord(id: string, post: Post, now: number, before: Contact | undefined, summary: ContactSummary): Contact {
  const handle = normaliseHandle(post.handle);
  const name = stripInvisible(post.author).trim() || before?.name || handle;
  return ContactSchema.parse({
    id,
    platform: post.platform,
    name,
    handle: handle || before?.handle || '',
    firstSeenAt: before ? Math.min(before.firstSeenAt, now) : now,
    lastSeenAt: before ? Math.max(before.lastSeenAt, now) : now,
    lastPermalink: post.permalink ?? before?.lastPermalink ?? null,
    searchWords: withMergedWords(searchWordsFor(name, handle), before?.merged),
    ...(before?.merged?.length ? { merged: before.merged } : {}),
    ...summary,
  });
}

export function summarise(postId: string, contactId: string, verdict: Verdict, earlier: Interaction[], now: number): ReturningSummary {
  // The compound index returns them oldest first, so the last one is the previous contact.
  const previous = earlier[earlier.length - 1];
  if (!previous) return { postId, contactId, known: false, earlierInteractions: 0, severityRising: false };
  const lastReply = [...earlier].reverse().find((i) => i.lastReply)?.lastReply;
  return {
    postId,
    contactId,
    known: true,
    earlierInteractions: earlier.length,
    lastStatus: previous.status,
    ...(lastReply ? { lastReply } : {}),
    daysSince: Math.max(0, Math.floor((now - previous.lastEventAt) / DAY)),
    severityRising: verdict.severity > previous.severity,
  };
}

/**
 * Appends one agent action and updates its interaction in the same transaction: status,
 * first reply time, last reply text, follow-up. A post the agent engages with that was never
 * flagged gets its interaction created here.
 */
export async function recordEvent(
  db: FrontlineDB,
  input: EventInput,
): Promise<{ interaction: Interaction; event: InteractionEvent }> {
  const e = parseOrThrow(EventInputSchema, input, 'recordEvent');
  return db.transaction('rw', [db.contacts, ...logTables(db)], async () => {
    const id = e.interactionId ?? (e.post ? interactionIdFor(e.post) : '');
    let interaction = await getInteraction(db, id);
    // An action sent with a post acts on that post's person only: a link naming someone
    // else's interaction must not put a reply or a resolution on their record.
    // (An account merged into the interaction's person may: merge.ts.)
    const postContactId = e.post ? contactIdFor(e.post) : undefined;
    if (interaction && postContactId && interaction.contactId !== postContactId && !postMayAct(await db.contacts.get(interaction.contactId), postContactId, interaction.id)) {
      throw new InvalidInputError('recordEvent: this post belongs to another contact’s interaction');
    }
    if (!interaction && e.post && e.verdict) {
      interaction = (await upsertPost(db, e.post, e.verdict, e.at, true)).interaction;
    }
    if (!interaction) throw new InvalidInputError(`recordEvent: no interaction "${id}"`);
    const changed = InteractionSchema.parse(setFollowUpDue(applyEvent(interaction, e)));
    const event = EventSchema.parse({
      interactionId: changed.id,
      contactId: changed.contactId,
      at: e.at,
      type: e.type,
      ...(e.text !== undefined ? { text: e.text } : {}),
      ...(e.templateId !== undefined ? { templateId: e.templateId } : {}),
      ...(e.status !== undefined ? { status: e.status } : {}),
      ...(e.dueAt !== undefined ? { dueAt: e.dueAt } : {}),
    });
    // Appended to the interaction's log, in the same write as the change it causes.
    const updated: StoredInteraction = { ...changed, events: [...interaction.events, toStoredEvent(event)] };
    await writeInteractions(db, [updated]);
    // Only a status or follow-up change moves the contact's summary (count and severities stay).
    if (updated.status !== interaction.status || updated.followUpDue !== interaction.followUpDue) {
      await refreshSummaries(db, [updated.contactId]);
    }
    return { interaction: updated, event };
  });
}

/** Exported for team.ts: a colleague's event changes the interaction exactly as the agent's own would. */
export function applyEvent(i: Interaction, e: Pick<ReturnType<typeof EventInputSchema.parse>, 'type' | 'at' | 'text' | 'status' | 'dueAt'>): Interaction {
  const next: Interaction = { ...i, lastEventAt: Math.max(i.lastEventAt, e.at) };
  switch (e.type) {
    // Copying is not replying: the text may never be pasted. A copy becomes a reply when the
    // agent confirms it went out ('reply-confirmed'); an insertion is one at once.
    case 'reply-inserted':
    case 'reply-confirmed':
      next.firstReplyAt = Math.min(i.firstReplyAt ?? e.at, e.at);
      next.lastReply = e.text;
      break;
    case 'status':
      next.status = e.status!;
      if (e.status === 'resolved') next.resolvedAt = e.at;
      else delete next.resolvedAt;
      break;
    case 'follow-up-set':
      next.followUpAt = e.dueAt;
      next.followUpDone = false;
      break;
    case 'follow-up-done':
      next.followUpDone = true;
      break;
    case 'helper-opened':
    case 'reply-copied':
    case 'note':
      break;
  }
  return next;
}

/** Hide an interaction from the due list until `until`: a follow-up the agent will see then. */
export function snooze(db: FrontlineDB, interactionId: string, until: number, now: number) {
  return recordEvent(db, { interactionId, type: 'follow-up-set', dueAt: until, at: now });
}

export function markResolved(db: FrontlineDB, interactionId: string, now: number) {
  return recordEvent(db, { interactionId, type: 'status', status: 'resolved', at: now });
}
