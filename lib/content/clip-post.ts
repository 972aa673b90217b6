import { POST_LIMITS } from '../model/post-limits';
import type { Post } from '../types';
import { packSeen, type SeenItem } from '../seen-wire';
import { isWebUrl } from '../web-url';

/** What a message carries of a post's words: the database keeps at most a few thousand characters anyway. */
export const MESSAGE_TEXT_MAX = 10_000;

/** Cuts at `max` UTF-16 units without leaving half a surrogate pair (an emoji) at the end. */
export function clipText(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

function hash36(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/**
 * A post as the page gave it, fitted to what the background accepts (lib/db/records.ts
 * POST_LIMITS): names and handles shortened, words shortened, a link too long or not http(s)
 * dropped (half a link is a wrong link), an over-long id replaced by a stable hash of itself.
 * The page decides these fields, so the content script fits them rather than letting one
 * post's 245-character author name refuse the whole batch.
 */
export function clipPost(post: Post): Post {
  const permalink =
    post.permalink !== null && post.permalink.length <= POST_LIMITS.permalink && isWebUrl(post.permalink) ? post.permalink : null;
  const id = post.id.length <= POST_LIMITS.id ? post.id : `${post.id.slice(0, POST_LIMITS.id - 12)}#${hash36(post.id)}`;
  const clipped: Post = {
    id,
    platform: post.platform,
    author: clipText(post.author, POST_LIMITS.author),
    handle: clipText(post.handle, POST_LIMITS.handle),
    text: clipText(post.text, MESSAGE_TEXT_MAX),
    permalink,
    time: post.time !== null && post.time.length <= POST_LIMITS.time ? post.time : null,
  };
  if (post.quoted !== undefined) clipped.quoted = clipText(post.quoted, MESSAGE_TEXT_MAX);
  return clipped;
}

/**
 * Every message leaves the content script through this: the one place posts are fitted, so no
 * sender (the scanner's batches, the helper's actions, the context menu's ad-hoc post) can forget.
 */
export function fitMessage<M extends { type: string }>(msg: M): M {
  const m = msg as M & { post?: Post; items?: Array<{ post?: Post }> };
  if (m.post) return { ...m, post: clipPost(m.post) };
  // Posts batches carry posts; a score batch carries words only, already clipped (session.ts).
  // A posts batch leaves in columns (lib/seen-wire.ts); the background unpacks it. Not M's shape
  // any more, which is why this is the last step before the message is sent.
  if (m.type === 'cs→bg:posts-seen' && Array.isArray(m.items)) {
    const items = (m.items as SeenItem[]).map((item) => ({ post: clipPost(item.post), verdict: item.verdict }));
    return { type: m.type, seen: packSeen(items) } as unknown as M;
  }
  return msg;
}
