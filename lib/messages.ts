import { z } from 'zod';
import { EventTypeSchema, PostInputSchema, SignalsSchema, StatusSchema, VerdictInputSchema } from './db/records';
import { ReturningSummarySchema as ModelReturningSummarySchema } from './model/returning';

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
 * permalink from a page must be an http(s) URL (no `javascript:` links in the popup), and the
 * host a post was seen on is the background's to say (a `site` the page sends is dropped).
 */
export const PostSchema = PostInputSchema.omit({ site: true }).extend({
  permalink: z.url({ protocol: /^https?$/ }).max(2_000).nullable(),
});
export { SignalsSchema };
export const VerdictSchema = VerdictInputSchema;

export const InteractionEventTypeSchema = EventTypeSchema.exclude(['flagged']);

export const PostItemSchema = z.object({ post: PostSchema, verdict: VerdictSchema });
export type PostItem = z.infer<typeof PostItemSchema>;

export const CsPostsSeen = z.object({
  type: z.literal('cs→bg:posts-seen'),
  items: z.array(PostItemSchema).min(1).max(200),
});

/**
 * The batch as it arrives: each item is checked on its own (lib/background/post-items.ts), so
 * one post the page made invalid is dropped and the rest are still logged.
 */
const CsPostsSeenWire = CsPostsSeen.extend({ items: z.array(z.unknown()).min(1).max(200) });

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

/**
 * "Read posts like this one": the reader derived from the post the agent right-clicked. No host in
 * it: the background files it under the sending frame's host, so a page cannot teach another host.
 */
export const LearnedReaderMessageSchema = z.object({
  post: Text(300).min(1),
  author: Text(300).min(1),
  text: Text(300).min(1),
  nested: z.boolean().optional(),
});
export const CsLearnReader = z.object({ type: z.literal('cs→bg:learn-reader'), reader: LearnedReaderMessageSchema });

export const ContentToBackground = z.discriminatedUnion('type', [
  CsPostsSeen,
  CsInteractionEvent,
  CsRecentContacts,
  CsOpenDashboard,
  CsActivate,
  CsNeedUi,
  CsLearnReader,
]);
export type ContentToBackgroundMessage = z.infer<typeof ContentToBackground>;

/** What the router parses arriving messages with: ContentToBackground, a posts batch's items unchecked. */
export const ContentToBackgroundWire = z.discriminatedUnion('type', [
  CsPostsSeenWire,
  CsInteractionEvent,
  CsRecentContacts,
  CsOpenDashboard,
  CsActivate,
  CsNeedUi,
  CsLearnReader,
]);

export const BgOpenHelper = z.object({
  type: z.literal('bg→cs:open-helper'),
  selectionText: Text(20_000).optional(),
  linkUrl: Text(2_000).optional(),
  pageUrl: Text(2_000),
});

export const BgOpenPalette = z.object({ type: z.literal('bg→cs:open-palette') });

/** "Is the full content script running in this frame?" Injecting it again would restart it. */
export const BgPing = z.object({ type: z.literal('bg→cs:ping') });

/** The agent chose "Read posts like this one" on the element they right-clicked in this frame. */
export const BgLearnReader = z.object({ type: z.literal('bg→cs:learn-reader') });

export const BackgroundToContent = z.discriminatedUnion('type', [BgOpenHelper, BgOpenPalette, BgPing, BgLearnReader]);
export type BackgroundToContentMessage = z.infer<typeof BackgroundToContent>;

/**
 * What the background knows of the customer behind a post, sent back so the helper can show it:
 * lib/model's summary without the contact id. The content script needs none, and every field
 * here is one a page could reach; the router parses answers with this schema, so the id is
 * dropped before the answer leaves the background.
 */
export const ReturningSummarySchema = ModelReturningSummarySchema.omit({ contactId: true });
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

const Done = z.object({});

/**
 * The protocol in one map: each request with the schema of its answer. The router parses every
 * answer with its schema before it leaves the background, and z.object drops undeclared keys, so
 * a content script gets exactly the fields listed here and nothing a store function happens to
 * return; the content script parses the answer with the same schema (parseReply below, used by lib/content/frontline.tsx).
 */
export const PROTOCOL = {
  'cs→bg:posts-seen': { request: CsPostsSeen, response: z.object({ summaries: z.array(ReturningSummarySchema), dropped: z.number().int().min(0) }) },
  'cs→bg:interaction-event': { request: CsInteractionEvent, response: Done },
  'cs→bg:recent-contacts': { request: CsRecentContacts, response: z.object({ contacts: z.array(RecentContactSchema) }) },
  'cs→bg:open-dashboard': { request: CsOpenDashboard, response: Done },
  'cs→bg:activate': { request: CsActivate, response: Done },
  'cs→bg:need-ui': { request: CsNeedUi, response: Done },
  'cs→bg:learn-reader': { request: CsLearnReader, response: z.object({ host: z.string() }) },
} as const satisfies Record<ContentToBackgroundMessage['type'], { request: z.ZodType; response: z.ZodType }>;

export type RequestType = keyof typeof PROTOCOL;
export type ResponseOf<K extends RequestType> = z.infer<(typeof PROTOCOL)[K]['response']>;
export type ReplyFor<K extends RequestType> = Reply<ResponseOf<K>>;
/** How content code asks the background: the answer's type follows from the request's. */
export type Send = <M extends ContentToBackgroundMessage>(msg: M) => Promise<ReplyFor<M['type']>>;

/** An answer as the content script reads it: parsed with its schema; anything else is a failure. */
export function parseReply<K extends RequestType>(type: K, raw: unknown): ReplyFor<K> {
  const r = raw as { ok?: unknown; error?: unknown } | undefined;
  if (r?.ok === false) return { ok: false, error: typeof r.error === 'string' ? r.error : 'refused' };
  if (r?.ok !== true) return { ok: false, error: 'Frontline did not answer (reload the page)' };
  const parsed = PROTOCOL[type].response.safeParse(raw);
  if (!parsed.success) return { ok: false, error: `malformed answer: ${describeZodError(parsed.error)}` };
  return { ok: true, ...(parsed.data as ResponseOf<K>) };
}

/** A readable, single-line description of why a message was refused. */
export function describeZodError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid message';
  const where = issue.path.length ? issue.path.join('.') : 'message';
  return `${where}: ${issue.message}`;
}
