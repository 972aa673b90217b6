import { z } from 'zod';
import { DEFAULT_SIGNATURE_CHOICE, SIGNATURE_FIELDS } from '../snippets/signature';

/**
 * The agent's profile and preferences, stored in browser.storage.local under one key.
 * Versioned so an older or hand-edited copy is migrated (or reset with a message)
 * instead of crashing a page: see `parseStoredSettings`.
 */
export const SETTINGS_VERSION = 2;

/** When a follow-up day reminds the agent unless they pick another time. */
export const DEFAULT_REMINDER_TIME = '09:00';

const trimmed = (max: number) => z.string().trim().max(max);

export const ProfileSchema = z.object({
  fullName: trimmed(80),
  title: trimmed(80),
  company: trimmed(80),
  phone: trimmed(40).refine((v) => v === '' || /^\+?[0-9 ().-]{5,}$/.test(v), {
    message: 'Use digits, spaces and + ( ) - only, e.g. +1 555 0100',
  }),
  email: trimmed(120).refine((v) => v === '' || z.email().safeParse(v).success, {
    message: 'Enter an email address like jane@acme.com',
  }),
  handle: trimmed(60),
});
export type Profile = z.infer<typeof ProfileSchema>;

/** Which sites the content script may work on. */
export const SiteModeSchema = z.enum(['all', 'only-listed']);

/** Per-site focus: brand mentions only (default) or every complaint. */
export const FocusSchema = z.enum(['brand', 'all']);

/** CSS selectors are data here: a bad one matches nothing where it is used (lib/sites/dom.ts catches it). */
const Selector = z.string().trim().min(1).max(300);

/**
 * A reader the agent taught on one host with "Read posts like this one" (lib/sites/learn): where
 * the posts, their authors and their words are. Same shape as lib/sites/learn LearnedReader.
 */
export const LearnedReaderSchema = z.object({
  post: Selector,
  author: Selector,
  text: Selector,
  nested: z.boolean().optional(),
});
export type LearnedReaderSetting = z.infer<typeof LearnedReaderSchema>;

/** A host name as the browser writes it (lower case, no scheme, port or path). */
export const HostSchema = z.string().trim().toLowerCase().regex(/^[a-z0-9.-]{1,253}$/, { message: 'Use a host name like forum.example.com' });

export const SettingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  profile: ProfileSchema,
  /** Names, @handles and product names that mean "us". */
  brandTerms: z.array(trimmed(60).min(1)).max(50),
  siteMode: SiteModeSchema,
  /** Hosts listed when siteMode is 'only-listed'. */
  allowedHosts: z.array(trimmed(253).min(1)).max(200),
  /** Hosts where Frontline is switched off, whatever siteMode says. */
  disabledHosts: z.array(trimmed(253).min(1)).max(200),
  /** Default focus, and per-host overrides. */
  focus: FocusSchema,
  focusByHost: z.record(z.string(), FocusSchema),
  onboarded: z.boolean(),
  /**
   * The local time a follow-up set for a day reminds the agent ("HH:mm", the start of their
   * working day). Added after version 2 with a default, so stored version-2 settings read as
   * they are; no migration step is needed for an added field.
   */
  reminderTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Use a time like 09:00' })
    .default(DEFAULT_REMINDER_TIME),
  /**
   * Which profile fields sign a public reply: on short-form sites (X, Bluesky, Mastodon) and on
   * blogs and forums. Added with a default (name and company on short posts, where a personal
   * phone or email would be broadcast; the full block elsewhere), so older settings read as they are.
   */
  signatureFields: z
    .object({
      shortForm: z.array(z.enum(SIGNATURE_FIELDS)).max(SIGNATURE_FIELDS.length),
      longForm: z.array(z.enum(SIGNATURE_FIELDS)).max(SIGNATURE_FIELDS.length),
    })
    .default({ shortForm: [...DEFAULT_SIGNATURE_CHOICE.shortForm], longForm: [...DEFAULT_SIGNATURE_CHOICE.longForm] }),
  /**
   * Readers the agent taught, per host; applied before the generic reader there. Added with a
   * default, so settings stored before it read as they are.
   */
  learnedReaders: z.record(HostSchema, LearnedReaderSchema).default({}),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  profile: { fullName: '', title: '', company: '', phone: '', email: '', handle: '' },
  brandTerms: [],
  siteMode: 'all',
  allowedHosts: [],
  disabledHosts: [],
  focus: 'brand',
  focusByHost: {},
  onboarded: false,
  reminderTime: DEFAULT_REMINDER_TIME,
  signatureFields: { shortForm: [...DEFAULT_SIGNATURE_CHOICE.shortForm], longForm: [...DEFAULT_SIGNATURE_CHOICE.longForm] },
  learnedReaders: {},
};

/**
 * What pages may hold of the settings (lib/settings/site-access.ts pageSettingsOf): reading and
 * marking posts needs these; the profile and templates stay in extension pages.
 */
export const PageSettingsSchema = SettingsSchema.pick({
  brandTerms: true,
  siteMode: true,
  allowedHosts: true,
  disabledHosts: true,
  focus: true,
  focusByHost: true,
  learnedReaders: true,
});
