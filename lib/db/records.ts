import { z } from 'zod';
import { PLATFORMS } from '../model/platforms';
import { POST_LIMITS, PostSchema } from '../model/post';
import { SeveritySchema } from '../model/severity';
import { SignalsSchema } from '../model/signals';
import { STATUSES, StatusSchema, type Status } from '../model/status';
import { THEMES } from '../model/themes';
import { VerdictSchema } from '../model/verdict';
import { MAX_TEXT } from './normalise';

/**
 * Zod schemas for every stored record and every write input. Each write parses its
 * input here first and writes nothing when parsing fails, so a bad message or a
 * hand-edited import can never leave half a record behind.
 */

// The shared shapes are lib/model's; re-exported so a record and its parts read from one place.
export { POST_LIMITS, SeveritySchema, SignalsSchema, STATUSES, StatusSchema, type Status };

const time = z.number({ error: 'expected a time in milliseconds' }).int().nonnegative();
const text = (max: number) => z.string().max(max);

export const EVENT_TYPES = [
  'flagged',
  'helper-opened',
  'reply-inserted',
  'reply-copied',
  'note',
  'status',
  'follow-up-set',
  'follow-up-done',
  // The agent confirmed a copied reply went out: only then does a copy count as replied.
  'reply-confirmed',
] as const;
export const EventTypeSchema = z.enum(EVENT_TYPES);
export type EventType = z.infer<typeof EventTypeSchema>;

/** A post and a verdict as a write takes them: the model's shapes (lib/model), unchanged. */
export const PostInputSchema = PostSchema;
export const VerdictInputSchema = VerdictSchema;

const BaseContactSchema = z.object({
  id: text(600).min(1),
  platform: z.enum(PLATFORMS),
  name: text(200),
  /** Normalised handle ('' when the page shows none). */
  handle: text(500),
  firstSeenAt: time,
  lastSeenAt: time,
  lastPermalink: text(2_000).nullable(),
  /** Tokens of name and handle for prefix search (schema v2). */
  searchWords: z.array(text(500)),
  /**
   * Summary of their interactions (schema v4), derived: recomputed in every write that changes
   * it (summary.ts) and on import, whatever a file says. Optional so older exports still import.
   */
  interactionCount: z.number().int().nonnegative().optional(),
  lastStatus: StatusSchema.optional(),
  maxSeverity: SeveritySchema.optional(),
  /** Earliest pending follow-up of theirs, absent when none (schema v4, derived). */
  followUpDue: time.optional(),
});

/**
 * A contact merged into another as the same person (merge.ts): the merged record exactly as it
 * was, and which interactions moved, so an undo puts both back. Kept on the surviving contact
 * (not indexed: no schema change). A contact holding merges is not itself merged into another
 * (the pick is refused), so the snapshot never nests.
 */
export const MergedContactSchema = z.object({
  contact: BaseContactSchema,
  interactionIds: z.array(text(2_100).min(1)),
  at: time,
  /** The surviving contact's first/last seen before the merge, restored by an undo. */
  keptFirstSeenAt: time,
  keptLastSeenAt: time,
});
export type MergedContact = z.infer<typeof MergedContactSchema>;

export const ContactSchema = BaseContactSchema.extend({
  /** Contacts merged into this one (newest last); their names and handles are in searchWords. */
  merged: z.array(MergedContactSchema).optional(),
});
export type Contact = z.infer<typeof ContactSchema>;

export const InteractionSchema = z.object({
  id: text(2_100).min(1),
  contactId: text(600).min(1),
  platform: z.enum(PLATFORMS),
  postId: text(300),
  permalink: text(2_000).nullable(),
  text: text(MAX_TEXT),
  severity: SeveritySchema,
  score: z.number().min(0).max(1),
  complaint: z.boolean(),
  signals: SignalsSchema,
  cues: z.array(text(120)),
  themes: z.array(z.enum(THEMES)),
  status: StatusSchema,
  firstSeenAt: time,
  lastEventAt: time,
  firstReplyAt: time.optional(),
  /** The agent's latest reply, shown when the customer comes back. */
  lastReply: text(10_000).optional(),
  resolvedAt: time.optional(),
  followUpAt: time.optional(),
  followUpDone: z.boolean().optional(),
  /** followUpAt while the follow-up is pending, absent otherwise (schema v4, derived: summary.ts). */
  followUpDue: time.optional(),
});
export type Interaction = z.infer<typeof InteractionSchema>;

