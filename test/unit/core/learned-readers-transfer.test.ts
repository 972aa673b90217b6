import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Window } from 'happy-dom';
import { DEFAULT_SETTINGS, loadSettings, saveSettings } from '../../../lib/settings';
import { importLearnedReaders, parseReadersFile, readersFile } from '../../../lib/settings/learned-readers';

/** The options page checks selectors with the browser's parser; here the same check with happy-dom's. */
const page = new Window().document;
function isSelector(css: string): boolean {
  try {
    page.createDocumentFragment().querySelector(css);
    return true;
  } catch {
    return false;
  }
}

const FORUM = { post: 'div.entry', author: '.who a', text: '.said' };
const GUESTBOOK = { post: 'dl.entries > dd', author: 'a', text: 'p', nested: false };

describe('taught readers: export and import', () => {
  beforeEach(() => fakeBrowser.reset());

  it('a file exported on one machine is imported whole on another, replacing the same host and keeping the others', async () => {
    const file = readersFile({ 'forum.example.org': FORUM, 'seeblick.example.de': GUESTBOOK });
    await saveSettings({ ...DEFAULT_SETTINGS, learnedReaders: { 'forum.example.org': { post: 'li', author: 'b', text: 'p' }, 'other.example.net': FORUM } });
    const parsed = parseReadersFile(file, isSelector);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    await importLearnedReaders(parsed.readers);
    expect((await loadSettings()).settings.learnedReaders).toEqual({
      'forum.example.org': FORUM,
      'seeblick.example.de': GUESTBOOK,
      'other.example.net': FORUM,
    });
  });

  it('reads a bare per-host export written before the file was named', () => {
    const parsed = parseReadersFile(JSON.stringify({ 'forum.example.org': FORUM }), isSelector);
    expect(parsed).toEqual({ ok: true, readers: { 'forum.example.org': FORUM } });
  });

  it('refuses a bad file whole, saying why, and changes nothing', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, learnedReaders: { 'other.example.net': FORUM } });
    const cases: Array<[string, RegExp]> = [
      ['{"kind":', /not JSON/],
      [JSON.stringify({ kind: 'frontline-settings', version: 1, readers: {} }), /Not a readers file Frontline wrote: kind/],
      [JSON.stringify({ kind: 'frontline-taught-readers', version: 1, readers: { 'https://x.org/': FORUM } }), /host name/],
      [JSON.stringify({ kind: 'frontline-taught-readers', version: 1, readers: { 'ok.example.org': { post: 'div', author: '' , text: 'p' } } }), /ok\.example\.org → author/],
      // One good reader and one broken selector: the good one is not kept either.
      [JSON.stringify({ kind: 'frontline-taught-readers', version: 1, readers: { 'good.example.org': FORUM, 'bad.example.org': { ...FORUM, text: 'div[[' } } }), /bad\.example\.org → text: “div\[\[” is not a selector/],
      [JSON.stringify({ kind: 'frontline-taught-readers', version: 1, readers: {} }), /no readers/],
    ];
    for (const [text, reason] of cases) {
      const parsed = parseReadersFile(text, isSelector);
      expect(parsed.ok, text).toBe(false);
      if (!parsed.ok) expect(parsed.reason).toMatch(reason);
    }
    expect((await loadSettings()).settings.learnedReaders).toEqual({ 'other.example.net': FORUM });
  });
});
