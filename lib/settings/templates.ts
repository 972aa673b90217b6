import { browser } from 'wxt/browser';
import { DEFAULT_TEMPLATES, parseTemplatesImport, type Template } from '../snippets';

export const TEMPLATES_KEY = 'templates';

/**
 * The agent's template library: the shipped defaults until they edit it. A stored copy that
 * no longer validates is ignored (defaults shown) rather than breaking the reply helper.
 */
export async function loadTemplates(): Promise<{ templates: Template[]; problem?: string }> {
  const stored = (await browser.storage.local.get(TEMPLATES_KEY))[TEMPLATES_KEY];
  if (stored === undefined) return { templates: [...DEFAULT_TEMPLATES] };
  const parsed = parseTemplatesImport(stored);
  if (parsed.ok) return { templates: parsed.templates };
  return { templates: [...DEFAULT_TEMPLATES], problem: `Saved templates could not be read (${parsed.error}); showing the defaults.` };
}

/** Validates the whole library before writing, so a bad edit never replaces a good library. */
export async function saveTemplates(templates: Template[]): Promise<{ ok: true } | { ok: false; error: string }> {
  const parsed = parseTemplatesImport(templates);
  if (!parsed.ok) return parsed;
  await browser.storage.local.set({ [TEMPLATES_KEY]: parsed.templates });
  return { ok: true };
}
