import { z } from 'zod';
import { EventTypeSchema, PostInputSchema, SignalsSchema, StatusSchema, VerdictInputSchema } from './db/records';
import { HISTORY_ENTRIES, HistoryEntrySchema, ReturningSummarySchema as ModelReturningSummarySchema } from './model/returning';
import { SeveritySchema } from './model/severity';
import { AdapterStateSchema } from './detect/adapt';
import { SCORE_BATCH_MAX, SCORE_PORT } from './message-names';
import { BatchIndex, describeZodError, PageSettingsAnswer, parseAnswer, PostsSeenAnswer, ScoreAnswerSchema, ScorePortAnswer, scoreAnswerColumns, type Reply } from './page-replies';

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

/**
 * A verdict as the scanner sends it: `cues` absent means "not computed" (the page skips them to
 * save main-thread time; the background derives them, lib/actions/record-posts.ts withCues);
 * a list, even an empty one, means computed.
 */
export const SeenVerdictSchema = VerdictSchema.extend({ cues: VerdictSchema.shape.cues.optional() });
export type SeenVerdict = z.infer<typeof SeenVerdictSchema>;

export const PostItemSchema = z.object({ post: PostSchema, verdict: SeenVerdictSchema });
export type PostItem = z.infer<typeof PostItemSchema>;

export const CsPostsSeen = z.object({
  type: z.literal('cs→bg:posts-seen'),
  items: z.array(PostItemSchema).min(1).max(200),
});

/**
 * The batch as it arrives: each item is checked on its own (lib/background/post-items.ts), so
 * one post the page made invalid is dropped and the rest are still logged. The page script sends
 * it in columns (`seen`, lib/seen-wire.ts, issue 18: an object per post cost the page's main
 * thread more than the words); the background unpacks them into items before that check. An
 * `items` batch (a page script from before the columns) is still accepted.
 */
const SeenColumn = z.array(z.unknown()).max(200);
const SeenColumnsWire = z
  .object({
    id: z.array(z.unknown()).min(1).max(200),
    platform: SeenColumn,
    author: SeenColumn,
    handle: SeenColumn,
    text: SeenColumn,
    permalink: SeenColumn,
    time: SeenColumn,
    quoted: z.array(z.tuple([z.number().int().min(0).max(199), z.unknown()])).max(200),
    complaint: SeenColumn,
    score: SeenColumn,
    severity: SeenColumn,
    signals: SeenColumn,
  })
  .refine((c) => [c.platform, c.author, c.handle, c.text, c.permalink, c.time, c.complaint, c.score, c.severity, c.signals].every((col) => col.length === c.id.length), 'the columns differ in length');
const CsPostsSeenWire = z
  .object({ type: z.literal('cs→bg:posts-seen'), items: z.array(z.unknown()).min(1).max(200).optional(), seen: SeenColumnsWire.optional() })
  .refine((m) => (m.items === undefined) !== (m.seen === undefined), 'send items or seen, one of them');

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
 * The overlay frame (entrypoints/overlay) shows what the scanning script last said: which post the
 * helper is open on, whether the palette is, a toast. Its key is a random token the scanning script
 * put in the frame's address: the background binds it to the sending tab and frame, and only our
 * own frame page in that tab can read it (lib/background/overlay-sessions.ts).
 */
export const OverlayTokenSchema = z.string().regex(/^[a-z0-9]{24}$/);
export const UiStateSchema = z.object({
  /** The post only: what we know of its author the frame asks the background itself (`ui→bg:history`). */
  helper: z.object({ post: PostSchema, verdict: VerdictSchema }).nullable(),
  /** Which post the helper is open on, when it is a scanned one (null: opened on a selection). */
  helperPostId: z.string().max(2_000).nullable(),
  /** Flagged post ids in page order: "reply to next flagged post" and its count. */
  order: z.array(z.string().max(2_000)).max(5_000),
  palette: z.boolean(),
  toast: z.object({ text: Text(500), tone: z.enum(['info', 'error']) }).nullable(),
});
export type UiState = z.infer<typeof UiStateSchema>;

