import { z } from 'zod';
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
