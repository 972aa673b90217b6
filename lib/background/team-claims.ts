import { getInteractions, type FrontlineDB } from '../db';
import { CLAIMS_SHOWN, type OpenClaim, type PageResponseOf } from '../messages';
import { loadTeamSettings } from '../settings/team';
import { CouchError } from '../sync/couch-client';
import { openClaims } from '../sync/claims';
import { now as clockNow } from '../time/clock';
import { clientFor } from './team-sync';

const PREVIEW = 200;
const httpLink = (s: string | null | undefined) => (s && /^https?:\/\//i.test(s) ? s : null);

/**
 * The Team view's "Open claims": the live claims on the team server, each placed with what this
 * browser's log knows of the post (the customer's name, the post's opening words). Claims carry
 * only a post id, so a post this browser never saw shows as its link. Never throws: an
 * unreachable or refusing server is a `problem` in words.
 */
export async function listOpenClaims(db: FrontlineDB): Promise<PageResponseOf<'page→bg:team-claims'>> {
  const { settings } = await loadTeamSettings();
  if (!settings.enabled) return { enabled: false, claims: [], more: 0, problem: null };
  const now = clockNow();
  let live;
  try {
    live = await openClaims(clientFor(settings), now);
  } catch (error) {
    const why = error instanceof CouchError ? error.message : 'the answer could not be read';
    return { enabled: true, claims: [], more: 0, problem: `The team server could not be asked for open claims: ${why}` };
  }
  const shown = live.claims.slice(0, CLAIMS_SHOWN);
  const interactions = await getInteractions(db, shown.map((c) => c.interactionId));
  const contacts = await db.contacts.bulkGet([...new Set(interactions.filter((i) => i !== undefined).map((i) => i.contactId))]);
  const contactById = new Map(contacts.filter((c) => c !== undefined).map((c) => [c.id, c]));
  const claims: OpenClaim[] = shown.map((c, n) => {
    const i = interactions[n];
    const contact = i ? contactById.get(i.contactId) : undefined;
    return {
      agent: c.agent,
      at: c.at,
      expiresAt: c.expiresAt,
      mine: c.agent === settings.user,
      customer: contact ? (contact.name || contact.handle).slice(0, 300) : null,
      contactId: contact?.id ?? null,
      postText: i ? (i.text.length > PREVIEW ? `${i.text.slice(0, PREVIEW)}…` : i.text) : null,
      permalink: httpLink(i?.permalink) ?? httpLink(c.interactionId),
    };
  });
  const notes: string[] = [];
  if (live.refused > 0) notes.push(`${live.refused} claim document(s) on the server were not Frontline's and were ignored.`);
  if (live.capped) notes.push('The server holds more claim documents than are read at once; some claims may be missing.');
  return { enabled: true, claims, more: live.claims.length - shown.length, problem: notes.length ? notes.join(' ') : null };
}
