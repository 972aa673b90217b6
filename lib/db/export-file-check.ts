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
 *   included (unknown keys dropped, optional keys absent or present as zod leaves them); when
 *   the import parsed the text itself, a record already in zod's shape is kept instead of copied;
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
 * Whether `r`'s keys are some of `keys`, in that order, and nothing else: then zod's copy of a
 * valid `r` would list exactly its keys in its order, and `r` itself can stand for it.
 */
function inZodOrder(r: Raw, keys: readonly string[]): boolean {
  let n = 0;
  for (const k in r) {
    while (n < keys.length && keys[n] !== k) n++;
    if (n === keys.length) return false;
    n++;
  }
  return true;
}

/** An optional field is absent, or present and valid (undefined included: zod keeps it as such). */
const optionalOk = (v: unknown, valid: (v: unknown) => boolean) => v === undefined || valid(v);

/** Copies optional fields as zod's object does: absent stays absent, present (even undefined) is copied. */
function copyOptional(r: Raw, o: Raw, keys: readonly string[]): Raw {
  for (const key of keys) {
    const v = r[key];
    if (v !== undefined || key in r) o[key] = v;
  }
  return o;
}

/** z.array(text(max)). */
function isTextList(v: unknown, max: number): v is string[] {
  if (!Array.isArray(v)) return false;
  for (let n = 0; n < v.length; n++) if (!isText(v[n], max)) return false;
  return true;
}

const isStatus = (v: unknown) => statuses.has(v);

/**
 * The file's contact schema (ContactSchema with web links): zod's copy, or `r` itself when it is
 * this import's own parse and already in zod's shape. Undefined: invalid, or not judged here.
 */
function contact(r: unknown, owned: boolean): Raw | undefined {
  if (!isRecord(r)) return undefined;
  const { id, platform, name, handle, firstSeenAt, lastSeenAt, lastPermalink, searchWords } = r;
  if (!isText(id, 600, true) || !platforms.has(platform) || !isText(name, 200) || !isText(handle, 500)) return undefined;
  if (!isTime(firstSeenAt) || !isTime(lastSeenAt) || !(lastPermalink === null || isWebLink(lastPermalink))) return undefined;
  if (!isTextList(searchWords, 500) || !optionalOk(r.interactionCount, isTime) || !optionalOk(r.lastStatus, isStatus)) return undefined;
  if (!optionalOk(r.maxSeverity, isSeverity) || !optionalOk(r.followUpDue, isTime)) return undefined;
  // A merged person's snapshot (merge.ts) is rare and nested: zod judges that contact.
  if (r.merged !== undefined) return undefined;
  if (owned && inZodOrder(r, HAND_CHECKED_KEYS.contacts)) return r;
  const o: Raw = { id, platform, name, handle, firstSeenAt, lastSeenAt, lastPermalink, searchWords: searchWords.slice() };
  return copyOptional(r, o, CONTACT_OPTIONAL);
}
const CONTACT_OPTIONAL = ['interactionCount', 'lastStatus', 'maxSeverity', 'followUpDue', 'merged'] as const;

const SIGNAL_KEYS = ['brand', 'churn', 'abuse', 'question', 'urgency'] as const;

function isSignals(v: unknown): v is Raw {
  if (!isRecord(v)) return false;
  for (const k of SIGNAL_KEYS) if (typeof v[k] !== 'boolean') return false;
  return true;
}

function isThemeList(v: unknown): v is string[] {
  if (!Array.isArray(v)) return false;
  for (let n = 0; n < v.length; n++) if (!themes.has(v[n])) return false;
  return true;
}

