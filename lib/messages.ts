import { z } from 'zod';
import { EventTypeSchema, PostInputSchema, SignalsSchema, StatusSchema, VerdictInputSchema } from './db/records';
import { ReturningSummarySchema, type ReturningSummary } from './model/returning';

/**
 * The one message protocol between content scripts, extension pages and the background.
 * Names say who talks to whom (as Dark Reader does): `cs→bg:*` content script to background,
 * `bg→cs:*` background to content script. Every message is parsed with these schemas on
 * arrival; anything else gets an error reply and causes no write.
 */

const Text = (max: number) => z.string().max(max);

/**
 * The shapes the database validates on write (lib/db/records.ts), reused so the protocol and
 * the store cannot drift apart; a message is stricter only where the page is hostile: a
 * permalink from a page must be an http(s) URL (no `javascript:` links in the popup).
 */
export const PostSchema = PostInputSchema.extend({
  permalink: z.url({ protocol: /^https?$/ }).max(2_000).nullable(),
});
export { SignalsSchema };
export const VerdictSchema = VerdictInputSchema;

export const InteractionEventTypeSchema = EventTypeSchema.exclude(['flagged']);

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
  status: StatusSchema.optional(),
  dueAt: z.number().int().positive().optional(),
});

export const CsRecentContacts = z.object({
  type: z.literal('cs→bg:recent-contacts'),
  limit: z.number().int().min(1).max(50).default(10),
});

export const CsOpenDashboard = z.object({ type: z.literal('cs→bg:open-dashboard') });

/** From the cheap gate script: this page can hold posts, inject the full content script. */
export const CsActivate = z.object({ type: z.literal('cs→bg:activate') });

/**
 * From the scanning script: a post was flagged or the agent asked for the helper, inject the
 * overlay (React) into this frame. Pages where nothing is flagged never evaluate React.
 */
export const CsNeedUi = z.object({ type: z.literal('cs→bg:need-ui') });

export const ContentToBackground = z.discriminatedUnion('type', [
  CsPostsSeen,
  CsInteractionEvent,
  CsRecentContacts,
  CsOpenDashboard,
  CsActivate,
  CsNeedUi,
]);
export type ContentToBackgroundMessage = z.infer<typeof ContentToBackground>;

export const BgOpenHelper = z.object({
  type: z.literal('bg→cs:open-helper'),
  selectionText: Text(20_000).optional(),
  linkUrl: Text(2_000).optional(),
  pageUrl: Text(2_000),
});

export const BgOpenPalette = z.object({ type: z.literal('bg→cs:open-palette') });

/** "Is the full content script running in this frame?" Injecting it again would restart it. */
export const BgPing = z.object({ type: z.literal('bg→cs:ping') });

export const BackgroundToContent = z.discriminatedUnion('type', [BgOpenHelper, BgOpenPalette, BgPing]);
export type BackgroundToContentMessage = z.infer<typeof BackgroundToContent>;

export { ReturningSummarySchema, type ReturningSummary };

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
