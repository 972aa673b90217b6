import { PLATFORMS } from '../model/platforms';
import { SEVERITIES } from '../model/severities';
import { STATUSES } from '../model/statuses';
import { THEMES } from '../model/themes';
import { isWebUrl } from '../web-url';
import { EVENT_TYPES, describeIssue } from './records';
import { MAX_TEXT } from './normalise';
import { EXPORT_FORMAT, EXPORT_VERSION, ExportFileSchema, type ExportFile } from './transfer';

/*
 * Validating an export file, fast. zod checks the 320,000 records of a big file in ~3.2 s in an
 * extension page (it cannot compile its parsers there: the CSP forbids eval), most of a restore's
 * validation. The checks below are the file's zod schema written out by hand for the three big
 * arrays, so a record costs a few property reads. The contract, held by
 * test/unit/db/export-file-check.test.ts (a differential test against zod on valid files and on
 * every field of every record mutated through a catalogue of wrong and boundary values):
 * - a record the hand check accepts, zod accepts, and the copy it makes equals zod's, key order
 *   included (unknown keys dropped, optional keys absent or present as zod leaves them);
 * - a record it does not accept, or will not judge (a contact holding `merged`, rare), goes to
 *   zod's schema for that element; if zod rejects it too, the whole file goes to zod, so the
 *   error a user reads is zod's, word for word.
 * So the answer is always exactly ExportFileSchema.safeParse's; only the time differs.
 */

export type FileCheck = { ok: true; file: ExportFile } | { ok: false; error: string };

type Raw = Record<string, unknown>;

const platforms = new Set<unknown>(PLATFORMS);
const statuses = new Set<unknown>(STATUSES);
const themes = new Set<unknown>(THEMES);
const eventTypes = new Set<unknown>(EVENT_TYPES);

const isRecord = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
/** z.number().int().nonnegative() (a time, a count). */
const isTime = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
/** z.string().max(max), with .min(1) when `min1`. */
const isText = (v: unknown, max: number, min1 = false): v is string => typeof v === 'string' && v.length <= max && (!min1 || v.length > 0);
/** SeveritySchema: z.literal([0, 1, 2, 3, 4]). */
const isSeverity = (v: unknown): boolean => typeof v === 'number' && (SEVERITIES as readonly number[]).includes(v);
/** The file's WebLink: a string of at most 2,000 characters that is an http(s) URL. */
const isWebLink = (v: unknown): v is string => typeof v === 'string' && v.length <= 2_000 && isWebUrl(v);

/**
 * An optional field as zod's object leaves it: absent stays absent, present (even as undefined)
 * is copied. False when present and invalid.
 */
function optional(r: Raw, o: Raw, key: string, valid: (v: unknown) => boolean): boolean {
  const v = r[key];
  if (v === undefined) {
    if (key in r) o[key] = undefined;
    return true;
  }
  if (!valid(v)) return false;
  o[key] = v;
  return true;
}

/** z.array(text(max)): a fresh array, undefined when any entry is wrong. */
function textList(v: unknown, max: number): string[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const out = new Array<string>(v.length);
  for (let n = 0; n < v.length; n++) {
    const s: unknown = v[n];
    if (!isText(s, max)) return undefined;
    out[n] = s;
  }
  return out;
}

/** The file's contact schema (ContactSchema with web links). Undefined: not judged here. */
function contact(r: unknown): Raw | undefined {
  if (!isRecord(r)) return undefined;
  const { id, platform, name, handle, firstSeenAt, lastSeenAt, lastPermalink } = r;
  if (!isText(id, 600, true) || !platforms.has(platform) || !isText(name, 200) || !isText(handle, 500)) return undefined;
  if (!isTime(firstSeenAt) || !isTime(lastSeenAt) || !(lastPermalink === null || isWebLink(lastPermalink))) return undefined;
  const searchWords = textList(r.searchWords, 500);
  if (!searchWords) return undefined;
  const o: Raw = { id, platform, name, handle, firstSeenAt, lastSeenAt, lastPermalink, searchWords };
  if (!optional(r, o, 'interactionCount', isTime) || !optional(r, o, 'lastStatus', (v) => statuses.has(v))) return undefined;
  if (!optional(r, o, 'maxSeverity', isSeverity) || !optional(r, o, 'followUpDue', isTime)) return undefined;
  // A merged person's snapshot (merge.ts) is rare and nested: zod judges that contact.
  if (!optional(r, o, 'merged', () => false)) return undefined;
  return o;
}

function signals(v: unknown): Raw | undefined {
  if (!isRecord(v)) return undefined;
  const { brand, churn, abuse, question, urgency } = v;
  if (typeof brand !== 'boolean' || typeof churn !== 'boolean' || typeof abuse !== 'boolean') return undefined;
  if (typeof question !== 'boolean' || typeof urgency !== 'boolean') return undefined;
  return { brand, churn, abuse, question, urgency };
}

function themeList(v: unknown): string[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const out = new Array<string>(v.length);
  for (let n = 0; n < v.length; n++) {
    if (!themes.has(v[n])) return undefined;
    out[n] = v[n] as string;
  }
  return out;
}

