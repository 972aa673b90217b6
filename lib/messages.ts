import { z } from 'zod';
import { PLATFORMS } from './types';

/**
 * The one message protocol between content scripts, extension pages and the background.
 * Names say who talks to whom (as Dark Reader does): `cs→bg:*` content script to background,
 * `bg→cs:*` background to content script. Every message is parsed with these schemas on
 * arrival; anything else gets an error reply and causes no write.
 */

const Text = (max: number) => z.string().max(max);

export const PostSchema = z.object({
  id: Text(300).min(1),
  platform: z.enum(PLATFORMS),
  author: Text(200),
  handle: Text(500),
  text: Text(20_000),
  quoted: Text(20_000).optional(),
  permalink: z.url({ protocol: /^https?$/ }).max(2_000).nullable(),
  time: Text(64).nullable(),
});

export const SignalsSchema = z.object({
  brand: z.boolean(),
  churn: z.boolean(),
  abuse: z.boolean(),
  question: z.boolean(),
  urgency: z.boolean(),
});

export const VerdictSchema = z.object({
  complaint: z.boolean(),
  score: z.number().min(0).max(1),
  severity: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  cues: z.array(Text(120)).max(20),
  signals: SignalsSchema,
});

export const InteractionEventTypeSchema = z.enum([
  'helper-opened',
  'reply-inserted',
  'reply-copied',
  'note',
  'status',
  'follow-up-set',
  'follow-up-done',
]);

export const CsPostsSeen = z.object({
  type: z.literal('cs→bg:posts-seen'),
  items: z.array(z.object({ post: PostSchema, verdict: VerdictSchema })).min(1).max(200),
});

export const CsInteractionEvent = z.object({
  type: z.literal('cs→bg:interaction-event'),
  post: PostSchema,
  verdict: VerdictSchema,
  event: InteractionEventTypeSchema,
  text: Text(10_000).optional(),
  templateId: Text(100).optional(),
  status: z.enum(['open', 'waiting', 'resolved']).optional(),
  dueAt: z.number().int().positive().optional(),
});

export const CsRecentContacts = z.object({
  type: z.literal('cs→bg:recent-contacts'),
  limit: z.number().int().min(1).max(50).default(10),
});

export const CsOpenDashboard = z.object({ type: z.literal('cs→bg:open-dashboard') });

/** From the cheap gate script: this page can hold posts, inject the full content script. */
export const CsActivate = z.object({ type: z.literal('cs→bg:activate') });

export const ContentToBackground = z.discriminatedUnion('type', [
  CsPostsSeen,
  CsInteractionEvent,
  CsRecentContacts,
  CsOpenDashboard,
  CsActivate,
]);
export type ContentToBackgroundMessage = z.infer<typeof ContentToBackground>;

export const BgOpenHelper = z.object({
  type: z.literal('bg→cs:open-helper'),
  selectionText: Text(20_000).optional(),
  linkUrl: Text(2_000).optional(),
  pageUrl: Text(2_000),
});

export const BgOpenPalette = z.object({ type: z.literal('bg→cs:open-palette') });

export const BackgroundToContent = z.discriminatedUnion('type', [BgOpenHelper, BgOpenPalette]);
export type BackgroundToContentMessage = z.infer<typeof BackgroundToContent>;

/** What the background knows of the customer behind a post, sent back so the page can show it at once. */
export const ReturningSummarySchema = z.object({
  postId: z.string(),
  contactId: z.string(),
  known: z.boolean(),
  earlierInteractions: z.number().int().min(0),
  lastStatus: z.enum(['open', 'waiting', 'resolved']).optional(),
  lastReply: z.string().optional(),
  daysSince: z.number().optional(),
  severityRising: z.boolean(),
});
export type ReturningSummary = z.infer<typeof ReturningSummarySchema>;

export const RecentContactSchema = z.object({
  id: z.string(),
  name: z.string(),
  handle: z.string(),
  platform: z.string(),
  lastSeenAt: z.number(),
  lastPermalink: z.string().nullable().optional(),
});
export type RecentContact = z.infer<typeof RecentContactSchema>;

export type Reply<T> = ({ ok: true } & T) | { ok: false; error: string };

export type ReplyFor<M extends ContentToBackgroundMessage['type']> = M extends 'cs→bg:posts-seen'
  ? Reply<{ summaries: ReturningSummary[] }>
  : M extends 'cs→bg:recent-contacts'
    ? Reply<{ contacts: RecentContact[] }>
    : Reply<Record<never, never>>;

/** A readable, single-line description of why a message was refused. */
export function describeZodError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid message';
  const where = issue.path.length ? issue.path.join('.') : 'message';
  return `${where}: ${issue.message}`;
}