export const CsUiState = z.object({ type: z.literal('cs→bg:ui-state'), token: OverlayTokenSchema, state: UiStateSchema });

/**
 * The agent's word on a verdict, from the helper: 0 "Not a complaint", or the level it deserves
 * ("More severe" / "Less severe"). Stored, and the correction layer refitted (lib/detect/adapt.ts).
 */
export const CsCorrect = z.object({
  type: z.literal('cs→bg:correct'),
  post: PostSchema,
  verdict: VerdictSchema,
  level: SeveritySchema,
});

/** The agent's correction layer, fitted by the background, for this frame's detector. */
export const CsCorrectionLayer = z.object({ type: z.literal('cs→bg:correction-layer') });

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

/**
 * The agent typed a template's shortcut and a space in the site's own reply box. `post`: the
 * flagged post that box answers, for the customer's name (placed by the sender's frame, like every
 * post); `alone`: nothing stood before the shortcut in the box. The answer is the text to put in
 * place of what the agent typed (lib/background/expand-shortcut.ts), nothing more.
 */
export const CsExpandShortcut = z.object({
  type: z.literal('cs→bg:expand-shortcut'),
  shortcut: z.string().regex(/^\/[a-z0-9][a-z0-9-]{0,30}$/i),
  post: PostSchema.nullable(),
  alone: z.boolean(),
});

/** The settings reading this page needs (pageSettingsOf): never the profile or the templates. */
export const CsPageSettings = z.object({ type: z.literal('cs→bg:page-settings') });

/**
 * The words of posts the page shows, for the background's detector (lib/background/score.ts): the
 * model stays off the page's main thread (issue 18). Only words: the answer names posts by their
 * place in the batch, so no id the page made up has to round-trip (and none can refuse a batch).
 */
export { SCORE_BATCH_MAX, SCORE_PORT };
export type { ScoreItem, ScoreResult } from './score-wire';
/**
 * In columns (lib/score-wire.ts, issue 18): the words as a list of strings, one per post, and the
 * few quoted posts' words by the index of the post quoting them.
 */
export const CsScore = z.object({
  type: z.literal('cs→bg:score'),
  texts: z.array(Text(10_000)).min(1).max(SCORE_BATCH_MAX),
  quoted: z.array(z.tuple([BatchIndex, Text(10_000)])).max(SCORE_BATCH_MAX),
});
/** The answer's schema, and the page's others, live in lib/page-replies.ts: the page's script loads only those. */
export { ScoreAnswerSchema, scoreAnswerColumns, ScorePortAnswer, describeZodError };
export type { Reply };

/** The score port's request and answer (SCORE_PORT, lib/message-names.ts). */
export const ScorePortRequest = z.object({ seq: z.number().int().min(0), msg: z.unknown() });

/**
 * Team sync (issue 19): the helper opened on this post. The background claims it on the team
 * server and answers the line the agent reads before writing ("Ana is answering this (2 min
 * ago)", "Ben replied 5 min ago: …"), or null. `takeOver`: the agent chose to answer anyway.
 */
export const CsTeamStatus = z.object({ type: z.literal('cs→bg:team-status'), post: PostSchema, takeOver: z.boolean().optional() });

/** Every content-script message but the posts batch, which has a typed and a wire form (below): one list, so the two unions cannot drift. */
const CONTENT_MESSAGES_BUT_POSTS = [
  CsScore,
  CsCorrect,
  CsCorrectionLayer,
  CsInteractionEvent,
  CsRecentContacts,
  CsOpenDashboard,
  CsActivate,
  CsNeedUi,
  CsUiState,
  CsLearnReader,
  CsExpandShortcut,
  CsPageSettings,
  CsTeamStatus,
] as const;

