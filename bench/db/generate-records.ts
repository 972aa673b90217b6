import type { Contact, InteractionEvent, StoredEvent, StoredInteraction } from '../../lib/db/records';
import type { Severity } from '../../lib/types';
import { searchWordsFor } from '../../lib/db/normalise';
import { themesOf } from '../../lib/model/themes';

/**
 * A large, realistic log, typed against lib/db's records and built with lib's own helpers. It
 * runs in Node (check-records.ts compares a sample with lib/db's schemas and summary before
 * anything is seeded) and inside an extension page, bundled by esbuild (generatorScript in
 * seed.ts) into the page global `FLGenerate`. Shapes follow lib/db exactly: contact id
 * `${platform}:${handle}`, interaction id = permalink, searchWords from searchWordsFor, the
 * derived fields of lib/db/summary.ts as it computes them.
 *
 * `heavy` contact: one returning customer with HEAVY_INTERACTIONS interactions (the worst timeline).
 */
export const HEAVY_INTERACTIONS = 300;

export interface GenerateOptions {
  contacts: number;
  interactions: number;
  now: number;
  seed: number;
}

/** An event as an export lists it: flat, with its interaction and contact. */
export type FlatEvent = Omit<InteractionEvent, 'seq'>;

export interface GeneratedRecords {
  contacts: Contact[];
  /** As stored (schema v5): each interaction with its event log inside. */
  interactions: StoredInteraction[];
  /** The same events, flat, for checks and probes. */
  events: FlatEvent[];
  heavyContactId: string;
  typicalContactId: string;
}

const DAY = 86_400_000;
const FIRST = ['Nadia', 'Tom', 'Priya', 'Lukas', 'Mei', 'Omar', 'Sofia', 'Jake', 'Aiko', 'Diego', 'Hannah', 'Kwame', 'Elena', 'Ravi', 'Chloe', 'Ivan'];
const LAST = ['Park', 'Okafor', 'Schmidt', 'Nguyen', 'Rossi', 'Haddad', 'Kowalski', 'Silva', 'Tanaka', 'Murphy', 'Berg', 'Costa', 'Ahmed', 'Lind'];
const PLATFORMS = ['x', 'x', 'x', 'x', 'x', 'x', 'wordpress', 'wordpress', 'reddit', 'reddit', 'discourse'] as const;
const TEXTS = [
  'I was charged twice for my subscription this month and nobody answers my emails. Fix this now.',
  'Your app keeps crashing every time I open it since the last update. This is ridiculous.',
  'My order never arrived, tracking has said in transit for three weeks. Where is my package?',
  'Why can I still not log in? Password reset emails never come. Completely unacceptable.',
  'Still waiting for my refund after 30 days. Terrible service, I want my money back.',
  'The site has been down all morning and I cannot access my account. Is anyone even working there?',
  'Third time asking: cancel my account and stop billing my card. Worst company ever.',
  'Is there a way to export my invoices? I cannot find it anywhere in the settings.',
];
const CUES = ['charged twice', 'nobody answers', 'ridiculous', 'never arrived', 'unacceptable', 'worst', 'refund', 'cancel'];
const REPLY = 'Hi, I am sorry about this. I have asked our billing team to look at your account and will get back to you by Tuesday. Jane Doe, Customer Support Lead, Acme, +1 555 0100';
const STATUSES = ['open', 'open', 'waiting', 'resolved', 'resolved'] as const;

