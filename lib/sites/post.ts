import { hashId } from '../model/hash';
import type { Platform, Post } from '../types';
import { foldWhitespace } from './dom';

/** Short id prefixes: ids end up in the DOM (`data-frontline-post`) and in the store. */
export const ID_PREFIX: Partial<Record<Platform, string>> = { wordpress: 'wp', hackernews: 'hn', stackexchange: 'se' };

export interface PostParts {
  platform: Platform;
  /** Site-native id (status id, comment id); the platform prefix is added here. */
  nativeId?: string | null;
  /**
   * Host the native id is unique on. Self-hosted software numbers comments per site, so comment 45
   * on one WordPress blog is not comment 45 on another: their ids carry the host.
   */
  scope?: string;
  author: string;
  handle?: string | null;
  text: string;
  quoted?: string | null;
  permalink?: string | null;
  time?: string | null;
}

/**
 * A Post from what an adapter read, or null when there is nothing a person could answer
 * (no author or no words: deleted stubs, templates, empty shells).
 */
export function buildPost(p: PostParts): Post | null {
  const author = foldWhitespace(p.author);
  const text = foldWhitespace(p.text);
  if (!author || !text) return null;
  const prefix = ID_PREFIX[p.platform] ?? p.platform;
  const permalink = p.permalink ?? null;
  const id = p.nativeId
    ? `${prefix}:${p.scope ? `${p.scope}/` : ''}${p.nativeId}`
    : permalink
      ? `${prefix}:${permalink}`
      : `${prefix}:h${hashId(`${author}\n${text}`)}`;
  const post: Post = {
    id,
    platform: p.platform,
    author,
    handle: foldWhitespace(p.handle ?? ''),
    text,
    permalink,
    time: p.time ?? null,
  };
  const quoted = foldWhitespace(p.quoted ?? '');
  if (quoted) post.quoted = quoted;
  return post;
}

/**
 * Adapters promise never to throw into the page: a post that cannot be read is not a post.
 * Marked free of side effects so a bundle that imports only an adapter file's descriptor (the
 * gate) drops the reader it wraps.
 */
export /*#__NO_SIDE_EFFECTS__*/ function neverThrows<A extends unknown[], R>(read: (...args: A) => R | null): (...args: A) => R | null {
  return (...args) => {
    try {
      return read(...args);
    } catch {
      return null;
    }
  };
}
