import { describe, expect, it } from 'vitest';
import { DEFAULT_TEAM_SETTINGS, TeamSettingsSchema, parseTeamSettings, teamSettingsProblem } from '../../../lib/settings/team';

const filled = { url: 'https://couch.acme.com', db: 'support-team', user: 'ana', password: 'secret' };

describe('team sync settings', () => {
  it('are off for every profile that never saw them (the migration default)', () => {
    expect(parseTeamSettings(undefined)).toEqual({ settings: DEFAULT_TEAM_SETTINGS });
    expect(DEFAULT_TEAM_SETTINGS.enabled).toBe(false);
  });

  it('an unreadable record turns sync off and says why', () => {
    const load = parseTeamSettings({ version: 1, enabled: true, url: 'http://couch.acme.com', db: 'team', user: 'ana', password: 'x' });
    expect(load.settings.enabled).toBe(false);
    expect(load.problem).toMatch(/team sync is off/);
  });

  it('refuse plain http except to this machine, and bad database names, before saving', () => {
    expect(teamSettingsProblem(filled)).toBeNull();
    expect(teamSettingsProblem({ ...filled, url: 'http://couch.acme.com' })).toEqual({ field: 'url', message: expect.stringMatching(/unencrypted/) });
    expect(teamSettingsProblem({ ...filled, url: 'http://localhost:5984' })).toBeNull();
    expect(teamSettingsProblem({ ...filled, db: 'Team' })?.field).toBe('db');
    expect(teamSettingsProblem({ ...filled, password: '' })?.field).toBe('password');
    expect(TeamSettingsSchema.safeParse({ version: 1, enabled: true, ...filled, url: 'http://10.0.0.5' }).success).toBe(false);
    // Off: half-typed fields are kept as they are.
    expect(TeamSettingsSchema.safeParse({ version: 1, enabled: false, ...filled, url: 'http://10.0.0.5' }).success).toBe(true);
  });
});
