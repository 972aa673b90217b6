import { z } from 'zod';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, SettingsSchema, type Settings } from './schema';

/** The first stored shape: a flat profile and comma-separated watch terms. */
const SettingsV1Schema = z.object({
  version: z.literal(1),
  fullName: z.string().default(''),
  title: z.string().default(''),
  company: z.string().default(''),
  phone: z.string().default(''),
  email: z.string().default(''),
  watchTerms: z.string().default(''),
});

export type SettingsLoad =
  | { settings: Settings; status: 'ok' }
  | { settings: Settings; status: 'missing' }
  | { settings: Settings; status: 'migrated'; message: string }
  | { settings: Settings; status: 'reset'; message: string };

function fromV1(v1: z.infer<typeof SettingsV1Schema>): unknown {
  return {
    ...DEFAULT_SETTINGS,
    profile: {
      ...DEFAULT_SETTINGS.profile,
      fullName: v1.fullName,
      title: v1.title,
      company: v1.company,
      phone: v1.phone,
      email: v1.email,
    },
    brandTerms: v1.watchTerms.split(',').map((t) => t.trim()).filter(Boolean),
    onboarded: true,
  };
}

/**
 * Turns whatever is in storage into valid settings. Never throws: a page must not
 * break because someone hand-edited storage. Fields that fail validation are not
 * silently kept; the whole record falls back to defaults and the caller shows why.
 */
export function parseStoredSettings(raw: unknown): SettingsLoad {
  if (raw === undefined || raw === null) return { settings: DEFAULT_SETTINGS, status: 'missing' };

  const current = SettingsSchema.safeParse(raw);
  if (current.success) return { settings: current.data, status: 'ok' };

  const v1 = SettingsV1Schema.safeParse(raw);
  if (v1.success) {
    const migrated = SettingsSchema.safeParse(fromV1(v1.data));
    if (migrated.success) {
      return {
        settings: migrated.data,
        status: 'migrated',
        message: `Your settings were updated from version 1 to version ${SETTINGS_VERSION}.`,
      };
    }
  }

  const issue = current.error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : 'settings';
  return {
    settings: DEFAULT_SETTINGS,
    status: 'reset',
    message: `Stored settings could not be read (${where}: ${issue?.message ?? 'invalid'}); defaults were restored. Please check your profile.`,
  };
}
