import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import { themesOf } from '../insights/themes';
import type { Contact, Interaction, InteractionEvent } from './records';
import type { PendingWrite } from './pending';
import { searchWordsFor } from './normalise';

export const DEFAULT_DB_NAME = 'frontline';

/**
 * Index lists per version, exported so the migration tests can build real older databases.
 * In the current version (3) every index serves a query (see queries.ts / insights):
 * - contacts: lastSeenAt (recent list), *searchWords (name/handle prefix search)
 * - interactions: [contactId+firstSeenAt] (a customer's history in order, newest page, count),
 *   followUpAt (due list), firstSeenAt (time charts, retention)
 * - events: interactionId (history), at (today/this-week counts)
 * Queries read an index range with toArray() and filter in JavaScript: a Dexie .filter() on a
 * range walks a cursor one record per request, measured 30-100x slower than one getAll().
 */
export const SCHEMA_V1 = {
  contacts: 'id, lastSeenAt, platform',
  interactions: 'id, [contactId+firstSeenAt], status, followUpAt, firstSeenAt, severity',
  events: '++seq, interactionId, at',
} as const;

/** v2: name/handle prefix search, theme filter, and a store for writes refused by quota. */
export const SCHEMA_V2 = {
  contacts: 'id, lastSeenAt, platform, *searchWords',
  interactions: 'id, [contactId+firstSeenAt], status, followUpAt, firstSeenAt, severity, *themes',
  events: '++seq, interactionId, at',
  pending: '++id, createdAt',
} as const;

/**
 * v3: only indexes a query reads. Dropped: contacts.platform, interactions.status, .severity
 * and *themes: no query reads them, and every index is paid on every write (measured in
 * Chromium: ~205 µs per interaction written with six indexes, ~130 µs with the three kept).
 * No record changes and no new index, so no upgrade function and nothing to build.
 */
export const SCHEMA_V3 = {
  contacts: 'id, lastSeenAt, *searchWords',
  interactions: 'id, [contactId+firstSeenAt], followUpAt, firstSeenAt',
  events: '++seq, interactionId, at',
  pending: '++id, createdAt',
} as const;

export class FrontlineDB extends Dexie {
  contacts!: EntityTable<Contact, 'id'>;
  interactions!: EntityTable<Interaction, 'id'>;
  events!: EntityTable<InteractionEvent, 'seq'>;
  pending!: EntityTable<PendingWrite, 'id'>;

  constructor(name: string = DEFAULT_DB_NAME, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores(SCHEMA_V1);
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade(async (tx) => {
        // Version-1 records have neither field; compute them from what they do have.
        await tx
          .table('contacts')
          .toCollection()
          .modify((c: Partial<Contact>) => {
            c.searchWords = searchWordsFor(c.name ?? '', c.handle ?? '');
          });
        await tx
          .table('interactions')
          .toCollection()
          .modify((i: Partial<Interaction>) => {
            i.themes = themesOf(i.text ?? '');
          });
      });
    this.version(3).stores(SCHEMA_V3);
  }
}
