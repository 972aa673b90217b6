import { describe, expect, it } from 'vitest';
import { ExportFileSchema, describeIssue, withoutEvents } from '../../../lib/db';
import { HAND_CHECKED_KEYS, checkByHand, checkExportFile } from '../../../lib/db/export-file-check';
import { generateRecords } from '../../../bench/db/generate-records';
import { T0 } from './helpers';

/*
 * The import's hand-written checks (export-file-check.ts) against zod's schema, the definition of
 * a valid file: on valid files and on every field of every kind of record set to each value of a
 * catalogue (wrong types, each length limit and one past it, bad links, enum members and
 * strangers, absent, undefined), the verdict, the data (key order included) and the error a user
 * reads must be zod's.
 */

type Raw = Record<string, unknown>;

function zodAnswer(raw: unknown) {
  const parsed = ExportFileSchema.safeParse(raw);
  return parsed.success ? { ok: true as const, file: parsed.data } : { ok: false as const, error: describeIssue(parsed.error) };
}

function expectSameAsZod(raw: unknown, label: string) {
  expectSame(checkExportFile(raw), zodAnswer(raw), label);
  // As the import reads a file: its own parse of the text, whose records may be kept as they are.
  const text = JSON.stringify(raw);
  if (text !== undefined) expectSame(checkExportFile(JSON.parse(text), true), zodAnswer(JSON.parse(text)), `${label} (parsed text)`);
}

function expectSame(ours: ReturnType<typeof checkExportFile>, zods: ReturnType<typeof checkExportFile>, label: string) {
  expect(ours.ok, label).toBe(zods.ok);
  if (ours.ok && zods.ok) {
    expect(ours.file, label).toStrictEqual(zods.file);
    // Key order too: the records are stored, and exported again, as this object lists them.
    expect(JSON.stringify(ours.file), label).toBe(JSON.stringify(zods.file));
  } else {
    expect(ours, label).toEqual(zods);
  }
}

function generatedFile(contacts: number, interactions: number, seed: number): Raw {
  const data = generateRecords({ contacts, interactions, now: T0, seed });
  return {
    format: 'frontline-export', version: 1, exportedAt: T0,
    contacts: data.contacts, interactions: data.interactions.map(withoutEvents),
    events: data.events.map((e, n) => (n % 2 ? e : { seq: n + 1, ...e })), corrections: [],
  };
}

const LENGTHS = [0, 1, 100, 101, 120, 121, 200, 201, 300, 301, 500, 501, 600, 601, 2_000, 2_001, 2_100, 2_101, 4_000, 4_001, 10_000, 10_001];
const CATALOGUE: unknown[] = [
  undefined, null, true, false, 0, -0, 1, 2, 4, 5, -1, 0.5, 1.5, 2 ** 53, 2 ** 53 - 1, NaN, Infinity, -Infinity,
  ...LENGTHS.map((n) => 'a'.repeat(n)),
  'https://example.com/p/1', 'http://x.test/' + 'a'.repeat(1_986), 'http://x.test/' + 'a'.repeat(1_987), 'javascript:alert(1)', 'https://[bad', 'example.com',
  'x', 'reddit', 'open', 'resolved', 'note', 'flagged', 'billing', 'nonsense', '1',
  [], ['x'], ['a'.repeat(120)], ['a'.repeat(121)], ['a'.repeat(501)], ['billing'], ['billing', 'nope'], [1], [null],
  {}, { brand: true, churn: false, abuse: false, question: true, urgency: false }, { brand: true, churn: false, abuse: false, question: true },
  { brand: 1, churn: false, abuse: false, question: true, urgency: false },
  [{ contact: {}, interactionIds: [], at: 1, keptFirstSeenAt: 1, keptLastSeenAt: 1 }],
];

/** A tiny file whose records carry every optional field, so each field exists to be mutated. */
function fullFile(): Raw {
  const contact = {
    id: 'x:ann', platform: 'x', name: 'Ann', handle: 'ann', firstSeenAt: T0, lastSeenAt: T0 + 5, lastPermalink: 'https://x.com/ann/status/1',
    searchWords: ['ann'], interactionCount: 1, lastStatus: 'open', maxSeverity: 3, followUpDue: T0 + 9,
  };
  const interaction = {
    id: 'https://x.com/ann/status/1', contactId: 'x:ann', platform: 'x', postId: '1', permalink: 'https://x.com/ann/status/1', text: 'Charged twice',
    severity: 3, score: 0.75, complaint: true, signals: { brand: true, churn: false, abuse: false, question: true, urgency: false },
    cues: ['charged twice'], themes: ['billing'], status: 'waiting', firstSeenAt: T0, lastEventAt: T0 + 5, firstReplyAt: T0 + 1,
    lastReply: 'On it', resolvedAt: T0 + 4, followUpAt: T0 + 9, followUpDone: false, followUpDue: T0 + 9,
  };
  const event = {
    seq: 3, interactionId: interaction.id, contactId: 'x:ann', at: T0 + 2, type: 'status', text: 'note text', templateId: 't1',
    status: 'waiting', dueAt: T0 + 9, severity: 2, by: 'colleague',
  };
  const plain = { interactionId: interaction.id, contactId: 'x:ann', at: T0 + 1, type: 'flagged' };
  return { format: 'frontline-export', version: 1, exportedAt: T0, contacts: [contact], interactions: [interaction], events: [event, plain], corrections: [] };
}

