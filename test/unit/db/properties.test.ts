import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, exportJSON, importJSON, normaliseHandle, recordEvent, recordPosts } from '../../../lib/db';
import type { Severity } from '../../../lib/types';
import { HOUR, T0, freshDB, post, snapshot, verdict } from './helpers';

/** A minimal RFC 4180 reader for one cell, to check that what we write reads back. */
function readCell(cell: string): string {
  return cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
}

describe('properties', () => {
  it('every CSV cell reads back as the text, apostrophe-guarded only when it starts like a formula', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-composite' }), (text) => {
        const cell = csvCell(text);
        const guarded = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
        expect(readCell(cell)).toBe(guarded);
        // Unquoted cells never contain a separator, quote or line break.
        if (!cell.startsWith('"')) expect(cell).not.toMatch(/[",\r\n]/);
      }),
    );
  });

  it('normalising a handle twice changes nothing', () => {
    const handles = fc.oneof(
      fc.string(),
      fc.tuple(fc.constantFrom('@', '', ' @', 'https://x.com/', 'http://forum.example.org/u/'), fc.stringMatching(/^[A-Za-z0-9_.@/ ]{0,12}$/)).map(([a, b]) => a + b),
    );
    fc.assert(
      fc.property(handles, (h) => {
        expect(normaliseHandle(normaliseHandle(h))).toBe(normaliseHandle(h));
      }),
    );
  });

  it('importing an export into the database it came from changes nothing', async () => {
    const action = fc.record({
      customer: fc.integer({ min: 0, max: 3 }),
      severity: fc.constantFrom<Severity>(0, 1, 2, 3, 4),
      reply: fc.option(fc.string({ minLength: 1, maxLength: 30 }), { nil: undefined }),
      hour: fc.integer({ min: 0, max: 500 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(action, { maxLength: 12 }), async (actions) => {
        const db = freshDB();
        for (const a of actions) {
          const p = post({ author: `C${a.customer}`, handle: `@c${a.customer}` });
          await recordPosts(db, [{ post: p, verdict: verdict(a.severity) }], T0 + a.hour * HOUR);
          if (a.reply) {
            await recordEvent(db, { post: p, verdict: verdict(a.severity), type: 'reply-inserted', text: a.reply, at: T0 + (a.hour + 1) * HOUR });
          }
        }
        const before = await snapshot(db);
        const result = await importJSON(db, await exportJSON(db));
        expect(result).toMatchObject({ ok: true, contacts: { added: 0, updated: 0 }, interactions: { added: 0, updated: 0 }, events: { added: 0 } });
        expect(await snapshot(db)).toEqual(before);
        db.close();
      }),
      { numRuns: 30 },
    );
  });
});
