import { z } from 'zod';
import { SCORE_BATCH_MAX } from './message-names';
import { SeveritySchema } from './model/severity';
import { VerdictSchema } from './model/verdict';
import { SIGNALS_MAX, type ScoreAnswerColumns } from './score-wire';
import { PageSettingsSchema } from './settings/schema';

/**
 * The answers a page's script parses while it reads a page: its settings, each score batch's answer
 * and each posts-seen batch's. lib/messages.ts builds its PROTOCOL from these (one definition each),
 * and the page's script loads only this module for them (lib/content/protocol.ts `replySchemas`):
 * the whole protocol (the records', the returning summary's and the detector's adapter-state
 * schemas, whose module builds the lexicon's table) was 40–80 ms of ours on every page, traced on the
 * flood pages (issue 18), for messages a page that only reads never gets.
 */

const Text = (max: number) => z.string().max(max);

/** A post's place in a score batch. */
export const BatchIndex = z.number().int().min(0).max(SCORE_BATCH_MAX - 1);
const Column = <T extends z.ZodType>(entry: T) => z.array(entry).max(SCORE_BATCH_MAX);

/**
 * Posts to mark, and posts the model would flag that are not in English (marked "not read"); the
 * rest are not ours. In columns (ScoreAnswerColumns in lib/score-wire.ts): every entry bounded as a
 * verdict is (VerdictSchema), the columns of each list of one length.
 */
export const ScoreAnswerSchema = z
  .object({
    flagged: Column(BatchIndex),
    score: Column(VerdictSchema.shape.score),
    severity: Column(SeveritySchema),
    signals: Column(z.number().int().min(0).max(SIGNALS_MAX)),
    cues: Column(VerdictSchema.shape.cues),
    notRead: Column(BatchIndex),
    language: Column(Text(20)),
  })
  .refine(
    (a) => [a.score, a.severity, a.signals, a.cues].every((c) => c.length === a.flagged.length) && a.language.length === a.notRead.length,
    'the answer\'s columns differ in length',
  );
// The schema and the columns lib/score-wire.ts packs and reads cannot drift apart.
export const scoreAnswerColumns: z.ZodType<ScoreAnswerColumns> = ScoreAnswerSchema;

/** The score port's answer (SCORE_PORT, lib/message-names.ts): the request's number and its reply. */
export const ScorePortAnswer = z.object({ seq: z.number().int().min(0), reply: z.unknown() });

/** How many posts of a posts-seen batch were refused: all a page's posts need. What we know of their authors stays out of the content script. */
export const PostsSeenAnswer = z.object({ dropped: z.number().int().min(0) });

/** Only what reading a page needs (lib/settings/site-access.ts), never the profile or templates. */
export const PageSettingsAnswer = z.object({ settings: PageSettingsSchema });

export type Reply<T> = ({ ok: true } & T) | { ok: false; error: string };

/** A readable, single-line description of why a message was refused. */
export function describeZodError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid message';
  const where = issue.path.length ? issue.path.join('.') : 'message';
  return `${where}: ${issue.message}`;
}

/**
 * An answer as the content script (or an extension page) reads it: parsed with its schema; anything
 * else is a failure. `T`: what `schema` parses to (the caller's key into its protocol says which);
 * `silent`: what to say when nothing answered.
 */
export function parseAnswer<T>(schema: z.ZodType, raw: unknown, silent = 'Frontline did not answer (reload the page)'): Reply<T> {
  const r = raw as { ok?: unknown; error?: unknown } | undefined;
  if (r?.ok === false) return { ok: false, error: typeof r.error === 'string' ? r.error : 'refused' };
  if (r?.ok !== true) return { ok: false, error: silent };
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: `malformed answer: ${describeZodError(parsed.error)}` };
  return { ok: true, ...(parsed.data as T) };
}

/** The requests whose answers these are (lib/messages.ts PROTOCOL uses the same schemas). */
export const PAGE_REPLIES = {
  'cs→bg:score': ScoreAnswerSchema,
  'cs→bg:posts-seen': PostsSeenAnswer,
  'cs→bg:page-settings': PageSettingsAnswer,
} as const;
export type PageReplyType = keyof typeof PAGE_REPLIES;

/** A reply a reading web page waits on (not messages.ts parsePageReply, which is an extension page's). */
export function parseReadingReply<K extends PageReplyType>(type: K, raw: unknown): Reply<z.infer<(typeof PAGE_REPLIES)[K]>> {
  return parseAnswer<z.infer<(typeof PAGE_REPLIES)[K]>>(PAGE_REPLIES[type], raw);
}
