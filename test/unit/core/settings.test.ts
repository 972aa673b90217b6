import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, loadSettings, pageSettingsOf, parseStoredSettings, saveSettings, SETTINGS_KEY, siteAccess, focusFor } from '../../../lib/settings';

describe('settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('shows onboarding (defaults, not onboarded) when nothing is stored', async () => {
    const load = await loadSettings();
    expect(load.status).toBe('missing');
    expect(load.settings.onboarded).toBe(false);
  });

  it('migrates a version 1 record and keeps the agent’s profile and watch terms', async () => {
    await fakeBrowser.storage.local.set({
      [SETTINGS_KEY]: { version: 1, fullName: 'Jane Doe', company: 'Acme', email: 'jane@acme.com', watchTerms: 'Acme, @AcmeSupport' },
    });
    const load = await loadSettings();
    expect(load.status).toBe('migrated');
    expect(load.settings.profile.fullName).toBe('Jane Doe');
    expect(load.settings.brandTerms).toEqual(['Acme', '@AcmeSupport']);
    // Storage is repaired so the message shows once.
    expect((await loadSettings()).status).toBe('ok');
  });

  it('resets a hand-edited, invalid record with a message naming the field instead of crashing', () => {
    const load = parseStoredSettings({ ...DEFAULT_SETTINGS, profile: { ...DEFAULT_SETTINGS.profile, email: 'not-an-email' } });
    expect(load.status).toBe('reset');
    if (load.status === 'reset') expect(load.message).toContain('profile.email');
    expect(load.settings).toEqual(DEFAULT_SETTINGS);
  });

  it('reads settings stored before the reminder hour existed, with 09:00, and refuses a time that is not one', () => {
    const { reminderTime: _added, ...older } = DEFAULT_SETTINGS;
    const load = parseStoredSettings({ ...older, onboarded: true });
    expect(load.status).toBe('ok');
    expect(load.settings.reminderTime).toBe('09:00');
    const bad = parseStoredSettings({ ...DEFAULT_SETTINGS, reminderTime: '9 o’clock' });
    expect(bad.status).toBe('reset');
    if (bad.status === 'reset') expect(bad.message).toContain('reminderTime');
  });

  it('survives garbage in storage', () => {
    for (const junk of ['x', 42, [], { version: 99 }, { version: 1, fullName: 5 }]) {
      expect(() => parseStoredSettings(junk)).not.toThrow();
      expect(parseStoredSettings(junk).settings).toEqual(DEFAULT_SETTINGS);
    }
  });

  it('refuses to save invalid settings and leaves storage untouched', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, onboarded: true });
    await expect(saveSettings({ ...DEFAULT_SETTINGS, profile: { ...DEFAULT_SETTINGS.profile, phone: 'call me' } })).rejects.toThrow();
    expect((await loadSettings()).settings.onboarded).toBe(true);
  });

  it('switches sites off and limits to listed sites', () => {
    const s = { ...DEFAULT_SETTINGS, disabledHosts: ['news.ycombinator.com'] };
    expect(siteAccess(s, 'news.ycombinator.com')).toBe('off');
    expect(siteAccess(s, 'x.com')).toBe('on');
    const only = { ...DEFAULT_SETTINGS, siteMode: 'only-listed' as const, allowedHosts: ['x.com'] };
    expect(siteAccess(only, 'x.com')).toBe('on');
    expect(siteAccess(only, 'mobile.x.com')).toBe('on');
    expect(siteAccess(only, 'blog.example.org')).toBe('off');
  });

  it('lets a site override the brand focus', () => {
    const s = { ...DEFAULT_SETTINGS, focusByHost: { 'reddit.com': 'all' as const } };
    expect(focusFor(s, 'www.reddit.com')).toBe('all');
    expect(focusFor(s, 'x.com')).toBe('brand');
  });

  it('keeps for the scanning script only what reading a page needs, never the agent’s profile', () => {
    const settings = { ...DEFAULT_SETTINGS, brandTerms: ['Acme'], profile: { fullName: 'Jane Doe', title: 'Support', company: 'Acme', phone: '+1 555 0100', email: 'jane@acme.example', handle: '@jane' } };
    const page = pageSettingsOf(settings);
    expect(JSON.stringify(page)).not.toMatch(/Jane|555 0100|jane@acme/);
    expect(page.brandTerms).toEqual(['Acme']);
    expect(siteAccess(page, 'x.com')).toBe('on');
    expect(focusFor(page, 'x.com')).toBe('brand');
  });
});