describe('an export file checked by hand says what zod says', () => {
  it('accepts generated files by hand, with exactly the records zod gives', () => {
    for (const seed of [1, 2, 3]) {
      const raw = generatedFile(60, 400, seed);
      // Unknown keys are dropped, as zod drops them.
      (raw.interactions as Raw[])[0]!.stray = 'dropped';
      expect(checkByHand(raw), `seed ${seed}`).toBeDefined();
      expectSameAsZod(raw, `seed ${seed}`);
    }
    expect(checkByHand(fullFile())).toBeDefined();
    expectSameAsZod(fullFile(), 'every optional field');
  });

  it('agrees on every field of every record set to each value of the catalogue (accept, data, first error)', () => {
    let cases = 0;
    let rejected = 0;
    for (const list of ['contacts', 'interactions', 'events'] as const) {
      const base = fullFile();
      const record = (base[list] as Raw[])[0]!;
      const keys = [...Object.keys(record), ...(list === 'contacts' ? ['merged'] : []), 'stray'];
      for (const key of keys) {
        for (const value of [...CATALOGUE, 'absent']) {
          const raw = fullFile();
          const target = (raw[list] as Raw[])[0]!;
          if (value === 'absent') delete target[key];
          else target[key] = value;
          const label = `${list}[0].${key} = ${JSON.stringify(value)?.slice(0, 40)}`;
          expectSameAsZod(raw, label);
          cases++;
          // What zod accepts, the hand checks accept too (else a restore pays for zod after all).
          if (zodAnswer(raw).ok) expect(checkByHand(raw), label).toBeDefined();
          else rejected++;
        }
      }
    }
    // Both sides of the line are exercised, many times over.
    expect(cases).toBeGreaterThan(2_500);
    expect(rejected).toBeGreaterThan(1_500);
    expect(cases - rejected).toBeGreaterThan(300);
  });

  it('agrees on the signals, the lists inside a record, the file itself and whole records of the wrong kind', () => {
    for (const key of ['brand', 'churn', 'abuse', 'question', 'urgency', 'stray']) {
      for (const value of [undefined, true, false, 0, 'true', null, 'absent']) {
        const raw = fullFile();
        const signals = ((raw.interactions as Raw[])[0]!.signals as Raw);
        if (value === 'absent') delete signals[key];
        else signals[key] = value;
        expectSameAsZod(raw, `signals.${key} = ${String(value)}`);
      }
    }
    for (const key of ['format', 'version', 'exportedAt', 'contacts', 'interactions', 'events', 'corrections']) {
      for (const value of [undefined, null, 0, 1, 2, -1, 'frontline-export', 'x', [], {}, [null], [{ id: 'c1', text: 'x', level: 2, detected: 1, at: 5 }], 'absent']) {
        const raw = fullFile();
        if (value === 'absent') delete raw[key];
        else raw[key] = value;
        expectSameAsZod(raw, `file.${key} = ${JSON.stringify(value)}`);
      }
    }
    for (const value of [null, [], 'x', 5, [fullFile().contacts]]) {
      for (const list of ['contacts', 'interactions', 'events']) {
        const raw = fullFile();
        (raw[list] as unknown[]).push(value);
        expectSameAsZod(raw, `${list}[last] = ${JSON.stringify(value)}`);
      }
    }
    for (const value of [null, 'x', undefined, 5]) expectSameAsZod(value, `file = ${String(value)}`);
  });

  it('keeps the records of its own parse that are already in zod\'s shape, and copies the others into it', () => {
    const raw = JSON.parse(JSON.stringify(fullFile())) as Raw;
    const [interaction] = raw.interactions as Raw[];
    const [event, plain] = raw.events as Raw[];
    // Keys in another order than the schema's: zod's copy lists them in its order, so must ours.
    const [contact] = raw.contacts as Raw[];
    (raw.contacts as Raw[])[0] = Object.fromEntries(Object.entries(contact!).reverse());
    const kept = checkByHand(raw, true)!;
    expect(kept.interactions[0]).toBe(interaction);
    expect(kept.events[0]).toBe(event);
    expect(kept.events[1]).toBe(plain);
    expect(kept.contacts[0]).not.toBe((raw.contacts as Raw[])[0]);
    expect(Object.keys(kept.contacts[0]!)).toEqual(Object.keys(contact!));
    // Not its own parse (an object handed in): always copies, the caller's records untouched.
    const copied = checkByHand(raw)!;
    expect(copied.interactions[0]).not.toBe(interaction);
    expect(copied.interactions[0]).toStrictEqual(interaction);
    expectSameAsZod(raw, 'keys reversed');
  });

  it('leaves a contact holding merged people to zod, and the file still to the hand checks', () => {
    const raw = fullFile();
    const merged = { contact: { ...(raw.contacts as Raw[])[0]!, id: 'x:ann2', lastPermalink: null }, interactionIds: ['https://x.com/ann/status/9'], at: T0, keptFirstSeenAt: T0, keptLastSeenAt: T0 };
    (raw.contacts as Raw[])[0]!.merged = [merged];
    expect(checkByHand(raw)).toBeDefined();
    expectSameAsZod(raw, 'merged');
    (merged.contact as Raw).lastPermalink = 'javascript:alert(1)';
    expect(checkByHand(raw)).toBeUndefined();
    expectSameAsZod(raw, 'merged with a bad link');
  });

  it('writes the keys zod writes, in its order (a field added to the schema must be added to the hand checks)', () => {
    const shape = ExportFileSchema.shape;
    expect(HAND_CHECKED_KEYS.file).toEqual(Object.keys(shape));
    expect(HAND_CHECKED_KEYS.contacts).toEqual(Object.keys(shape.contacts.element.shape));
    expect(HAND_CHECKED_KEYS.interactions).toEqual(Object.keys(shape.interactions.element.shape));
    expect(HAND_CHECKED_KEYS.events).toEqual(Object.keys(shape.events.element.shape));
  });
});
