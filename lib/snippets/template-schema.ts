import { z } from 'zod';
import { THEMES } from '../model/themes';
import { PLATFORMS, type Signals } from '../types';
import { formatSnippetError, parseSnippet } from './parse';

export const SIGNAL_KEYS = ['brand', 'churn', 'abuse', 'question', 'urgency'] as const satisfies ReadonlyArray<keyof Signals>;

/** The body is snippet source; a template that would not expand is rejected when saved or imported. */
const SnippetSourceSchema = z.string().superRefine((body, ctx) => {
  const parsed = parseSnippet(body);
  if (!parsed.ok) ctx.addIssue({ code: 'custom', message: formatSnippetError(parsed.error) });
});

export const TemplateSchema = z.object({
  id: z.string().trim().min(1, 'must not be empty').max(80),
  title: z.string().trim().min(1, 'must not be empty').max(120),
  body: SnippetSourceSchema,
  tags: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
  /** Severities this reply fits; empty means any. */
  severities: z.array(z.literal([0, 1, 2, 3, 4])).max(5).default([]),
  /** Detector signals this reply is written for (e.g. 'abuse' for the boundary reply). */
  signals: z.array(z.enum(SIGNAL_KEYS)).optional(),
  /** Signals this reply is wrong for: a thank-you to a critic does not answer an outage. */
  unsuitableFor: z.array(z.enum(SIGNAL_KEYS)).optional(),
  /** Complaint themes this reply is written for (billing, outage, …), read from the post's words. */
  themes: z.array(z.enum(THEMES)).optional(),
  /** Limits the template to these sites, e.g. the X-sized variant. */
  platforms: z.array(z.enum(PLATFORMS)).optional(),
  /** Written for a customer who has been here before. */
  returning: z.boolean().optional(),
  /** Typed in the draft followed by a space ("/sorry "), expands this template in place. */
  shortcut: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^\/[a-z0-9][a-z0-9-]{0,30}$/, 'a slash and a word, e.g. /sorry')
    .optional(),
  /** Contains a follow-up date the agent is committing to, so the log should remind them. */
  setsFollowUp: z.boolean().optional(),
});

export type Template = z.output<typeof TemplateSchema>;
