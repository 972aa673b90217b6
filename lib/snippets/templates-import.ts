import { z } from 'zod';
import { TemplateSchema, type Template } from './template-schema';

export type TemplatesImport = { ok: true; templates: Template[] } | { ok: false; error: string };

/**
 * Validates templates from a JSON file an agent or lead shares: either an array of
 * templates or `{ templates: [...] }`. The error names the first problem the way a
 * person would look for it: "template 3: body: unclosed ${ at offset 12" (1-based).
 */
export function parseTemplatesImport(json: unknown): TemplatesImport {
  const list = isWrapped(json) ? json.templates : json;
  if (!Array.isArray(list)) return { ok: false, error: 'expected a list of templates (or { "templates": [...] })' };
  const result = z.array(TemplateSchema).safeParse(list);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const [index, ...rest] = issue.path;
    const where = typeof index === 'number' ? `template ${index + 1}` : 'templates';
    const field = rest.length ? `${rest.map(String).join('.')}: ` : '';
    return { ok: false, error: `${where}: ${field}${issue.message}` };
  }
  const seen = new Set<string>();
  const shortcuts = new Set<string>();
  for (const [i, template] of result.data.entries()) {
    if (seen.has(template.id)) return { ok: false, error: `template ${i + 1}: id: "${template.id}" is used twice` };
    seen.add(template.id);
    // One shortcut, one template: "/sorry" must not expand to whichever comes first.
    if (template.shortcut && shortcuts.has(template.shortcut)) return { ok: false, error: `template ${i + 1}: shortcut: "${template.shortcut}" is used twice` };
    if (template.shortcut) shortcuts.add(template.shortcut);
  }
  return { ok: true, templates: result.data };
}

function isWrapped(json: unknown): json is { templates: unknown } {
  return typeof json === 'object' && json !== null && !Array.isArray(json) && 'templates' in json;
}