export const ContentToBackground = z.discriminatedUnion('type', [CsPostsSeen, ...CONTENT_MESSAGES_BUT_POSTS]);
export type ContentToBackgroundMessage = z.infer<typeof ContentToBackground>;

/** What the router parses arriving messages with: ContentToBackground, a posts batch's items unchecked. */
export const ContentToBackgroundWire = z.discriminatedUnion('type', [CsPostsSeenWire, ...CONTENT_MESSAGES_BUT_POSTS]);

export const BgOpenHelper = z.object({
  type: z.literal('bg→cs:open-helper'),
  /** The background's verdict on the selected words (the detector is not in the page's script). */
  verdict: VerdictSchema.optional(),
  selectionText: Text(20_000).optional(),
  linkUrl: Text(2_000).optional(),
  pageUrl: Text(2_000),
});

export const BgOpenPalette = z.object({ type: z.literal('bg→cs:open-palette') });

/** "Is the full content script running in this frame?" Injecting it again would restart it. */
export const BgPing = z.object({ type: z.literal('bg→cs:ping') });

/** Relayed from our overlay frame: put this text into the reply box of the post the helper is open on. */
export const BgInsert = z.object({ type: z.literal('bg→cs:insert'), postId: z.string().max(2_000).nullable(), text: Text(10_000) });

/** Relayed from our overlay frame: what the agent did there that changes the page side's state. */
export const UiCommandSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('close-helper') }),
  z.object({ kind: z.literal('close-palette') }),
  z.object({ kind: z.literal('open-post'), postId: z.string().max(2_000) }),
  z.object({ kind: z.literal('clear-toast') }),
  z.object({ kind: z.literal('toast'), text: Text(500), tone: z.enum(['info', 'error']) }),
  /** The helper's height, so the frame covers no more of the page than it needs. */
  z.object({ kind: z.literal('size'), height: z.number().min(0).max(10_000) }),
]);
export type UiCommand = z.infer<typeof UiCommandSchema>;
export const BgUiCommand = z.object({ type: z.literal('bg→cs:ui-command'), command: UiCommandSchema });

/** The agent chose "Read posts like this one" on the element they right-clicked in this frame. */
export const BgLearnReader = z.object({ type: z.literal('bg→cs:learn-reader') });

/** The agent changed the settings: ask for this page's part again (`cs→bg:page-settings`). */
export const BgSettingsChanged = z.object({ type: z.literal('bg→cs:settings-changed') });

export const BackgroundToContent = z.discriminatedUnion('type', [BgOpenHelper, BgOpenPalette, BgPing, BgInsert, BgUiCommand, BgLearnReader, BgSettingsChanged]);
export type BackgroundToContentMessage = z.infer<typeof BackgroundToContent>;

/**
 * What the background knows of the customer behind a post: lib/model's summary without the
 * contact id. Only our overlay frame gets it (`ui→bg:history`), for the post its helper is open
 * on; a content script never does, since its memory shares a process with the page.
 */
export const ReturningSummarySchema = ModelReturningSummarySchema.omit({ contactId: true });
export type ReturningSummary = z.infer<typeof ReturningSummarySchema>;

/**
 * What the helper shows of a customer when it opens, read by the background for the session's
 * post: the summary, their latest other interactions (newest first), and where this very post
 * stands if the agent already acted on it (replied, follow-up due, resolved).
 */
export const CustomerHistorySchema = z.object({
  summary: ReturningSummarySchema,
  earlier: z.array(HistoryEntrySchema).max(HISTORY_ENTRIES),
  current: HistoryEntrySchema.nullable(),
});
export type CustomerHistory = z.infer<typeof CustomerHistorySchema>;

export const RecentContactSchema = z.object({
  id: z.string(),
  name: z.string(),
  handle: z.string(),
  platform: z.string(),
  lastSeenAt: z.number(),
  lastPermalink: z.string().nullable().optional(),
});
export type RecentContact = z.infer<typeof RecentContactSchema>;

