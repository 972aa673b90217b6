import { describe, expect, it } from 'vitest';
import { expandForComposer } from '../../../lib/background/expand-shortcut';
import { routeFromContentScript, type RouterDeps } from '../../../lib/background/router';
import { DEFAULT_SETTINGS, PAGE_SETTINGS_KEY, type PageSettings } from '../../../lib/settings';
import { DEFAULT_TEMPLATES } from '../../../lib/snippets';
import type { Post } from '../../../lib/types';

/** A shortcut typed in the site's own reply box: expanded by the background, which gives the page side the reply text only. */

const OWN_ID = 'frontline-test-id';
const from = (url: string) => ({ id: OWN_ID, url, tab: { id: 7, url }, frameId: 0 });
const settings = {
  ...DEFAULT_SETTINGS,
  profile: { fullName: 'Jane Doe', title: 'Support Lead', company: 'Acme', phone: '+1 555 0100', email: 'jane@acme.example', handle: '@AcmeSupport' },
};
const nadia: Post = { id: 'x:1', platform: 'x', author: 'Nadia Okafor', handle: '@nadia_ships', text: 'Deploys stuck for 6 hours', permalink: 'https://x.com/nadia_ships/status/1', time: null };
const NOW = new Date(Date.UTC(2026, 2, 18, 12));

const deps: RouterDeps = {
  ownId: OWN_ID,
  postsSeen: async () => [],
  interactionEvent: async () => undefined,
  recentContacts: async () => [],
  openDashboard: async () => undefined,
  activate: async () => undefined,
  injectUi: async () => undefined,
  correct: async () => null,
  correctionLayer: async () => null,
  expandShortcut: async (shortcut, post, alone) => expandForComposer(shortcut, post, alone, settings, [...DEFAULT_TEMPLATES], NOW),
};
const ask = (shortcut: string, post: Post | null, alone: boolean, url = 'https://x.com/nadia_ships/status/1') =>
  routeFromContentScript({ type: 'cs→bg:expand-shortcut', shortcut, post, alone }, from(url), deps);

describe('shortcut expansion for the site’s reply box', () => {
  it('alone in the box: the template for this customer, signed with the fields chosen for X, its first field named', async () => {
    const reply = await ask('/sorry', nadia, true);
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    expect(Object.keys(reply).sort()).toEqual(['firstField', 'ok', 'text']);
    const text = reply.text as string;
    expect(text).toMatch(/^Hi Nadia/);
    expect(text.trimEnd().endsWith('Jane Doe, Acme')).toBe(true);
    expect(text).not.toContain('555 0100');
    const [a, b] = reply.firstField as [number, number];
    expect(text.slice(a, b)).toMatch(/^\[[^\]]+\]$/);
  });

  it('after the agent’s own words: no second signature', async () => {
    const reply = await ask('/sorry', nadia, false);
    expect(reply.ok && (reply.text as string)).not.toContain('Jane Doe');
  });

  it('an unknown shortcut expands to nothing; a post another site renders is refused', async () => {
    expect(await ask('/nosuch', nadia, true)).toEqual({ ok: true, text: null, firstField: null });
    expect(await ask('/sorry', nadia, true, 'https://evil.example/')).toMatchObject({ ok: false });
    expect(await ask('not a shortcut', nadia, true)).toMatchObject({ ok: false });
  });
});

describe('the settings a content script gets', () => {
  it('only what reading its page needs: even handed the whole settings, the answer holds no profile or signature choice', async () => {
    const leaky = { ...deps, pageSettings: async () => settings as unknown as PageSettings };
    const reply = await routeFromContentScript({ type: 'cs→bg:page-settings' }, from('https://x.com/home'), leaky);
    expect(reply).toMatchObject({ ok: true, settings: { brandTerms: [], siteMode: 'all', focus: 'brand' } });
    expect(JSON.stringify(reply)).not.toMatch(/Jane|555 0100|jane@acme|signatureFields|profile/);
    // The gate reads this key by name (entrypoints/gate.content.ts stays free of the settings module).
    expect(PAGE_SETTINGS_KEY).toBe('pageSettings');
  });
});

