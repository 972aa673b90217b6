import { describe, expect, it } from 'vitest';
import { routeContentMessage, type RouterDeps } from '../../../lib/background/router';
import { parseStoredSettings, SettingsSchema, DEFAULT_SETTINGS } from '../../../lib/settings/index';

/** "Read posts like this one": the reader is filed under the sending frame's host, never one the page names. */
const OWN_ID = 'frontline-test-id';
const sender = { id: OWN_ID, url: 'https://talk.example.org/t/some-thread/12', tab: { id: 3 }, frameId: 0 };
const reader = { post: 'li.post', author: 'a.username', text: 'div.message' };

function deps(saved: Array<[string, unknown]>): RouterDeps {
  return {
    ownId: OWN_ID,
    postsSeen: async () => [],
    interactionEvent: async () => undefined,
    recentContacts: async () => [],
    openDashboard: async () => undefined,
    activate: async () => undefined,
    injectUi: async () => undefined,
    // Not asked in these tests: corrections have their own (router.test.ts, overlay-sessions.test.ts).
    correct: async () => null,
    correctionLayer: async () => null,
    saveLearnedReader: async (host, r) => void saved.push([host, r]),
  };
}

describe('learned readers: message and settings', () => {
  it("files the reader under the sender frame's host and answers with that host", async () => {
    const saved: Array<[string, unknown]> = [];
    const reply = await routeContentMessage({ type: 'cs→bg:learn-reader', reader }, sender, deps(saved));
    expect(reply).toEqual({ ok: true, host: 'talk.example.org' });
    expect(saved).toEqual([['talk.example.org', reader]]);
  });

  it('a page naming another host cannot set that host: the named host is ignored', async () => {
    const saved: Array<[string, unknown]> = [];
    const forged = { type: 'cs→bg:learn-reader', host: 'bank.example.com', reader: { ...reader, host: 'bank.example.com' } };
    const reply = await routeContentMessage(forged, sender, deps(saved));
    expect(reply).toEqual({ ok: true, host: 'talk.example.org' });
    expect(saved).toEqual([['talk.example.org', reader]]);
  });

  it('refuses empty or oversized selectors and writes nothing; refuses senders that are not our content script', async () => {
    const saved: Array<[string, unknown]> = [];
    const d = deps(saved);
    expect((await routeContentMessage({ type: 'cs→bg:learn-reader', reader: { ...reader, post: '' } }, sender, d)).ok).toBe(false);
    expect((await routeContentMessage({ type: 'cs→bg:learn-reader', reader: { ...reader, text: 'x'.repeat(301) } }, sender, d)).ok).toBe(false);
    expect((await routeContentMessage({ type: 'cs→bg:learn-reader', reader }, { ...sender, id: 'other-extension' }, d)).ok).toBe(false);
    expect(saved).toEqual([]);
  });

  it('settings stored before learned readers existed still parse, with none learned', () => {
    const { learnedReaders: _omitted, ...old } = DEFAULT_SETTINGS;
    const load = parseStoredSettings(old);
    expect(load.status).not.toBe('reset');
    expect(load.settings.learnedReaders).toEqual({});
  });

  it('settings keep a reader per host and refuse a malformed host key or selector', () => {
    const ok = SettingsSchema.safeParse({ ...DEFAULT_SETTINGS, learnedReaders: { 'talk.example.org': reader } });
    expect(ok.success && ok.data.learnedReaders['talk.example.org']).toEqual(reader);
    expect(SettingsSchema.safeParse({ ...DEFAULT_SETTINGS, learnedReaders: { 'https://evil/': reader } }).success).toBe(false);
    expect(SettingsSchema.safeParse({ ...DEFAULT_SETTINGS, learnedReaders: { 'talk.example.org': { ...reader, author: '' } } }).success).toBe(false);
  });
});
