import { now, nowDate } from '@/lib/time/clock';
import { useEffect, useMemo, useRef, useState } from 'react';
import { DEFAULT_SETTINGS, loadSettings, watchSettings, type Settings } from '@/lib/settings';
import { loadTemplates, saveTemplates } from '@/lib/settings/templates';
import { buildVariables, DEFAULT_TEMPLATES, describeSwallowedAmounts, expandSnippet, parseTemplatesImport, TemplateSchema, type Template } from '@/lib/snippets';

const SAMPLE_CUSTOMER = { name: 'Sam Rivera', handle: '@samrivera', platform: 'x' as const, postUrl: 'https://x.com/samrivera/status/1' };

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

/**
 * The agent's template library: create, edit, delete, reorder, import and export, with a
 * live preview filled with their real profile. The whole library is validated on save.
 */
export function TemplatesEditor() {
  const [templates, setTemplates] = useState<Template[]>([]);
  const [selected, setSelected] = useState(0);
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [notice, setNotice] = useState<{ text: string; tone: 'ok' | 'error' } | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void loadTemplates().then(({ templates, problem }) => {
      setTemplates(templates);
      if (problem) setNotice({ text: problem, tone: 'error' });
    });
    void loadSettings().then((l) => setSettings(l.settings));
    // The preview follows the profile as soon as it is saved above.
    return watchSettings(setSettings);
  }, []);

  const current = templates[selected];
  const preview = useMemo(() => {
    if (!current) return null;
    const { vars } = buildVariables(settings.profile, SAMPLE_CUSTOMER, { now: nowDate() });
    return expandSnippet(current.body, vars);
  }, [current, settings]);
  const fieldError = useMemo(() => {
    if (!current) return null;
    const r = TemplateSchema.safeParse(current);
    return r.success ? null : r.error.issues.map((i) => `${i.path.join('.') || 'template'}: ${i.message}`).join('; ');
  }, [current]);

  const update = (patch: Partial<Template>) => setTemplates((ts) => ts.map((t, i) => (i === selected ? { ...t, ...patch } : t)));
  const move = (delta: -1 | 1) => {
    const to = selected + delta;
    if (to < 0 || to >= templates.length) return;
    setTemplates((ts) => {
      const next = [...ts];
      [next[selected], next[to]] = [next[to]!, next[selected]!];
      return next;
    });
    setSelected(to);
  };

  const save = async () => {
    const result = await saveTemplates(templates);
    setNotice(result.ok ? { text: 'Templates saved.', tone: 'ok' } : { text: `Not saved: ${result.error}`, tone: 'error' });
  };

  const onImport = async (file: File) => {
    let data: unknown;
    try {
      data = JSON.parse(await file.text());
    } catch {
      setNotice({ text: `Not imported: ${file.name} is not valid JSON. Your templates are unchanged.`, tone: 'error' });
      return;
    }
    const parsed = parseTemplatesImport(data);
    if (!parsed.ok) {
      setNotice({ text: `Not imported: ${parsed.error}. Your templates are unchanged.`, tone: 'error' });
      return;
    }
    setTemplates(parsed.templates);
    setSelected(0);
    setNotice({ text: `Imported ${parsed.templates.length} templates. Press “Save templates” to keep them.`, tone: 'ok' });
  };

  const onListKey = (event: React.KeyboardEvent<HTMLUListElement>) => {
    const last = templates.length - 1;
    const moves: Record<string, number> = { ArrowDown: Math.min(last, selected + 1), ArrowUp: Math.max(0, selected - 1), Home: 0, End: last };
    const next = moves[event.key];
    if (next === undefined || last < 0) return;
    event.preventDefault();
    setSelected(next);
    event.currentTarget.querySelector(`#tpl-${next}`)?.scrollIntoView({ block: 'nearest' });
  };

  return (
    <section className="op-card" aria-label="Reply templates">
      <h2>Reply templates</h2>
      <p className="op-hint">
        VS Code snippet syntax: <code>$1</code>, <code>{'${1:default}'}</code>, <code>{'${1|one,two|}'}</code>, <code>$0</code>, and variables like{' '}
        <code>{'${CUSTOMER_FIRST_NAME}'}</code>, <code>{'${AGENT_NAME}'}</code>, <code>{'${FOLLOW_UP_DATE}'}</code>, <code>{'${SIGNATURE}'}</code>.
      </p>
      <div className="op-templates">
        {/* A listbox a keyboard can reach: Tab onto it, arrows (Home, End) pick the template to edit. */}
        <ul className="op-template-list" aria-label="Templates" role="listbox" tabIndex={0} aria-activedescendant={`tpl-${selected}`} onKeyDown={onListKey}>
          {templates.map((t, i) => (
            <li key={`${t.id}-${i}`} id={`tpl-${i}`} role="option" aria-selected={i === selected} className={i === selected ? 'is-active' : ''} onClick={() => setSelected(i)}>
              {t.title}
            </li>
          ))}
        </ul>
        {current ? (
          <div className="op-template-edit">
            <div className="op-field">
              <label htmlFor="tpl-title">Template title</label>
              <input id="tpl-title" value={current.title} onChange={(e) => update({ title: e.target.value })} />
            </div>
            <div className="op-field">
              <label htmlFor="tpl-body">Template body</label>
              <textarea id="tpl-body" rows={8} value={current.body} onChange={(e) => update({ body: e.target.value })} aria-invalid={fieldError ? true : undefined} />
              {fieldError ? <p className="op-error" role="alert">{fieldError}</p> : null}
              {describeSwallowedAmounts(current.body) ? <p className="op-error" role="status">{describeSwallowedAmounts(current.body)}</p> : null}
            </div>
            <div className="op-field">
              <label htmlFor="tpl-tags">Tags</label>
              <input id="tpl-tags" value={current.tags.join(', ')} onChange={(e) => update({ tags: e.target.value.split(',').map((s) => s.trim()).filter(Boolean) })} />
            </div>
            <div className="op-preview" aria-label="Live preview">
              <span className="op-preview-label">Preview with your profile (customer: {SAMPLE_CUSTOMER.name})</span>
              <pre>{preview?.error ? `Error: ${preview.error.message}` : preview?.text}</pre>
              {preview?.unknownVariables.length ? <p className="op-error">Unknown variables: {preview.unknownVariables.join(', ')}</p> : null}
            </div>
            <div className="op-row">
              <button type="button" className="op-btn" onClick={() => move(-1)} disabled={selected === 0}>Move up</button>
              <button type="button" className="op-btn" onClick={() => move(1)} disabled={selected === templates.length - 1}>Move down</button>
              <button
                type="button"
                className="op-btn op-btn-danger"
                onClick={() => {
                  if (!confirm(`Delete the template “${current.title}”?`)) return;
                  setTemplates((ts) => ts.filter((_, i) => i !== selected));
                  setSelected((s) => Math.max(0, s - 1));
                }}
              >
                Delete template
              </button>
            </div>
          </div>
        ) : (
          <p className="op-hint">No templates. Create one or restore the defaults.</p>
        )}
      </div>
      <div className="op-actions">
        <button type="button" className="op-btn op-btn-primary" onClick={() => void save()}>Save templates</button>
        <button
          type="button"
          className="op-btn"
          onClick={() => {
            setTemplates((ts) => [...ts, { id: `custom-${now().toString(36)}`, title: 'New template', body: 'Hi ${CUSTOMER_FIRST_NAME}, $0\n\n${SIGNATURE}', tags: [], severities: [] }]);
            setSelected(templates.length);
          }}
        >
          New template
        </button>
        <button type="button" className="op-btn" onClick={() => download('frontline-templates.json', JSON.stringify(templates, null, 2))}>Export templates</button>
        <button type="button" className="op-btn" onClick={() => fileRef.current?.click()}>Import templates</button>
        <input ref={fileRef} type="file" accept="application/json,.json" hidden aria-label="Templates file" onChange={(e) => e.target.files?.[0] && void onImport(e.target.files[0])} />
        <button type="button" className="op-btn op-btn-ghost" onClick={() => confirm('Replace your templates with the defaults?') && setTemplates([...DEFAULT_TEMPLATES])}>Restore defaults</button>
      </div>
      {notice ? <p className={`op-notice is-${notice.tone}`} role="status" aria-live="polite">{notice.text}</p> : null}
    </section>
  );
}
