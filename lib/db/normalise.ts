import type { Post } from '../types';

/** Longest customer text we keep per interaction: enough to quote, small enough for quota. */
export const MAX_TEXT = 4_000;

export function truncate(text: string, max = MAX_TEXT): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * Characters that change how a name looks or reads without being letters: zero-width
 * spaces and joiners, the soft hyphen, word joiners and invisible operators, the byte-order
 * mark, and every bidi control (LRM/RLM/ALM, embeddings, overrides, isolates). A page can use
 * them to make "al\u200Bice" or "\u202Eecila" look like alice: removed before matching, and from
 * what we show.
 */
const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/g;

/** A name or handle as shown: invisible and bidi-control characters removed, nothing else changed. */
export function stripInvisible(s: string): string {
  return s.replace(INVISIBLE, '');
}

/**
 * The form two spellings of one name are compared in: NFKC folds compatibility look-alikes
 * (fullwidth "ａｌｉｃｅ", ligatures, superscripts) into the plain letters, invisibles removed.
 */
export function matchingForm(s: string): string {
  return stripInvisible(s.normalize('NFKC'));
}

/**
 * One spelling per person: "@Jane_Doe ", "jane_doe" and "https://x.com/Jane_Doe/" are the
 * same customer. Profile links keep only the last path segment (the handle), so
 * "https://example.org/users/jane/" → "jane".
 */
export function normaliseHandle(handle: string): string {
  const strip = (h: string) => h.replace(/^[@\s]+/, '').replace(/[\s/]+$/, '');
  let h = strip(matchingForm(handle).toLowerCase());
  const url = /^(?:[a-z][a-z0-9+.-]*:)?\/\//;
  if (url.test(h)) {
    const segments = h.replace(url, '').replace(/[?#].*$/, '').split('/').filter(Boolean);
    // A bare host ("blog.example.org") is its own identity; otherwise the handle is the last segment.
    h = strip(segments.length > 1 ? segments[segments.length - 1]! : (segments[0] ?? ''));
  }
  return h;
}

/** Where a post was seen, for platforms that run on many hosts (see PostInputSchema.site). */
type Sited = { site?: string };

/**
 * `${platform}:${handle}` (or `${platform}@${site}:${handle}` for a platform on many hosts),
 * falling back to the display name when the page shows no handle.
 */
export function contactIdFor(post: Pick<Post, 'platform' | 'handle' | 'author'> & Sited): string {
  const handle = normaliseHandle(post.handle);
  const who = handle || `name:${matchingForm(post.author).trim().toLowerCase().replace(/\s+/g, ' ')}`;
  return `${post.platform}${post.site ? `@${post.site}` : ''}:${who}`;
}

/**
 * The same post seen twice is one interaction: keyed by permalink (checked to be on the host
 * that sent it), or by post id, with its host for a platform on many hosts, without one.
 */
export function interactionIdFor(post: Pick<Post, 'platform' | 'id' | 'permalink'> & Sited): string {
  return post.permalink ? post.permalink.trim() : `${post.platform}:post:${post.site ? `${post.site}/` : ''}${post.id}`;
}

/** Lowercase word tokens for prefix search: letters and digits, accents folded. */
export function searchTokens(text: string): string[] {
  return stripInvisible(text)
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