/** mulberry32: small, seeded, the same sequence in Node and in the page. */
function randomFrom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateRecords(opts: GenerateOptions): GeneratedRecords {
  const { now } = opts;
  const random = randomFrom(opts.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const events: FlatEvent[] = [];
  // Schema v5: each event is stored in its interaction (rec.events, without interactionId and
  // contactId); the flat list, as an export lists them, is kept for checks and probes.
  const log = (rec: StoredInteraction, e: StoredEvent) => {
    rec.events.push(e);
    events.push({ interactionId: rec.id, contactId: rec.contactId, ...e });
  };

  const contacts: Contact[] = [];
  for (let c = 0; c < opts.contacts; c++) {
    const first = pick(FIRST), last = pick(LAST), platform = pick(PLATFORMS);
    const handle = (first + last + c).toLowerCase();
    const name = `${first} ${last}`;
    const seen = now - Math.floor(random() * 365 * DAY);
    contacts.push({
      id: `${platform}:${handle}`, platform, name, handle,
      firstSeenAt: seen, lastSeenAt: seen, lastPermalink: null, searchWords: searchWordsFor(name, handle),
    });
  }

  const interactions: StoredInteraction[] = [];
  // The latest interaction of each contact by [firstSeenAt, id], for its summary's lastStatus.
  const latest = new Map<Contact, StoredInteraction>();
  for (let i = 0; i < opts.interactions; i++) {
    // The first HEAVY interactions all belong to contact 0, the worst returning customer.
    const contact = i < HEAVY_INTERACTIONS ? contacts[0]! : contacts[Math.floor(random() * contacts.length)]!;
    const at = Math.max(contact.firstSeenAt, now - Math.floor(random() * 365 * DAY));
    const permalink = contact.platform === 'x' ? `https://x.com/${contact.handle}/status/${1800000000000000000 + i * 7919}`
      : contact.platform === 'reddit' ? `https://www.reddit.com/r/acme/comments/${i.toString(36)}/_/c${i}`
      : contact.platform === 'discourse' ? `https://community.acme.example/t/topic/${4000 + (i % 900)}/${i}`
      : `https://blog.example.org/2026/11/post/#comment-${9000 + i}`;
    const severity = (1 + Math.floor(random() * 4)) as Severity;
    const status = pick(STATUSES);
    const text = `${pick(TEXTS)} (#${i})`;
    const score = 0.55 + random() * 0.44;
    const signals = { brand: true, churn: random() < 0.2, abuse: random() < 0.05, question: random() < 0.3, urgency: random() < 0.2 };
    const cues = [pick(CUES), pick(CUES)];
    const rec: StoredInteraction = {
      id: permalink, contactId: contact.id, platform: contact.platform, postId: String(i), permalink,
      text, severity, score, complaint: true, signals,
      cues, themes: themesOf(text), status, firstSeenAt: at, lastEventAt: at,
      events: [],
    };
    log(rec, { at, type: 'flagged', severity });
    if (status !== 'open') {
      rec.firstReplyAt = at + 3_600_000;
      rec.lastReply = REPLY;
      rec.lastEventAt = rec.firstReplyAt;
      log(rec, { at: rec.firstReplyAt, type: 'reply-inserted', text: REPLY, templateId: 'apology' });
    }
    if (status === 'resolved') {
      rec.resolvedAt = at + 2 * DAY;
      rec.lastEventAt = rec.resolvedAt;
      log(rec, { at: rec.resolvedAt, type: 'status', status: 'resolved' });
    }
    if (status === 'waiting' && i % 20 === 0) {
      // About 1% carry a promised follow-up; most are past due and half of those are done.
      const repliedAt = rec.firstReplyAt!;
      rec.followUpAt = at + 2 * DAY;
      rec.followUpDone = i % 40 === 0;
      log(rec, { at: repliedAt + 1, type: 'follow-up-set', dueAt: rec.followUpAt });
      // Every event moves lastEventAt (lib/db/log.ts).
      rec.lastEventAt = Math.max(rec.lastEventAt, repliedAt + 1);
    }
    if (rec.followUpAt !== undefined && !rec.followUpDone && rec.status !== 'resolved') {
      rec.followUpDue = rec.followUpAt;
      if (contact.followUpDue === undefined || rec.followUpDue < contact.followUpDue) contact.followUpDue = rec.followUpDue;
    }
    if (rec.lastEventAt > contact.lastSeenAt) {
      contact.lastSeenAt = Math.min(rec.lastEventAt, now);
      contact.lastPermalink = permalink;
    }
    // The stored summary (lib/db/summary.ts): count, status of the latest by [firstSeenAt, id], worst severity, earliest pending follow-up.
    contact.interactionCount = (contact.interactionCount ?? 0) + 1;
    if (!contact.maxSeverity || severity > contact.maxSeverity) contact.maxSeverity = severity;
    const prev = latest.get(contact);
    if (!prev || at > prev.firstSeenAt || (at === prev.firstSeenAt && rec.id > prev.id)) {
      latest.set(contact, rec);
      contact.lastStatus = status;
    }
    interactions.push(rec);
  }
  for (const contact of contacts) {
    if (!contact.interactionCount) {
      contact.interactionCount = 0;
      contact.maxSeverity = 0;
    }
  }
  return { contacts, interactions, events, heavyContactId: contacts[0]!.id, typicalContactId: contacts[1]!.id };
}