export const EventSchema = z.object({
  seq: z.number().int().positive().optional(),
  interactionId: text(2_100).min(1),
  contactId: text(600).min(1),
  at: time,
  type: EventTypeSchema,
  text: text(10_000).optional(),
  templateId: text(100).optional(),
  status: StatusSchema.optional(),
  dueAt: time.optional(),
  severity: SeveritySchema.optional(),
  /**
   * A colleague's CouchDB user name when the event came from the team database (lib/sync);
   * absent: this agent wrote it. Optional, so every stored log and export file stays valid.
   */
  by: text(100).min(1).optional(),
});
export type InteractionEvent = z.infer<typeof EventSchema>;

/**
 * An event as stored (schema v5): inside its interaction's `events` array, in the order it was
 * appended. Its interaction and contact are the record that holds it, so they are not repeated.
 */
export const StoredEventSchema = EventSchema.omit({ seq: true, interactionId: true, contactId: true });
export type StoredEvent = z.infer<typeof StoredEventSchema>;

/**
 * The interaction record as stored (schema v5): the interaction plus its event log, an
 * append-only array (nothing edits or removes an entry; retention and delete-all remove the
 * whole record). One record per interaction instead of one per event: a restore of 100,000
 * interactions writes 120,000 records instead of 320,000 (see lib/db/README.md).
 */
export const StoredInteractionSchema = InteractionSchema.extend({ events: z.array(StoredEventSchema) });
export type StoredInteraction = z.infer<typeof StoredInteractionSchema>;

/**
 * What the agent said of a post's verdict (schema v7): "Not a complaint" (level 0) or the level it
 * deserves ("More/Less severe"). One per post, the latest wins. The post's words are kept so the
 * correction layer (lib/detect/adapt.ts) can be refitted to whatever model ships next.
 */
export const CorrectionSchema = z.object({
  /** The corrected post's interaction id (normalise.ts interactionIdFor). */
  id: text(2_100).min(1),
  text: text(MAX_TEXT).min(1),
  level: SeveritySchema,
  /** The verdict's level when the agent corrected it (0: it was not flagged). */
  detected: SeveritySchema,
  at: time,
});
export type Correction = z.infer<typeof CorrectionSchema>;

export const RecordPostsInputSchema = z.array(z.object({ post: PostInputSchema, verdict: VerdictInputSchema })).max(500);
export type RecordPostsItem = z.infer<typeof RecordPostsInputSchema>[number];

/**
 * One agent action. Name the interaction either by id (dashboard) or by the post and its
 * verdict (content script), in which case the interaction is created if the agent engages
 * with a post that was never flagged.
 */
export const EventInputSchema = z
  .object({
    interactionId: text(2_100).min(1).optional(),
    post: PostInputSchema.optional(),
    verdict: VerdictInputSchema.optional(),
    type: EventTypeSchema.exclude(['flagged']),
    at: time,
    text: text(10_000).optional(),
    templateId: text(100).optional(),
    status: StatusSchema.optional(),
    dueAt: time.optional(),
  })
  .superRefine((input, ctx) => {
    if (!input.interactionId && !(input.post && input.verdict)) {
      ctx.addIssue({ code: 'custom', message: 'name the interaction: interactionId, or post and verdict' });
    }
    if (input.type === 'status' && !input.status) {
      ctx.addIssue({ code: 'custom', path: ['status'], message: 'a status event needs a status' });
    }
    if (input.type === 'follow-up-set' && input.dueAt === undefined) {
      ctx.addIssue({ code: 'custom', path: ['dueAt'], message: 'a follow-up needs a due time' });
    }
    if ((input.type === 'reply-inserted' || input.type === 'reply-copied' || input.type === 'reply-confirmed' || input.type === 'note') && !input.text) {
      ctx.addIssue({ code: 'custom', path: ['text'], message: `a ${input.type} event needs its text` });
    }
  });
export type EventInput = z.input<typeof EventInputSchema>;

/** Thrown by every write whose input fails validation; `message` names the field. */
export class InvalidInputError extends Error {
  override name = 'InvalidInputError';
}

/** "interactions[12].severity: expected 0..4" — the path as a reader would write it. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid data';
  let where = '';
  for (const key of issue.path) {
    where += typeof key === 'number' ? `[${key}]` : where ? `.${String(key)}` : String(key);
  }
  return where ? `${where}: ${issue.message}` : issue.message;
}

export function parseOrThrow<T>(schema: z.ZodType<T>, data: unknown, what: string): T {
  const result = schema.safeParse(data);
  if (!result.success) throw new InvalidInputError(`${what}: ${describeIssue(result.error)}`);
  return result.data;
}
