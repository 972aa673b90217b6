import type { Post } from '../types';

/** Longest customer text we keep per interaction: enough to quote, small enough for quota. */
export const MAX_TEXT = 4_000;

export function truncate(text: string, max = MAX_TEXT): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * One spelling per person: "@Jane_Doe ", "jane_doe" and "https://x.com/Jane_Doe/" are the
 * same customer. Profile links keep only the last path segment (the handle), so
 * "https://example.org/users/jane/" → "jane".
 */
export function normaliseHandle(handle: string): string {
  const strip = (h: string) => h.replace(/^[@\s]+/, '').replace(/[\s/]+$/, '');
  let h = strip(handle.toLowerCase());
  const url = /^(?:[a-z][a-z0-9+.-]*:)?\/\//;
  if (url.test(h)) {
    const segments = h.replace(url, '').replace(/[?#].*$/, '').split('/').filter(Boolean);
    // A bare host ("blog.example.org") is its own identity; otherwise the handle is the last segment.
    h = strip(segments.length > 1 ? segments[segments.length - 1]! : (segments[0] ?? ''));
  }
  return h;
}

/** `${platform}:${handle}`, falling back to the display name when the page shows no handle. */
export function contactIdFor(post: Pick<Post, 'platform' | 'handle' | 'author'>): string {
  const handle = normaliseHandle(post.handle);
  const who = handle || `name:${post.author.trim().toLowerCase().replace(/\s+/g, ' ')}`;
  return `${post.platform}:${who}`;
}

/** The same post seen twice is one interaction: keyed by permalink, or by post id without one. */
export function interactionIdFor(post: Pick<Post, 'platform' | 'id' | 'permalink'>): string {
  return post.permalink ? post.permalink.trim() : `${post.platform}:post:${post.id}`;
}

/** Lowercase word tokens for prefix search: letters and digits, accents folded. */
export function searchTokens(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Words a contact can be found by: every token of the name and of the handle, plus the whole handle. */
export function searchWordsFor(name: string, handle: string): string[] {
  const words = new Set([...searchTokens(name), ...searchTokens(handle)]);
  const whole = normaliseHandle(handle);
  if (whole) words.add(whole);
  return [...words];
}
