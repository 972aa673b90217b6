import { z } from 'zod';
import { PostSchema } from '../model/post';
import { VerdictSchema } from '../model/verdict';
import { StatusSchema } from '../model/status';
import type { SharedEvent, TeamEventInput } from '../db';

/**
 * The shape of one shared event in the team database. Immutable and stamped with its agent:
 * the id names the agent, so two agents never write the same document and replication never
 * conflicts; pushing an event twice is a harmless 409. Everything that comes back from the
 * server is parsed with `TeamEventDocSchema` before it reaches the log: the server may be
 * hostile or compromised.
 */

export const EVENT_DOC_PREFIX = 'ev:';
export const DOC_KIND = 'frontline-event';

/** CouchDB user names: the team lead's choice, but never markup-sized. */
export const AgentNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[^<>\p{Cc}]+$/u, 'no control characters or angle brackets');

const time = z.number().int().nonnegative().max(8.64e15);

/** The agent's actions, and 'flagged': when their log first flagged the post (lib/db/team.ts). */
const SharedTypeSchema = z.enum(['flagged', 'helper-opened', 'reply-inserted', 'reply-copied', 'reply-confirmed', 'note', 'status', 'follow-up-set', 'follow-up-done']);

/**
 * Strict objects: an unknown key (a deeply nested payload hidden in an extra field) is an error,
 * not something carried into the log. Every string has a bound (the model's limits).
 */
export const TeamEventDocSchema = z.strictObject({
  _id: z.string().max(400).startsWith(EVENT_DOC_PREFIX),
  _rev: z.string().max(200).optional(),
  kind: z.literal(DOC_KIND),
  v: z.literal(1),
  agent: AgentNameSchema,
  /** A random id per browser profile: tells this profile's own pushes, echoed back, from a forgery. */
  device: z.string().min(8).max(64).regex(/^[A-Za-z0-9-]+$/),
  at: time,
  type: SharedTypeSchema,
  text: z.string().max(10_000).optional(),
  templateId: z.string().max(100).optional(),
  status: StatusSchema.optional(),
  dueAt: time.optional(),
  post: PostSchema.strict(),
  verdict: VerdictSchema.strict(),
}).superRefine((d, ctx) => {
  // The same rules as the agent's own actions (lib/db/records.ts EventInputSchema).
  if (d.type === 'status' && !d.status) ctx.addIssue({ code: 'custom', path: ['status'], message: 'a status event needs a status' });
  if (d.type === 'follow-up-set' && d.dueAt === undefined) ctx.addIssue({ code: 'custom', path: ['dueAt'], message: 'a follow-up needs a due time' });
  if (d.type === 'flagged' && !d.verdict.complaint) ctx.addIssue({ code: 'custom', path: ['verdict'], message: 'only a complaint is flagged' });
  if (['reply-inserted', 'reply-copied', 'reply-confirmed', 'note'].includes(d.type) && !d.text) {
    ctx.addIssue({ code: 'custom', path: ['text'], message: `a ${d.type} event needs its text` });
  }
});
export type TeamEventDoc = z.infer<typeof TeamEventDocSchema>;

/** A remote document bigger than this (as JSON) is refused before it is parsed field by field. */
export const MAX_DOC_CHARS = 64_000;

/** FNV-1a, 32 bits, as hex: a short stable name for an interaction id inside a document id. */
export function shortHash(s: string): string {
  let h = 0x811c9dc5;
  for (let n = 0; n < s.length; n++) {
    h ^= s.charCodeAt(n);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Same event, same id: a second push of it is a 409 the pusher ignores. */
export function eventDocId(agent: string, interactionId: string, at: number, type: string): string {
  return `${EVENT_DOC_PREFIX}${agent}:${at}:${type}:${shortHash(interactionId)}`;
}

export function toEventDoc(agent: string, device: string, s: SharedEvent): Omit<TeamEventDoc, '_rev'> {
  const e = s.event;
  return {
    _id: eventDocId(agent, s.interactionId, e.at, e.type),
    kind: DOC_KIND,
    v: 1,
    agent,
    device,
    at: e.at,
    type: e.type as TeamEventDoc['type'],
    ...(e.text !== undefined ? { text: e.text } : {}),
    ...(e.templateId !== undefined ? { templateId: e.templateId } : {}),
    ...(e.status !== undefined ? { status: e.status } : {}),
    ...(e.dueAt !== undefined ? { dueAt: e.dueAt } : {}),
    post: s.post,
    verdict: s.verdict,
  };
}

export type Checked =
  /**
   * `thisDevice`: the document says it was written by this very browser profile. Only the log
   * can say whether that is true (its own push echoing back) or a forgery: replicate.ts checks.
   */
  | { ok: true; input: TeamEventInput; thisDevice?: true }
  | { ok: false; reason: string };

/**
 * Whether a document from the server may join the log, and why not. Plain text reasons, shown
 * as text (never markup) in the options page.
 *
 * The agent's own name from another device (the same agent on a second machine, or a profile
 * rebuilt after a restore) is theirs: it joins the log as their own action (no `by`), so a new
 * machine rebuilds the same contacts and summaries. Who may write under a name is the server's
 * to enforce (its `_security` members and credentials); what this browser can check itself is
 * a document claiming to come from *this* profile, which its log must hold.
 */
export function checkIncoming(raw: unknown, me: { agent: string; device: string }): Checked {
  const id = typeof (raw as { _id?: unknown })?._id === 'string' ? String((raw as { _id: string })._id).slice(0, 80) : '(no id)';
  let size: number;
  try {
    size = JSON.stringify(raw)?.length ?? 0;
  } catch {
    return { ok: false, reason: `${id}: not a plain JSON document` };
  }
  if (size > MAX_DOC_CHARS) return { ok: false, reason: `${id}: too large (${size} characters, the limit is ${MAX_DOC_CHARS})` };
  const parsed = TeamEventDocSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'document';
    return { ok: false, reason: `${id}: ${where}: ${issue?.message ?? 'invalid'}` };
  }
  const d = parsed.data;
  if (!d._id.startsWith(`${EVENT_DOC_PREFIX}${d.agent}:`)) return { ok: false, reason: `${id}: its id does not name its agent "${d.agent}"` };
  const mine = d.agent === me.agent;
  const { agent, post, verdict, at, type, text, templateId, status, dueAt } = d;
  const input: TeamEventInput = {
    post,
    verdict,
    event: {
      at,
      type,
      // The agent's own action, from whichever of their devices: no author, as in their own log.
      ...(mine ? {} : { by: agent }),
      ...(text !== undefined ? { text } : {}),
      ...(templateId !== undefined ? { templateId } : {}),
      ...(status !== undefined ? { status } : {}),
      ...(dueAt !== undefined ? { dueAt } : {}),
      // A flag's level is the verdict's, as in the agent's own log (lib/db/log.ts recordPosts).
      ...(type === 'flagged' ? { severity: verdict.severity } : {}),
    },
  };
  return mine && d.device === me.device ? { ok: true, input, thisDevice: true } : { ok: true, input };
}