/** The file's interaction schema (InteractionSchema with a web link); see contact(). */
function interaction(r: unknown, owned: boolean): Raw | undefined {
  if (!isRecord(r)) return undefined;
  const { id, contactId, platform, postId, permalink, text, severity, score, complaint, signals, cues, themes: themeIds, status, firstSeenAt, lastEventAt } = r;
  if (!isText(id, 2_100, true) || !isText(contactId, 600, true) || !platforms.has(platform) || !isText(postId, 300)) return undefined;
  if (!(permalink === null || isWebLink(permalink)) || !isText(text, MAX_TEXT) || !isSeverity(severity)) return undefined;
  if (typeof score !== 'number' || !(score >= 0 && score <= 1) || typeof complaint !== 'boolean') return undefined;
  if (!isSignals(signals) || !isTextList(cues, 120) || !isThemeList(themeIds)) return undefined;
  if (!statuses.has(status) || !isTime(firstSeenAt) || !isTime(lastEventAt)) return undefined;
  if (!optionalOk(r.firstReplyAt, isTime) || !optionalOk(r.lastReply, (v) => isText(v, 10_000)) || !optionalOk(r.resolvedAt, isTime)) return undefined;
  if (!optionalOk(r.followUpAt, isTime) || !optionalOk(r.followUpDone, (v) => typeof v === 'boolean') || !optionalOk(r.followUpDue, isTime)) return undefined;
  if (owned && inZodOrder(r, HAND_CHECKED_KEYS.interactions) && inZodOrder(signals, SIGNAL_KEYS)) return r;
  const { brand, churn, abuse, question, urgency } = signals;
  const o: Raw = {
    id, contactId, platform, postId, permalink, text, severity, score, complaint, signals: { brand, churn, abuse, question, urgency },
    cues: cues.slice(), themes: themeIds.slice(), status, firstSeenAt, lastEventAt,
  };
  return copyOptional(r, o, INTERACTION_OPTIONAL);
}
const INTERACTION_OPTIONAL = ['firstReplyAt', 'lastReply', 'resolvedAt', 'followUpAt', 'followUpDone', 'followUpDue'] as const;

/** EventSchema; see contact(). */
function event(r: unknown, owned: boolean): Raw | undefined {
  if (!isRecord(r)) return undefined;
  const { interactionId, contactId, at, type } = r;
  if (!optionalOk(r.seq, (v) => Number.isSafeInteger(v) && (v as number) > 0)) return undefined;
  if (!isText(interactionId, 2_100, true) || !isText(contactId, 600, true) || !isTime(at) || !eventTypes.has(type)) return undefined;
  if (!optionalOk(r.text, (v) => isText(v, 10_000)) || !optionalOk(r.templateId, (v) => isText(v, 100)) || !optionalOk(r.status, isStatus)) return undefined;
  if (!optionalOk(r.dueAt, isTime) || !optionalOk(r.severity, isSeverity) || !optionalOk(r.by, (v) => isText(v, 100, true))) return undefined;
  if (owned && inZodOrder(r, HAND_CHECKED_KEYS.events)) return r;
  const o = copyOptional(r, {}, ['seq']);
  o.interactionId = interactionId;
  o.contactId = contactId;
  o.at = at;
  o.type = type;
  return copyOptional(r, o, EVENT_OPTIONAL);
}
const EVENT_OPTIONAL = ['text', 'templateId', 'status', 'dueAt', 'severity', 'by'] as const;

const shape = ExportFileSchema.shape;

/** Each array's records, checked by hand where it can, by zod's element schema where it cannot; undefined when zod rejects one. */
function list(v: unknown, owned: boolean, check: (r: unknown, owned: boolean) => Raw | undefined, element: { safeParse(r: unknown): { success: boolean; data?: unknown } }): unknown[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const out = new Array<unknown>(v.length);
  for (let n = 0; n < v.length; n++) {
    let o: unknown = check(v[n], owned);
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

/**
 * The file checked by hand (and zod for the odd record); undefined when it must go to zod whole.
 * `owned`: `raw` is the caller's own fresh JSON.parse, nobody else holds it (the import of a
 * file's text), so its records already in zod's shape are kept rather than copied (100,000
 * interactions and 200,000 events less to allocate). Exported for its test.
 */
export function checkByHand(raw: unknown, owned = false): ExportFile | undefined {
  if (!handChecksMatchSchema || !isRecord(raw)) return undefined;
  if (raw.format !== EXPORT_FORMAT || raw.version !== EXPORT_VERSION || !isTime(raw.exportedAt)) return undefined;
  const contacts = list(raw.contacts, owned, contact, shape.contacts.element);
  const interactions = contacts && list(raw.interactions, owned, interaction, shape.interactions.element);
  const events = interactions && list(raw.events, owned, event, shape.events.element);
  if (!events) return undefined;
  // A few thousand at most, and `.default([])` for files from before v7: zod's own.
  const corrections = shape.corrections.safeParse(raw.corrections);
  if (!corrections.success) return undefined;
  return { format: raw.format, version: raw.version, exportedAt: raw.exportedAt, contacts, interactions, events, corrections: corrections.data } as ExportFile;
}

/**
 * ExportFileSchema.safeParse(raw), as an answer for the import: the same verdict, data and first
 * error. `owned` as for checkByHand: the answer may then share records with `raw`.
 */
export function checkExportFile(raw: unknown, owned = false): FileCheck {
  const file = checkByHand(raw, owned);
  if (file) return { ok: true, file };
  const parsed = ExportFileSchema.safeParse(raw);
  return parsed.success ? { ok: true, file: parsed.data } : { ok: false, error: describeIssue(parsed.error) };
}
