import { browser } from 'wxt/browser';
import { z } from 'zod';
import { CouchError, checkServerUrl, isValidDbName } from '../sync/couch-client';
import { AgentNameSchema } from '../sync/event-doc';

/**
 * Team sync settings (issue 19): off by default, under a key of their own in
 * browser.storage.local so the profile's settings (and their migrations) stay as they are.
 * The password stays on this device; it travels only to the server, as basic auth over https
 * (or to this machine).
 */
export const TEAM_SETTINGS_KEY = 'teamSync';
export const TEAM_SETTINGS_VERSION = 1;

const ServerUrl = z
  .string()
  .trim()
  .max(2_000)
  .superRefine((v, ctx) => {
    try {
      checkServerUrl(v);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: error instanceof CouchError ? error.message : 'not a server address' });
    }
  });

const DbName = z
  .string()
  .trim()
  .max(200)
  .refine(isValidDbName, 'Lowercase letters, digits and _$()+-/, starting with a letter (e.g. team)');

const Filled = z.object({
  url: ServerUrl,
  db: DbName,
  user: AgentNameSchema,
  password: z.string().min(1, 'Enter your password').max(500),
});

export const TeamSettingsSchema = z.union([
  z.object({ version: z.literal(1), enabled: z.literal(true) }).extend(Filled.shape),
  // Off: half-filled fields are kept (the agent may be typing them), nothing is checked.
  z.object({
    version: z.literal(1),
    enabled: z.literal(false),
    url: z.string().max(2_000),
    db: z.string().max(200),
    user: z.string().max(100),
    password: z.string().max(500),
  }),
]);
export type TeamSettings = z.infer<typeof TeamSettingsSchema>;
export type EnabledTeamSettings = Extract<TeamSettings, { enabled: true }>;

export const DEFAULT_TEAM_SETTINGS: TeamSettings = { version: 1, enabled: false, url: '', db: '', user: '', password: '' };

/**
 * Whatever storage holds, as valid settings: nothing stored (every profile before this feature)
 * is "off"; an unreadable record is "off" too, with the reason, so sync never runs on a guess.
 */
export function parseTeamSettings(raw: unknown): { settings: TeamSettings; problem?: string } {
  if (raw === undefined || raw === null) return { settings: DEFAULT_TEAM_SETTINGS };
  const parsed = TeamSettingsSchema.safeParse(raw);
  if (parsed.success) return { settings: parsed.data };
  const issue = parsed.error.issues[0];
  return { settings: DEFAULT_TEAM_SETTINGS, problem: `Team sync settings could not be read (${issue?.message ?? 'invalid'}); team sync is off.` };
}

/** The first problem with these fields, worded for the form; null when they can be saved switched on. */
export function teamSettingsProblem(fields: Omit<TeamSettings, 'version' | 'enabled'>): { field: string; message: string } | null {
  const parsed = Filled.safeParse(fields);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0]!;
  return { field: String(issue.path[0] ?? 'url'), message: issue.message };
}

export async function loadTeamSettings(): Promise<{ settings: TeamSettings; problem?: string }> {
  const stored = await browser.storage.local.get(TEAM_SETTINGS_KEY);
  return parseTeamSettings(stored[TEAM_SETTINGS_KEY]);
}

export async function saveTeamSettings(next: TeamSettings): Promise<TeamSettings> {
  const parsed = TeamSettingsSchema.parse(next);
  await browser.storage.local.set({ [TEAM_SETTINGS_KEY]: parsed });
  return parsed;
}
