import { z } from 'zod';
import { loadSettings, saveSettings } from './index';
import { HostSchema, LearnedReaderSchema, type LearnedReaderSetting } from './schema';

/**
 * The readers the agent taught ("Read posts like this one"), one per host. Written by the
 * background (the router files each under the sending frame's host) and by the options page,
 * where the agent edits, removes, exports and imports them.
 */
export async function saveLearnedReader(host: string, reader: LearnedReaderSetting): Promise<void> {
  const { settings } = await loadSettings();
  const key = HostSchema.parse(host);
  await saveSettings({ ...settings, learnedReaders: { ...settings.learnedReaders, [key]: reader } });
}

export const READERS_FILE_KIND = 'frontline-taught-readers';

/** What "Export readers" writes: named and versioned, so another file is refused, not half-read. */
const ReadersFileSchema = z.object({
  kind: z.literal(READERS_FILE_KIND),
  version: z.literal(1),
  readers: z.record(HostSchema, LearnedReaderSchema),
});
/** An export from before the file was named: the bare per-host record. */
const BareReadersSchema = z.record(HostSchema, LearnedReaderSchema);

export const MAX_IMPORTED_READERS = 500;

export function readersFile(readers: Record<string, LearnedReaderSetting>): string {
  return JSON.stringify({ kind: READERS_FILE_KIND, version: 1, readers }, null, 2);
}

export type ReadersImport = { ok: true; readers: Record<string, LearnedReaderSetting> } | { ok: false; reason: string };

/**
 * A readers file, checked whole before anything is kept: JSON, the right kind, a host name and
 * three selectors per reader, each selector one the browser can match (`isSelector`, the page's
 * own parser in the options page). Any fault refuses the whole file, with the first fault named.
 */
export function parseReadersFile(text: string, isSelector: (css: string) => boolean): ReadersImport {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'The file is not JSON.' };
  }
  const named = (raw as { kind?: unknown } | null)?.kind !== undefined;
  const parsed = named ? ReadersFileSchema.safeParse(raw) : BareReadersSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.filter((p) => p !== 'readers').join(' → ');
    if (issue.code === 'invalid_key') return { ok: false, reason: `“${where}” is not a host name like forum.example.com.` };
    return { ok: false, reason: named || where ? `Not a readers file Frontline wrote: ${where ? `${where}: ` : ''}${issue.message}.` : 'Not a readers file Frontline wrote.' };
  }
  const readers = named ? (parsed.data as z.infer<typeof ReadersFileSchema>).readers : (parsed.data as Record<string, LearnedReaderSetting>);
  const hosts = Object.keys(readers);
  if (hosts.length === 0) return { ok: false, reason: 'The file holds no readers.' };
  if (hosts.length > MAX_IMPORTED_READERS) return { ok: false, reason: `The file holds ${hosts.length} readers; at most ${MAX_IMPORTED_READERS} are kept.` };
  for (const host of hosts) {
    for (const field of ['post', 'author', 'text'] as const) {
      if (!isSelector(readers[host]![field])) return { ok: false, reason: `${host} → ${field}: “${readers[host]![field]}” is not a selector the browser understands.` };
    }
  }
  return { ok: true, readers };
}

/**
 * Keep imported readers: one settings write, so either all of them are kept or none (a reader for
 * a host already taught replaces it). Settings are read fresh first, so nothing saved meanwhile is lost.
 */
export async function importLearnedReaders(readers: Record<string, LearnedReaderSetting>): Promise<Record<string, LearnedReaderSetting>> {
  const { settings } = await loadSettings();
  const saved = await saveSettings({ ...settings, learnedReaders: { ...settings.learnedReaders, ...readers } });
  return saved.learnedReaders;
}
