import { describe, expect, it } from 'vitest';
import { buildVariables, DEFAULT_TEMPLATES, expandShortcutAt, findPlaceholders, parseTemplatesImport } from '../../../lib/snippets';
import { FRIDAY, JANE, SAM_ON_X } from './fixtures';

const vars = buildVariables(JANE, SAM_ON_X, { now: FRIDAY }).vars;
const templates = [...DEFAULT_TEMPLATES];
/** The agent types `typed` at the end of `draft`, as keystrokes would leave it. */
const typeAtEnd = (draft: string) => expandShortcutAt(draft, draft.length, templates, vars);

describe('shortcuts in the draft', () => {
  it('every shipped template has its own shortcut', () => {
    const shortcuts = DEFAULT_TEMPLATES.map((t) => t.shortcut);
    expect(shortcuts.every(Boolean)).toBe(true);
    expect(new Set(shortcuts).size).toBe(shortcuts.length);
  });

  it('"/boundary " alone becomes the whole template, signed, with its required fields', () => {
    const out = typeAtEnd('/boundary ')!;
    expect(out.template.id).toBe('calm-boundary');
    expect(out.wholeDraft).toBe(true);
    expect(out.text).toContain("I won't carry on a conversation that includes personal insults");
    expect(out.text).toContain('Jane Doe');
    expect(findPlaceholders(out.text).length).toBeGreaterThan(0);
    // The first stop is the first field, placed where it is in the text.
    const [a, b] = out.stops[0]!.ranges[0]!;
    expect(out.text.slice(a, b)).toBe('[the problem they raised]');
  });

  it('mid-draft, expands in place without a second signature, and stops land on its fields', () => {
    const draft = 'Hi Sam, thanks for the details.\n/dunno\n\n— Jane, Acme Support';
    const caret = draft.indexOf('/dunno') + '/dunno\n'.length;
    const out = expandShortcutAt(draft, caret, templates, vars)!;
    expect(out.wholeDraft).toBe(false);
    expect(out.text.startsWith('Hi Sam, thanks for the details.\nHi Sam, honest answer')).toBe(true);
    expect(out.text.endsWith('\n— Jane, Acme Support')).toBe(true);
    expect(out.text.match(/Jane Doe/g)).toBeNull();
    const [a, b] = out.stops[0]!.ranges[0]!;
    expect(out.text.slice(a, b)).toBe('[what they asked about]');
  });

  it('expands nothing for a path, an unknown word, or before the space is typed', () => {
    expect(typeAtEnd('see https://acme.example/sorry ')).toBeNull();
    expect(typeAtEnd('and/sorry ')).toBeNull();
    expect(typeAtEnd('/sorryy ')).toBeNull();
    expect(typeAtEnd('/sorry')).toBeNull();
  });

  it('an import with one shortcut on two templates is refused, naming it', () => {
    const t = { id: 'a', title: 'A', body: 'x', shortcut: '/same' };
    expect(parseTemplatesImport([t, { ...t, id: 'b' }])).toEqual({ ok: false, error: 'template 2: shortcut: "/same" is used twice' });
    expect(parseTemplatesImport([{ ...t, shortcut: 'no slash' }])).toMatchObject({ ok: false });
  });
});
