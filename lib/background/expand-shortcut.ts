import type { Settings } from '../settings';
import { buildVariables, expandSnippet, findPlaceholders, fitForPlatform, type Template } from '../snippets';
import type { ScopedPost } from './scope';

export interface ComposerExpansion {
  /** What replaces the shortcut and its space in the site's reply box; null: no template has this shortcut. */
  text: string | null;
  /** The first [field] to fill, as offsets in `text`: the page side selects it. */
  firstField: [number, number] | null;
}

/**
 * A template's shortcut typed in the site's own reply box (`cs→bg:expand-shortcut`), expanded
 * here, where the templates and the profile are: the scanning script gets back only the text it
 * puts into the box, signed with the fields the agent chose for this kind of site, never the
 * profile itself nor another template. `alone`: nothing stood before the shortcut in the box, so
 * the reply gets its signature; after the agent's own words it comes without one.
 */
export function expandForComposer(
  shortcut: string,
  post: ScopedPost | null,
  alone: boolean,
  settings: Pick<Settings, 'profile' | 'signatureFields'>,
  templates: readonly Template[],
  now: Date,
): ComposerExpansion {
  const template = templates.find((t) => t.shortcut?.toLowerCase() === shortcut.toLowerCase());
  if (!template) return { text: null, firstField: null };
  const platform = post?.platform ?? 'generic';
  const { vars } = buildVariables(
    settings.profile,
    { name: post?.author ?? '', handle: post?.handle ?? '', platform, postUrl: post?.permalink ?? '' },
    { now },
  );
  const expansion = expandSnippet(template.body, alone ? vars : { ...vars, SIGNATURE: '' });
  if (expansion.error) return { text: null, firstField: null };
  const text = alone ? fitForPlatform(expansion.text, settings.profile, platform, settings.signatureFields).text : expansion.text.replace(/\s+$/, '');
  const first = findPlaceholders(text)[0];
  return { text, firstField: first ? [first.start, first.end] : null };
}
