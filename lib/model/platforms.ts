// No zod here (the schema is in post.ts): the popup's filters name platforms without loading zod (issue 22).

/** Every place a post can come from; a new site adds its id here (ARCHITECTURE.md, "Adding a site"). */
export const PLATFORMS = [
  'x', 'wordpress', 'blogger', 'disqus', 'discourse', 'reddit', 'hackernews', 'phpbb',
  'stackexchange', 'github', 'mastodon', 'bluesky', 'vbulletin', 'forum', 'generic', 'web',
] as const;
export type Platform = (typeof PLATFORMS)[number];

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

/** Site names in lists and filters: the reply names, with list-friendly words for the catch-alls. */
export const PLATFORM_LABELS: Readonly<Record<Platform, string>> = { ...PLATFORM_NAMES, forum: 'Forum', generic: 'Forum', web: 'Web' };
