/**
 * Where a post was written is not what it says (issue 20, round 6). Tokens that only tell the
 * place or the platform's habits are marked so the features skip them, as they already skip
 * @mentions: links, a "cc"/"via"/"rt" that introduces a handle, and a phrase that names the
 * platform the post is on ("on Reddit", "in this forum", "on my blog"). Skipped tokens leave no
 * word, bigram or character n-gram, so such a post and the same words without them get one score.
 * The platform list is a broad list of sites and kinds of site, not words taken from any data set.
 */
import { hashString } from './hash';
import { TokenKind, type Scan } from './tokens';

const set = (words: readonly string[]) => new Set(words.map((w) => hashString(w)));

/** Words that only introduce the handle after them (tweets' and forums' conventions). */
const HANDLE_INTRO = set(['cc', 'rt', 'via', 'ht', 'attn']);
/** Prepositions that make the platform a place: "on Reddit", "in the forum", "from my blog". */
const PLACE_PREP = set(['on', 'in', 'at', 'from', 'via', 'over', 'across']);
const DETERMINER = set(['my', 'the', 'this', 'our', 'your', 'their', 'his', 'her', 'a', 'an', 'that']);
export const PLATFORMS = [
  'twitter', 'tweet', 'tweets', 'reddit', 'subreddit', 'facebook', 'fb', 'instagram', 'insta', 'linkedin',
  'youtube', 'tiktok', 'mastodon', 'bluesky', 'discord', 'telegram', 'whatsapp', 'snapchat', 'pinterest',
  'tumblr', 'quora', 'substack', 'trustpilot', 'yelp', 'twitch', 'weibo', 'vk', 'hackernews',
  // Kinds of place. Not "post" ("lost in the post" is the mail) nor "site" ("came on site").
  'forum', 'forums', 'blog', 'blogs', 'website', 'webpage', 'thread', 'comments', 'comment', 'feed',
  'newsletter', 'community', 'groupchat', 'dm', 'dms', 'internet', 'web', 'socials',
];
const PLATFORM = set(PLATFORMS);

const wordIs = (scan: Scan, t: number, words: Set<number>) => scan.tokenKind[t] === TokenKind.Word && words.has(scan.tokenHash[t]!);

/**
 * Marks in `skip` (1 = skip) the tokens of `scan` that only tell where the post was written.
 * @mentions are marked by the caller's own rule; here they count as handles for "cc @x".
 * Returns how many tokens were marked.
 */
export function markPlaces(scan: Scan, skip: Uint8Array): number {
  const n = scan.nTokens;
  let marked = 0;
  const mark = (t: number) => { if (skip[t] === 0) { skip[t] = 1; marked++; } };
  for (let t = 0; t < n; t++) {
    const kind = scan.tokenKind[t]!;
    if (kind === TokenKind.Url) { mark(t); continue; }
    if (kind === TokenKind.User) {
      // "cc @press", "h/t @writer", "via @site": the word before the handle goes with it.
      let b = t - 1;
      while (b >= 0 && wordIs(scan, b, HANDLE_INTRO) && t - b <= 2) { mark(b); b--; }
      continue;
    }
    if (wordIs(scan, t, PLATFORM) && t > 0) {
      let b = t - 1;
      if (wordIs(scan, b, DETERMINER) && b > 0) b--;
      if (wordIs(scan, b, PLACE_PREP)) for (let k = b; k <= t; k++) mark(k);
    }
  }
  return marked;
}
