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

/** How platforms are named in replies ("on X", "here on Reddit"). */
export const PLATFORM_NAMES: Readonly<Record<Platform, string>> = {
  x: 'X',
  wordpress: 'WordPress',
  blogger: 'Blogger',
  disqus: 'Disqus',
  discourse: 'Discourse',
  reddit: 'Reddit',
  hackernews: 'Hacker News',
  phpbb: 'phpBB',
  stackexchange: 'Stack Exchange',
  github: 'GitHub',
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
  vbulletin: 'vBulletin',
  // A forum engine read by its fingerprint (XenForo, Invision, NodeBB...): the engine's name means nothing to the customer.
  forum: 'the forum',
  generic: 'the web',
  web: 'the web',
};

/** First word of a display name, or '' when it does not look like a name (no letters, e.g. "1234"). */
export function firstName(fullName: string): string {
  const first = fullName.trim().replace(/^@/, '').split(/\s+/)[0] ?? '';
  return /\p{L}/u.test(first) ? first : '';
}
