/**
 * Ticket numbers a customer quotes in a post ("Ticket #48213 has had no reply", "case no.
 * 00123456", "order ACM-20931"), so the agent can file the conversation against them. Pure and
 * cheap: one regular expression over the post's text, no model.
 */
export interface TicketRef {
  /** What it is called in the post, capitalised: "Ticket", "Case", "Order". */
  kind: string;
  /** The number as written, without "#": "48213", "ACM-20931". */
  id: string;
  /** "Ticket #48213". */
  label: string;
}

const KINDS = 'ticket|case|request|order|incident|ref(?:erence)?|support id';
// A keyword, an optional "no." / "number" / "#" / ":", then an id that holds at least 3 digits:
// "ticket #48213", "case no. 00123456", "order: ACM-20931". Years and times are not ids.
const TICKET = new RegExp(String.raw`\b(${KINDS})\s*(?:no\.?|number|num\.?|id)?\s*[#:]?\s*#?((?:[A-Z]{2,6}-)?\d{3,12})\b`, 'gi');

export function findTicketRefs(text: string): TicketRef[] {
  const seen = new Set<string>();
  const found: TicketRef[] = [];
  for (const m of text.matchAll(TICKET)) {
    const word = m[1]!.toLowerCase();
    const id = m[2]!.toUpperCase();
    // "order 2024" or "ticket 2026" is a year, not an id.
    if (/^(?:19|20)\d\d$/.test(id)) continue;
    const kind = word === 'support id' ? 'Support ID' : word.startsWith('ref') ? 'Ref' : word[0]!.toUpperCase() + word.slice(1);
    const key = `${kind}:${id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    found.push({ kind, id, label: `${kind} #${id}` });
  }
  return found;
}
