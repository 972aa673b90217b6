import { z } from 'zod';
import { POST_LIMITS } from './post-limits';
import { PLATFORMS } from './platforms';

/**
 * The longest field a post may carry into a write; anything longer is refused at the boundary
 * (messages, the store); the content script clips to them first (lib/content/clip-post.ts), so a
 * long WordPress author name (245 allowed) is shortened on the page instead of refused. Text is
 * longer than what is stored: the store truncates it, not refuses.
 */
export { POST_LIMITS };

const text = (max: number) => z.string().max(max);

/** One customer post as a site adapter reads it. */
export const PostSchema = z.object({
  /** Stable id: site-native id where there is one (X status id, comment id), else derived from the permalink or text. */
  id: text(POST_LIMITS.id).min(1),
  platform: z.enum(PLATFORMS),
  /** Display name. */
  author: text(POST_LIMITS.author),
  /** Handle (`@name`) or profile URL; '' when the page shows none. */
  handle: text(POST_LIMITS.handle),
  /** The post's own visible words; quoted text of another post is kept apart in `quoted`. */
  text: text(POST_LIMITS.text),
  quoted: text(POST_LIMITS.quoted).optional(),
  permalink: text(POST_LIMITS.permalink).nullable(),
  /** ISO 8601 where the page gives a machine-readable time, else null. */
  time: text(POST_LIMITS.time).nullable(),
  /**
   * The host the post was seen on, for platforms that run on any host (WordPress, Discourse,
   * Mastodon, forums, generic pages): set by the background from the sending frame's URL, never
   * by the page (lib/background/scope.ts). `sam` on two forums is two people.
   */
  site: text(255).optional(),
});
export type Post = z.infer<typeof PostSchema>;
