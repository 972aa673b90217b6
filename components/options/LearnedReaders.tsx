import { useEffect, useState } from 'react';
import { LearnedReaderSchema, loadSettings, saveSettings, watchSettings, type LearnedReaderSetting } from '@/lib/settings';
import { importLearnedReaders, parseReadersFile, readersFile } from '@/lib/settings/learned-readers';

type Rows = Record<string, LearnedReaderSetting>;

function download(name: string, text: string) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  a.download = name;
  a.click();
  URL.revokeObjectURL(a.href);
}

/** Whether the browser can match this selector (the options page's own parser; never a page's). */
function isSelector(css: string): boolean {
  try {
    document.createDocumentFragment().querySelector(css);
    return true;
  } catch {
    return false;
  }
}

const FIELDS: Array<[keyof Omit<LearnedReaderSetting, 'nested'>, string]> = [
  ['post', 'Post selector'],
  ['author', 'Author selector'],
  ['text', 'Words selector'],
];

/**
 * The readers the agent taught with "Read posts like this one", per site: edited or removed here.
 * Every change reloads the stored settings first, so it never overwrites what another page saved.
 */
export function LearnedReaders() {
  const [rows, setRows] = useState<Rows>({});
  const [notice, setNotice] = useState<{ text: string; tone: 'ok' | 'error' } | null>(null);

  useEffect(() => {
    void loadSettings().then((l) => setRows(l.settings.learnedReaders));
    return watchSettings((s) => setRows(s.learnedReaders));
  }, []);

  const write = async (host: string, reader: LearnedReaderSetting | null) => {
    const { settings } = await loadSettings();
    const next = { ...settings.learnedReaders };
    if (reader) next[host] = reader;
    else delete next[host];
    const saved = await saveSettings({ ...settings, learnedReaders: next });
    setRows(saved.learnedReaders);
  };

  const onSave = async (host: string) => {
    const parsed = LearnedReaderSchema.safeParse(rows[host]);
    if (!parsed.success) {
      setNotice({ text: `${host}: every selector needs a value (up to 300 characters).`, tone: 'error' });
      return;
    }
    await write(host, parsed.data);
    setNotice({ text: `Saved the reader for ${host}.`, tone: 'ok' });
  };

  const onImport = async (file: File | undefined) => {
    if (!file) return;
    // A readers file is a few kilobytes; a huge file is not one.
    if (file.size > 1_000_000) {
      setNotice({ text: 'Not imported: the file is larger than a readers file can be (1 MB).', tone: 'error' });
      return;
    }
    const result = parseReadersFile(await file.text(), isSelector);
    if (!result.ok) {
      setNotice({ text: `Not imported, nothing changed: ${result.reason}`, tone: 'error' });
      return;
    }
    setRows(await importLearnedReaders(result.readers));
    const hosts = Object.keys(result.readers);
    setNotice({ text: `Imported ${hosts.length} reader${hosts.length === 1 ? '' : 's'}: ${hosts.sort().join(', ')}.`, tone: 'ok' });
  };

  const hosts = Object.keys(rows).sort();
  return (
    <section className="op-card" aria-labelledby="learned-readers-title">
      <h2 id="learned-readers-title">Sites you taught</h2>
      <p className="op-hint">
        On a forum or comment section where Frontline reads nothing, right-click one post and choose “Read posts like this one”.
        Frontline then reads that site’s posts with the selectors below, before its own guess.
      </p>
      {hosts.length === 0 ? <p className="op-hint">None yet.</p> : null}
      {hosts.map((host) => (
        <fieldset key={host} className="op-field" aria-label={`Reader for ${host}`}>
          <legend>{host}</legend>
          {FIELDS.map(([key, label]) => (
            <label key={key} className="op-field">
              {label}
              <input
                value={rows[host]![key]}
                onChange={(e) => setRows((r) => ({ ...r, [host]: { ...r[host]!, [key]: e.target.value } }))}
                spellCheck={false}
              />
            </label>
          ))}
          <div className="op-actions">
            <button type="button" className="op-btn op-btn-primary" onClick={() => void onSave(host)}>Save reader for {host}</button>
            <button type="button" className="op-btn op-btn-danger" onClick={() => void write(host, null).then(() => setNotice({ text: `Removed the reader for ${host}.`, tone: 'ok' }))}>
              Remove reader for {host}
            </button>
          </div>
        </fieldset>
      ))}
      <div className="op-actions">
        {hosts.length > 0 ? (
          <button type="button" className="op-btn" onClick={() => download('frontline-readers.json', readersFile(rows))}>Export readers</button>
        ) : null}
        <label className="op-btn">
          Import readers…
          <input
            type="file"
            accept="application/json,.json"
            className="sr-only"
            aria-label="Import readers from a file"
            onChange={(e) => {
              const input = e.currentTarget;
              void onImport(input.files?.[0]).finally(() => {
                input.value = '';
              });
            }}
          />
        </label>
      </div>
      {notice ? <p className={`op-notice is-${notice.tone}`} role="status">{notice.text}</p> : null}
    </section>
  );
}