const Done = z.object({});

/**
 * The protocol in one map: each request with the schema of its answer. The router parses every
 * answer with its schema before it leaves the background, and z.object drops undeclared keys, so
 * a content script gets exactly the fields listed here and nothing a store function happens to
 * return; the content script parses the answer with the same schema (parseReply below, used by lib/content/frontline.tsx).
 */
export const PROTOCOL = {
  // How many posts were refused: all a page's posts need. What we know of their authors stays out of the content script.
  'cs→bg:posts-seen': { request: CsPostsSeen, response: PostsSeenAnswer },
  'cs→bg:interaction-event': { request: CsInteractionEvent, response: Done },
  'cs→bg:recent-contacts': { request: CsRecentContacts, response: z.object({ contacts: z.array(RecentContactSchema) }) },
  'cs→bg:open-dashboard': { request: CsOpenDashboard, response: Done },
  'cs→bg:activate': { request: CsActivate, response: Done },
  'cs→bg:need-ui': { request: CsNeedUi, response: Done },
  'cs→bg:ui-state': { request: CsUiState, response: Done },
  // null: the agent has corrected nothing (or retention forgot it all); verdicts are the shipped model's.
  'cs→bg:correct': { request: CsCorrect, response: z.object({ layer: AdapterStateSchema.nullable() }) },
  'cs→bg:correction-layer': { request: CsCorrectionLayer, response: z.object({ layer: AdapterStateSchema.nullable() }) },
  'cs→bg:learn-reader': { request: CsLearnReader, response: z.object({ host: z.string() }) },
  'cs→bg:score': { request: CsScore, response: ScoreAnswerSchema },
  'cs→bg:page-settings': { request: CsPageSettings, response: PageSettingsAnswer },
  'cs→bg:expand-shortcut': {
    request: CsExpandShortcut,
    response: z.object({ text: Text(10_000).nullable(), firstField: z.tuple([z.number().int().min(0), z.number().int().min(0)]).nullable() }),
  },
  // Plain text, shown as text in the helper (a colleague's name and reply come from the server).
  'cs→bg:team-status': { request: CsTeamStatus, response: z.object({ line: Text(400).nullable(), held: z.boolean(), problem: Text(1_000).nullable() }) },
} as const satisfies Record<ContentToBackgroundMessage['type'], { request: z.ZodType; response: z.ZodType }>;

export type RequestType = keyof typeof PROTOCOL;
export type ResponseOf<K extends RequestType> = z.infer<(typeof PROTOCOL)[K]['response']>;
export type ReplyFor<K extends RequestType> = Reply<ResponseOf<K>>;
/** How content code asks the background: the answer's type follows from the request's. */
export type Send = <M extends ContentToBackgroundMessage>(msg: M) => Promise<ReplyFor<M['type']>>;

/** An answer as the content script reads it: parsed with its schema; anything else is a failure. */
export function parseReply<K extends RequestType>(type: K, raw: unknown): ReplyFor<K> {
  return parseAnswer<ResponseOf<K>>(PROTOCOL[type].response, raw);
}

/**
 * What our overlay frame (an extension page inside the web page) asks the background. Every
 * request names the frame's token; the background answers only a frame of our own page in the
 * tab the token was issued to, and acts with the scope of the content script that issued it.
 */
export const UiCall = z.object({
  type: z.literal('ui→bg:call'),
  token: OverlayTokenSchema,
  /** Only what the helper and palette do: log an action, list this site's contacts, open the dashboard, correct a verdict. */
  request: z.discriminatedUnion('type', [CsInteractionEvent, CsRecentContacts, CsOpenDashboard, CsCorrect, CsTeamStatus]),
});
export const UiInsert = z.object({ type: z.literal('ui→bg:insert'), token: OverlayTokenSchema, text: Text(10_000) });
export const UiCommandMsg = z.object({ type: z.literal('ui→bg:command'), token: OverlayTokenSchema, command: UiCommandSchema });
/** The customer behind the post the session's helper is open on; the frame names no post (the session knows it). */
export const UiHistory = z.object({ type: z.literal('ui→bg:history'), token: OverlayTokenSchema });
export const OverlayToBackground = z.discriminatedUnion('type', [UiCall, UiInsert, UiCommandMsg, UiHistory]);
export type OverlayToBackgroundMessage = z.infer<typeof OverlayToBackground>;

