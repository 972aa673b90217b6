import { z } from 'zod';

/** Every place a post can come from; a new site adds its id here (ARCHITECTURE.md, "Adding a site"). */
export const PLATFORMS = [
  'x', 'wordpress', 'blogger', 'disqus', 'discourse', 'reddit', 'hackernews', 'phpbb',
  'stackexchange', 'github', 'mastodon', 'bluesky', 'vbulletin', 'generic', 'web',
] as const;
export const PlatformSchema = z.enum(PLATFORMS);
export type Platform = z.infer<typeof PlatformSchema>;

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
  generic: 'the web',
  web: 'the web',
};

/** Site names in lists and filters: the reply names, with list-friendly words for the catch-alls. */
export const PLATFORM_LABELS: Readonly<Record<Platform, string>> = { ...PLATFORM_NAMES, generic: 'Forum', web: 'Web' };
