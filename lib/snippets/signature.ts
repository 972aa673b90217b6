import { firstName, type AgentProfile } from './profile';

/**
 * Signatures: a real person with a real way to reach them.
 * Missing profile fields are left out rather than shown empty.
 */

/** "—\nJane Doe\nCustomer Support Lead, Acme\n+1 555 0100 · jane@acme.com"; '' without a name. */
export function fullSignature(profile: AgentProfile): string {
  const name = profile.fullName.trim();
  if (!name) return '';
  const role = [profile.title.trim(), profile.company.trim()].filter(Boolean).join(', ');
  const contact = [profile.phone.trim(), profile.email.trim()].filter(Boolean).join(' · ');
  return ['—', name, role, contact].filter(Boolean).join('\n');
}

/** The profile fields a signature may show; the agent picks which go on public posts, per kind of site. */
export const SIGNATURE_FIELDS = ['fullName', 'title', 'company', 'phone', 'email'] as const;
export type SignatureField = (typeof SIGNATURE_FIELDS)[number];

/** Which fields sign a reply on short-form sites (X, Bluesky, Mastodon) and on blogs and forums. */
export interface SignatureChoice {
  shortForm: readonly SignatureField[];
  longForm: readonly SignatureField[];
}

/** Name and company on public short posts, where a personal phone or email would be broadcast; the full block elsewhere. */
export const DEFAULT_SIGNATURE_CHOICE: SignatureChoice = {
  shortForm: ['fullName', 'company'],
  longForm: ['fullName', 'title', 'company', 'phone', 'email'],
};

/** The profile with every field the agent left out of this signature emptied. */
export function onlyFields(profile: AgentProfile, fields: readonly SignatureField[]): AgentProfile {
  const keep = new Set<string>(fields);
  return {
    ...profile,
    fullName: keep.has('fullName') ? profile.fullName : '',
    title: keep.has('title') ? profile.title : '',
    company: keep.has('company') ? profile.company : '',
    phone: keep.has('phone') ? profile.phone : '',
    email: keep.has('email') ? profile.email : '',
  };
}

/** "— Jane Doe, Support Lead, Acme · +1 555 0100": the chosen fields on one line, for short posts; '' without a name. */
export function lineSignature(profile: AgentProfile): string {
  const name = profile.fullName.trim();
  if (!name) return '';
  const role = [profile.title.trim(), profile.company.trim()].filter(Boolean);
  const contact = [profile.phone.trim(), profile.email.trim()].filter(Boolean).join(' · ');
  return `— ${[name, ...role].join(', ')}${contact ? ` · ${contact}` : ''}`;
}

/** "— Jane, Acme Support" for short-form sites; falls back to "— Jane" without a company. */
export function shortSignature(profile: AgentProfile): string {
  const first = firstName(profile.fullName);
  if (!first) return '';
  const company = profile.company.trim();
  return company ? `— ${first}, ${company} Support` : `— ${first}`;
}

/** "^JD": the convention brand accounts on X use to say which person wrote a post. */
export function initialsSignature(profile: AgentProfile): string {
  const words = profile.fullName.trim().split(/\s+/).filter((w) => /\p{L}/u.test(w));
  // First and last name only: "Jane van der Berg" signs "^JB", as people do by hand.
  const picked = words.length > 1 ? [words[0]!, words[words.length - 1]!] : words;
  const initials = picked
    .map((word) => [...word.replace(/^[^\p{L}]+/u, '')][0] ?? '')
    .join('')
    .toUpperCase();
  return initials ? `^${initials}` : '';
}

/** Where the signature starts: a block from a line opening with "—", or "^JD" at the very end (the forms fit.ts writes). */
export function signatureStart(draft: string): number {
  const m = /\n—[^\n]*(?:\n[^\n]*)*$| \^\p{Lu}{1,4}$/u.exec(draft);
  return m ? m.index : draft.length;
}
