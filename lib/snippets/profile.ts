import type { Platform } from '../types';

/** The agent as they present themselves (same shape as the profile in settings). */
export interface AgentProfile {
  fullName: string;
  title: string;
  company: string;
  phone: string;
  email: string;
  handle: string;
}

/** The customer being answered, as read from the page. */
export interface CustomerContext {
  name: string;
  handle: string;
  platform: Platform;
  postUrl: string;
}

export { PLATFORM_NAMES } from '../model/platforms';

/** First word of a display name, or '' when it does not look like a name (no letters, e.g. "1234"). */
export function firstName(fullName: string): string {
  const first = fullName.trim().replace(/^@/, '').split(/\s+/)[0] ?? '';
  return /\p{L}/u.test(first) ? first : '';
}