export const InsertOutcomeSchema = z.object({ inserted: z.boolean(), message: Text(1_000) });
export const OVERLAY_PROTOCOL = {
  /** The answer is the inner request's own, parsed by the frame with PROTOCOL (parseReply). */
  'ui→bg:call': { request: UiCall, response: z.looseObject({}) },
  'ui→bg:insert': { request: UiInsert, response: InsertOutcomeSchema },
  'ui→bg:command': { request: UiCommandMsg, response: Done },
  /** null: no helper open, or opened on nothing we can place. `postId` says which post it is for. */
  'ui→bg:history': { request: UiHistory, response: z.object({ postId: z.string().nullable(), history: CustomerHistorySchema.nullable() }) },
} as const satisfies Record<OverlayToBackgroundMessage['type'], { request: z.ZodType; response: z.ZodType }>;

/** Pushed to the frame over its port (name OVERLAY_PORT) whenever the page side's state changes. */
export const OVERLAY_PORT = 'frontline-overlay';
export const PortHello = z.object({ type: z.literal('ui→bg:hello'), token: OverlayTokenSchema });
export const BgUiStatePush = z.object({ type: z.literal('bg→ui:state'), state: UiStateSchema });

/**
 * What our extension pages (the dashboard) ask the background: never a web page's content
 * script, never our overlay frame inside a page. The background checks the sender's address
 * (lib/background/page-router.ts) before it parses the message.
 */
export const PageTeamClaims = z.object({ type: z.literal('page→bg:team-claims') });
export const ExtensionPageToBackground = z.discriminatedUnion('type', [PageTeamClaims]);
export type ExtensionPageMessage = z.infer<typeof ExtensionPageToBackground>;

/** One open claim as the Team view shows it: who, since when, and the customer when this browser's log knows the post. */
export const OpenClaimSchema = z.object({
  agent: Text(100),
  at: z.number().int().nonnegative(),
  expiresAt: z.number().int().nonnegative(),
  mine: z.boolean(),
  /** From the local log: null when this browser has not seen the post yet. */
  customer: Text(300).nullable(),
  contactId: Text(2_500).nullable(),
  postText: Text(300).nullable(),
  permalink: z.url({ protocol: /^https?$/ }).max(2_100).nullable(),
});
export type OpenClaim = z.infer<typeof OpenClaimSchema>;

export const CLAIMS_SHOWN = 100;
export const PAGE_PROTOCOL = {
  // `enabled` false: team sync is off (nothing was asked). `problem`: the server's answer in words.
  'page→bg:team-claims': {
    request: PageTeamClaims,
    response: z.object({ enabled: z.boolean(), claims: z.array(OpenClaimSchema).max(CLAIMS_SHOWN), more: z.number().int().nonnegative(), problem: Text(1_000).nullable() }),
  },
} as const satisfies Record<ExtensionPageMessage['type'], { request: z.ZodType; response: z.ZodType }>;
export type PageResponseOf<K extends ExtensionPageMessage['type']> = z.infer<(typeof PAGE_PROTOCOL)[K]['response']>;

/** An answer as an extension page reads it: parsed with its schema; anything else is a failure. */
export function parsePageReply<K extends ExtensionPageMessage['type']>(type: K, raw: unknown): Reply<PageResponseOf<K>> {
  return parseAnswer<PageResponseOf<K>>(PAGE_PROTOCOL[type].response, raw, 'The background did not answer (reload the page).');
}
