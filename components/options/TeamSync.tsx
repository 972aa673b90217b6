import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { DEFAULT_TEAM_SETTINGS, loadTeamSettings, saveTeamSettings, teamSettingsProblem, type TeamSettings } from '@/lib/settings/team';
import { CouchClient, CouchError } from '@/lib/sync/couch-client';
import { teamSyncStatus } from '@/lib/background/team-sync';
import type { SyncState } from '@/lib/sync/state';

type Fields = Omit<TeamSettings, 'version' | 'enabled'>;
type Notice = { text: string; tone: 'ok' | 'error' } | null;

const LABELS: Array<[keyof Fields, string, string]> = [
  ['url', 'Server address', 'https://couch.example.com'],
  ['db', 'Team database', 'support-team'],
  ['user', 'Your user name', 'ana'],
  ['password', 'Your password', ''],
];

/**
 * The browser must let the extension speak to that server (an optional host permission, asked
 * on the agent's click); without it the request would fail as "unreachable" with no reason.
 */
async function allowServer(url: string): Promise<boolean> {
  try {
    const origin = new URL(url).origin;
    return await browser.permissions.request({ origins: [`${origin}/*`] });
  } catch {
    return true; // a browser without the API (or the origin already granted): let the request say what is wrong
  }
}

/** Options: team sync through CouchDB (issue 19). Off by default; nothing else changes while it is. */
export function TeamSync() {
  const [fields, setFields] = useState<Fields>(DEFAULT_TEAM_SETTINGS);
  const [enabled, setEnabled] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<SyncState | null>(null);

  useEffect(() => {
    void loadTeamSettings().then(({ settings, problem }) => {
      const { version: _v, enabled: on, ...rest } = settings;
      setFields(rest);
      setEnabled(on);
      if (problem) setNotice({ text: problem, tone: 'error' });
    });
    void teamSyncStatus().then(setStatus).catch(() => undefined);
  }, []);

  const problem = teamSettingsProblem(fields);

  const test = async () => {
    if (problem) return setNotice({ text: problem.message, tone: 'error' });
    setBusy(true);
    try {
      if (!(await allowServer(fields.url))) return setNotice({ text: 'The browser was not allowed to contact that server.', tone: 'error' });
      const line = await new CouchClient(fields).testConnection();
      setNotice({ text: line, tone: 'ok' });
    } catch (error) {
      setNotice({ text: error instanceof CouchError ? error.message : String(error), tone: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const save = async (on: boolean) => {
    if (on && problem) return setNotice({ text: problem.message, tone: 'error' });
    if (on && !(await allowServer(fields.url))) return setNotice({ text: 'The browser was not allowed to contact that server.', tone: 'error' });
    const saved = await saveTeamSettings({ version: 1, enabled: on, ...fields } as TeamSettings);
    setEnabled(saved.enabled);
    setNotice({ text: on ? 'Team sync is on: your actions are shared with the team database.' : 'Team sync is off.', tone: 'ok' });
  };

  return (
    <section className="op-card" aria-labelledby="team-sync-title">
      <h2 id="team-sync-title">Team sync</h2>
      <p className="op-hint">
        Share your replies and claims with your team through a CouchDB server your team lead runs, so nobody answers the same
        customer twice. Your detector corrections and settings stay on this device. Off until you switch it on.
      </p>
      <div className="op-grid">
        {LABELS.map(([key, label, placeholder]) => (
          <label key={key} className="op-field">
            {label}
            <input
              type={key === 'password' ? 'password' : 'text'}
              value={fields[key]}
              placeholder={placeholder}
              autoComplete={key === 'password' ? 'current-password' : 'off'}
              spellCheck={false}
              aria-invalid={problem?.field === key}
              onChange={(e) => setFields((f) => ({ ...f, [key]: e.target.value }))}
            />
          </label>
        ))}
      </div>
      {problem && (fields.url || fields.db || fields.user) ? <p className="op-error">{problem.message}</p> : null}
      <div className="op-actions">
        <button type="button" className="op-btn" disabled={busy} onClick={() => void test()}>
          Test connection
        </button>
        {enabled ? (
          <>
            <button type="button" className="op-btn op-btn-primary" onClick={() => void save(true)}>Save</button>
            <button type="button" className="op-btn op-btn-danger" onClick={() => void save(false)}>Switch team sync off</button>
          </>
        ) : (
          <button type="button" className="op-btn op-btn-primary" onClick={() => void save(true)}>Switch team sync on</button>
        )}
      </div>
      {notice ? <p role="status" className={`op-notice is-${notice.tone}`}>{notice.text}</p> : null}
      {enabled && status ? (
        <p className="op-hint">
          {status.lastError ? `Last attempt failed: ${status.lastError} ` : status.lastOkAt ? 'Last sync succeeded. ' : 'Not synced yet. '}
          {status.rejectedCount > 0 ? `${status.rejectedCount} document(s) from the server were refused; latest: ${status.rejected[status.rejected.length - 1]}` : ''}
        </p>
      ) : null}
    </section>
  );
}
