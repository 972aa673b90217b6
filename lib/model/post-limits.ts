/**
 * How long each field of a post may be: the schema's limits (lib/model/post.ts), kept apart from
 * zod so the page's script can clip posts (lib/content/clip-post.ts) without building the schemas.
 */
export const POST_LIMITS = { id: 300, author: 200, handle: 500, text: 20_000, quoted: 20_000, permalink: 2_000, time: 64 } as const;
