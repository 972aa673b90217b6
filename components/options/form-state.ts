import { SettingsSchema, type Settings } from '@/lib/settings';

/** The editable form: lists are typed as text, one entry per line (or comma-separated). */
export interface SettingsForm {
  fullName: string;
  title: string;
  company: string;
  phone: string;
  email: string;
  handle: string;
  brandTerms: string;
  siteMode: Settings['siteMode'];
  allowedHosts: string;
  disabledHosts: string;
  focus: Settings['focus'];
  reminderTime: string;
  signatureFields: Settings['signatureFields'];
}

const toList = (text: string) =>
  text
    .split(/[\n,]/)
    .map((t) => t.trim())
    .filter(Boolean);

export function formFromSettings(s: Settings): SettingsForm {
  return {
    ...s.profile,
    brandTerms: s.brandTerms.join('\n'),
    siteMode: s.siteMode,
    allowedHosts: s.allowedHosts.join('\n'),
    disabledHosts: s.disabledHosts.join('\n'),
    focus: s.focus,
    reminderTime: s.reminderTime,
    signatureFields: s.signatureFields,
  };
}

/** Field name → message, keyed like the form so each message shows under its own input. */
export type FieldErrors = Partial<Record<keyof SettingsForm, string>>;

export function settingsFromForm(form: SettingsForm, base: Settings): { ok: true; settings: Settings } | { ok: false; errors: FieldErrors } {
  const candidate = {
    ...base,
    profile: {
      fullName: form.fullName,
      title: form.title,
      company: form.company,
      phone: form.phone,
      email: form.email,
      handle: form.handle,
    },
    brandTerms: toList(form.brandTerms),
    siteMode: form.siteMode,
    allowedHosts: toList(form.allowedHosts).map((h) => h.replace(/^https?:\/\//, '').replace(/\/.*$/, '').toLowerCase()),
    disabledHosts: toList(form.disabledHosts).map((h) => h.replace(/^https?:\/\//, '').replace(/\/.*$/, '').toLowerCase()),
    focus: form.focus,
    reminderTime: form.reminderTime,
    signatureFields: form.signatureFields,
    onboarded: true,
  };
  const parsed = SettingsSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, settings: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const [head, field] = issue.path;
    const key = (head === 'profile' ? field : head) as keyof SettingsForm;
    errors[key] ??= issue.message;
  }
  return { ok: false, errors };
}
