import { ContactSchema, EventSchema, InteractionSchema, StoredInteractionSchema, searchWordsFor, type Interaction } from '../../lib/db';
import { followUpDueOf, summaryOf } from '../../lib/db/summary';
import { generateInNode } from './seed';

/**
 * The generated records must be what the extension itself would store, or the timings mean
 * nothing (and the export would fail to re-import). Checked in Node against lib/db before seeding.
 */
export function checkGeneratedRecords(): void {
  const sample = generateInNode({ contacts: 500, interactions: 3_000 });
  const fail = (what: string, n: number, message: string) => {
    throw new Error(`bench/db generator drifted from lib/db/records.ts: ${what}[${n}]: ${message}`);
  };
  sample.contacts.forEach((c, n) => {
    const parsed = ContactSchema.safeParse(c);
    if (!parsed.success) fail('contacts', n, parsed.error.message);
    const { name, handle, searchWords } = parsed.data!;
    const expected = searchWordsFor(name, handle);
    if (expected.join() !== searchWords.join()) fail('contacts', n, `searchWords ${searchWords} ≠ ${expected}`);
  });
  const byContact = new Map<string, Interaction[]>();
  sample.interactions.forEach((i, n) => {
    const parsed = InteractionSchema.safeParse(i);
    if (!parsed.success) fail('interactions', n, parsed.error.message);
    // As stored (schema v5): with its events inside, strictly that shape.
    const stored = StoredInteractionSchema.strict().safeParse(i);
    if (!stored.success) fail('interactions', n, stored.error.message);
    for (const e of stored.data!.events) if (e.at > stored.data!.lastEventAt) fail('interactions', n, `event at ${e.at} after lastEventAt`);
    const rec = parsed.data!;
    if (rec.followUpDue !== followUpDueOf(rec)) fail('interactions', n, `followUpDue ${rec.followUpDue} ≠ ${followUpDueOf(rec)}`);
    byContact.set(rec.contactId, [...(byContact.get(rec.contactId) ?? []), rec]);
  });
  sample.contacts.forEach((c, n) => {
    const { interactionCount, lastStatus, maxSeverity, followUpDue } = ContactSchema.parse(c);
    const got = JSON.stringify({ interactionCount, lastStatus, maxSeverity, followUpDue });
    const want = JSON.stringify(summaryOf(byContact.get(ContactSchema.parse(c).id) ?? []));
    if (got !== want) fail('contacts', n, `summary ${got} ≠ ${want}`);
  });
  sample.events.forEach((e, n) => {
    const parsed = EventSchema.safeParse(e);
    if (!parsed.success) fail('events', n, parsed.error.message);
  });
}
