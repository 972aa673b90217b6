import { z } from 'zod';
import { SeveritySchema } from './severity';
import { StatusSchema } from './status';

/** What the background knows of the customer behind a post, sent back so the page can show it at once. */
export const ReturningSummarySchema = z.object({
  postId: z.string(),
  contactId: z.string(),
  /** True when this person has other interactions on record. */
  known: z.boolean(),
  earlierInteractions: z.number().int().min(0),
  lastStatus: StatusSchema.optional(),
  lastReply: z.string().optional(),
  /** Whole days since the last activity on their previous interaction. */
  daysSince: z.number().optional(),
  /** This post is more severe than their previous one: the worst case, show it loudly. */
  severityRising: z.boolean(),
});
export type ReturningSummary = z.infer<typeof ReturningSummarySchema>;

/** How much of a customer's history the helper shows when it opens: their latest interactions. */
export const HISTORY_ENTRIES = 5;
/** Clips for the customer's words and our reply in a history entry: the helper shows a glimpse, the dashboard the whole. */
export const HISTORY_TEXT_MAX = 280;
export const HISTORY_REPLY_MAX = 600;

/** One interaction as the helper lists it: when, how severe, where it stands, and what we said. */
export const HistoryEntrySchema = z.object({
  firstSeenAt: z.number().int().nonnegative(),
  lastEventAt: z.number().int().nonnegative(),
  severity: SeveritySchema,
  status: StatusSchema,
  text: z.string().max(HISTORY_TEXT_MAX),
  lastReply: z.string().max(HISTORY_REPLY_MAX).optional(),
  /** When the agent first replied (inserted or confirmed; a copy is not a reply). */
  repliedAt: z.number().int().nonnegative().optional(),
  /** A pending follow-up's time. */
  followUpDue: z.number().int().nonnegative().optional(),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;
