import { describe, expect, it } from 'vitest';
import { contactIdFor, csvCell, exportJSON, importJSON, normaliseHandle, recordPosts, searchWordsFor, toCSV } from '../../../lib/db';
import { T0, freshDB, post, snapshot, verdict } from './helpers';

/** Strings a page or a file decides, where they end up: spreadsheets, contact keys, links. */

/** A minimal RFC 4180 reader with a chosen separator: how a spreadsheet in that locale splits a line. */
function splitRow(line: string, sep: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      }
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === sep) {
      cells.push(cell);
      cell = '';
    }
    else cell += ch;
  }
  cells.push(cell);
  return cells;
}

describe('CSV cells', () => {
  it('quotes cells with ; so a spreadsheet in a ; locale keeps them whole', () => {
    expect(csvCell('refund; please')).toBe('"refund; please"');
    const line = toCSV(['a', 'b'], [['refund; please', 'ok']]).split('\r\n')[1]!;
    expect(splitRow(line, ';')).toHaveLength(1); // one row of the , file, not split inside the cell
    expect(splitRow(line, ',')).toEqual(['refund; please', 'ok']);
  });

  it('quotes commas, quotes and line breaks, doubling the quotes', () => {
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('she said "no"')).toBe('"she said ""no"""');
    expect(csvCell('line one\nline two')).toBe('"line one\nline two"');
    expect(csvCell('plain words')).toBe('plain words');
  });
});

describe('names and handles are matched without invisible or look-alike characters', () => {
  const ZWSP = '\u200B';
  const RLO = '\u202E';
  it('one contact whatever zero-width, bidi-control or fullwidth characters a page puts in a handle', () => {
    const plain = contactIdFor({ platform: 'x', handle: '@alice', author: 'Alice' });
    for (const handle of [`@al${ZWSP}ice`, `@\u200Falice\u200E`, '@ａｌｉｃｅ', `@ali\u2066ce\u2069`, `@\uFEFFalice`]) {
      expect(contactIdFor({ platform: 'x', handle, author: 'Alice' }), JSON.stringify(handle)).toBe(plain);
    }
    expect(normaliseHandle(`@${RLO}ecila`)).toBe('ecila');
  });

  it('a name without a handle is matched the same way', () => {
    const a = contactIdFor({ platform: 'wordpress', handle: '', author: 'Dana Smith' });
    expect(contactIdFor({ platform: 'wordpress', handle: '', author: `Dana${ZWSP} Smith` })).toBe(a);
    expect(contactIdFor({ platform: 'wordpress', handle: '', author: 'Ｄａｎａ Smith' })).toBe(a);
  });

  it('stores and searches the name without the hidden characters', async () => {
    const db = freshDB();
    await recordPosts(db, [{ post: post({ author: `${RLO}Sam${ZWSP} Rivera`, handle: `@sam${ZWSP}rivera` }), verdict: verdict(2) }], T0);
    const [contact] = await db.contacts.toArray();
    expect(contact!.name).toBe('Sam Rivera');
    expect(contact!.handle).toBe('samrivera');
    expect(searchWordsFor(`Sam${ZWSP}my`, '')).toEqual(['sammy']);
  });
});

describe('imported permalinks', () => {
  it('refuses a file whose permalinks are not web links, and writes nothing', async () => {
    const source = freshDB();
    await recordPosts(source, [{ post: post(), verdict: verdict(3) }], T0);
    const file = await exportJSON(source);
    const target = freshDB();
    const before = await snapshot(target);
    for (const link of ['javascript:alert(document.cookie)', 'data:text/html,<script>alert(1)</script>', 'JaVaScRiPt:alert(1)']) {
      const evil = structuredClone(file);
      evil.interactions[0]!.permalink = link;
      const result = await importJSON(target, evil);
      expect(result.ok, link).toBe(false);
      if (!result.ok) expect(result.error).toMatch(/interactions\[0\]\.permalink: expected an http\(s\) link/);
      const evilContact = structuredClone(file);
      evilContact.contacts[0]!.lastPermalink = link;
      expect((await importJSON(target, evilContact)).ok).toBe(false);
    }
    expect(await snapshot(target)).toEqual(before);
    expect((await importJSON(target, file)).ok).toBe(true);
  });
});
