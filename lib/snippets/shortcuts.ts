import { expandSnippet, type TabStop } from './expand';
import type { Template } from './template-schema';

/**
 * Text Blaze style shortcuts in the draft: typing a template's shortcut ("/sorry") and then a
 * space or Enter expands the template in place, with the same variables, tab stops and
 * required [fields] as choosing it from the list. Pure: the helper passes the text, the caret
 * and the variables, and loads what comes back.
 */
export interface ShortcutExpansion {
  template: Template;
  text: string;
  /** Stops of the expanded part, placed in the whole text. */
  stops: TabStop[];
  /** Where the expansion starts and ends in `text`. */
  start: number;
  end: number;
  /** True when the shortcut was all the draft held: the helper treats it as choosing the template. */
  wholeDraft: boolean;
}

/** A shortcut is a slash and a word: "/sorry", "/dont-know". */
export const SHORTCUT_PATTERN = /^\/[a-z0-9][a-z0-9-]{0,30}$/;

/**
 * The expansion due when the character just typed before `caret` is a space or a newline that
 * ends a shortcut standing on its own (at the start or after whitespace), or null. The shortcut
 * and that character are replaced; in a draft that has other words, the template's signature is
 * left out (the draft has one already).
 */
export function expandShortcutAt(draft: string, caret: number, templates: readonly Template[], vars: Record<string, string>): ShortcutExpansion | null {
  if (caret < 2 || !/[ \n]/.test(draft[caret - 1] ?? '')) return null;
  const head = draft.slice(0, caret - 1);
  const m = /(?:^|\s)(\/[a-z0-9][a-z0-9-]{0,30})$/i.exec(head);
  if (!m) return null;
  const typed = m[1]!.toLowerCase();
  const template = templates.find((t) => t.shortcut?.toLowerCase() === typed);
  if (!template) return null;
  const start = head.length - typed.length;
  const before = draft.slice(0, start);
  const after = draft.slice(caret);
  const wholeDraft = (before + after).trim() === '';
  const expansion = expandSnippet(template.body, wholeDraft ? vars : { ...vars, SIGNATURE: '' });
  if (expansion.error) return null;
  const inserted = wholeDraft ? expansion.text : expansion.text.replace(/\s+$/, '');
  const stops = expansion.stops.map((s) => ({
    ...s,
    ranges: s.ranges.map(([a, b]) => [start + Math.min(a, inserted.length), start + Math.min(b, inserted.length)] as [number, number]),
  }));
  return { template, text: before + inserted + after, stops, start, end: start + inserted.length, wholeDraft };
}