/** The file's interaction schema (InteractionSchema with a web link). */
function interaction(r: unknown): Raw | undefined {
  if (!isRecord(r)) return undefined;
  const { id, contactId, platform, postId, permalink, text, severity, score, complaint } = r;
  if (!isText(id, 2_100, true) || !isText(contactId, 600, true) || !platforms.has(platform) || !isText(postId, 300)) return undefined;
  if (!(permalink === null || isWebLink(permalink)) || !isText(text, MAX_TEXT) || !isSeverity(severity)) return undefined;
  if (typeof score !== 'number' || !(score >= 0 && score <= 1) || typeof complaint !== 'boolean') return undefined;
  const sig = signals(r.signals);
  const cues = sig && textList(r.cues, 120);
  const themeIds = cues && themeList(r.themes);
  if (!themeIds) return undefined;
  const { status, firstSeenAt, lastEventAt } = r;
  if (!statuses.has(status) || !isTime(firstSeenAt) || !isTime(lastEventAt)) return undefined;
  const o: Raw = { id, contactId, platform, postId, permalink, text, severity, score, complaint, signals: sig, cues, themes: themeIds, status, firstSeenAt, lastEventAt };
  if (!optional(r, o, 'firstReplyAt', isTime) || !optional(r, o, 'lastReply', (v) => isText(v, 10_000))) return undefined;
  if (!optional(r, o, 'resolvedAt', isTime) || !optional(r, o, 'followUpAt', isTime)) return undefined;
  if (!optional(r, o, 'followUpDone', (v) => typeof v === 'boolean') || !optional(r, o, 'followUpDue', isTime)) return undefined;
  return o;
}

/** EventSchema. */
function event(r: unknown): Raw | undefined {
  if (!isRecord(r)) return undefined;
  const o: Raw = {};
  if (!optional(r, o, 'seq', (v) => Number.isSafeInteger(v) && (v as number) > 0)) return undefined;
  const { interactionId, contactId, at, type } = r;
  if (!isText(interactionId, 2_100, true) || !isText(contactId, 600, true) || !isTime(at) || !eventTypes.has(type)) return undefined;
  o.interactionId = interactionId;
  o.contactId = contactId;
  o.at = at;
  o.type = type;
  if (!optional(r, o, 'text', (v) => isText(v, 10_000)) || !optional(r, o, 'templateId', (v) => isText(v, 100))) return undefined;
  if (!optional(r, o, 'status', (v) => statuses.has(v)) || !optional(r, o, 'dueAt', isTime)) return undefined;
  if (!optional(r, o, 'severity', isSeverity) || !optional(r, o, 'by', (v) => isText(v, 100, true))) return undefined;
  return o;
}

const shape = ExportFileSchema.shape;

/** Each array's records, checked by hand where it can, by zod's element schema where it cannot; undefined when zod rejects one. */
function list(v: unknown, check: (r: unknown) => Raw | undefined, element: { safeParse(r: unknown): { success: boolean; data?: unknown } }): unknown[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const out = new Array<unknown>(v.length);
  for (let n = 0; n < v.length; n++) {
    let o: unknown = check(v[n]);
    if (o === undefined) {
      const parsed = element.safeParse(v[n]);
      if (!parsed.success) return undefined;
      o = parsed.data;
    }
    out[n] = o;
  }
  return out;
}

/** The keys each hand check writes, in zod's order (the test holds them to the schema's shapes). */
export const HAND_CHECKED_KEYS = {
  contacts: ['id', 'platform', 'name', 'handle', 'firstSeenAt', 'lastSeenAt', 'lastPermalink', 'searchWords', 'interactionCount', 'lastStatus', 'maxSeverity', 'followUpDue', 'merged'],
  interactions: [
    'id', 'contactId', 'platform', 'postId', 'permalink', 'text', 'severity', 'score', 'complaint', 'signals', 'cues', 'themes', 'status',
    'firstSeenAt', 'lastEventAt', 'firstReplyAt', 'lastReply', 'resolvedAt', 'followUpAt', 'followUpDone', 'followUpDue',
  ],
  events: ['seq', 'interactionId', 'contactId', 'at', 'type', 'text', 'templateId', 'status', 'dueAt', 'severity', 'by'],
  file: ['format', 'version', 'exportedAt', 'contacts', 'interactions', 'events', 'corrections'],
} as const;

const sameKeys = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((k, n) => k === b[n]);
/** Were a field added to the schema and not here, the hand checks would wave files through without it: then zod does it all. */
const handChecksMatchSchema =
  sameKeys(HAND_CHECKED_KEYS.file, Object.keys(shape)) &&
  sameKeys(HAND_CHECKED_KEYS.contacts, Object.keys(shape.contacts.element.shape)) &&
  sameKeys(HAND_CHECKED_KEYS.interactions, Object.keys(shape.interactions.element.shape)) &&
  sameKeys(HAND_CHECKED_KEYS.events, Object.keys(shape.events.element.shape));

/** The file checked by hand (and zod for the odd record); undefined when it must go to zod whole. Exported for its test. */
export function checkByHand(raw: unknown): ExportFile | undefined {
  if (!handChecksMatchSchema || !isRecord(raw)) return undefined;
  if (raw.format !== EXPORT_FORMAT || raw.version !== EXPORT_VERSION || !isTime(raw.exportedAt)) return undefined;
  const contacts = list(raw.contacts, contact, shape.contacts.element);
  const interactions = contacts && list(raw.interactions, interaction, shape.interactions.element);
  const events = interactions && list(raw.events, event, shape.events.element);
  if (!events) return undefined;
  // A few thousand at most, and `.default([])` for files from before v7: zod's own.
  const corrections = shape.corrections.safeParse(raw.corrections);
  if (!corrections.success) return undefined;
  return { format: raw.format, version: raw.version, exportedAt: raw.exportedAt, contacts, interactions, events, corrections: corrections.data } as ExportFile;
}

/** ExportFileSchema.safeParse(raw), as an answer for the import: the same verdict, data and first error. */
export function checkExportFile(raw: unknown): FileCheck {
  const file = checkByHand(raw);
  if (file) return { ok: true, file };
  const parsed = ExportFileSchema.safeParse(raw);
  return parsed.success ? { ok: true, file: parsed.data } : { ok: false, error: describeIssue(parsed.error) };
}
