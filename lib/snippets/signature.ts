import { firstName, type AgentProfile } from './profile';

/**
 * Signatures: a real person with a real way to reach them (ARCHITECTURE.md, "Be a person").
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
