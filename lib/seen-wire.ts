import type { Platform } from './model/platforms';
import type { Severity } from './model/severity';
import { SIGNAL_BITS } from './score-wire';
import type { Post } from './types';

/**
 * The posts-seen batch in columns (issue 18), for the same reason as the score messages
 * (lib/score-wire.ts): the page's main thread serialised an object per post and one per verdict
 * and signals, ~10–16 µs a flagged post on the flood pages, the largest item of the scoring path
 * after the readers. The content script packs the batch as it leaves (lib/content/clip-post.ts
 * fitMessage); the background unpacks it into items and checks each on its own, as before
 * (lib/background/post-items.ts): one post the page made invalid still costs only that post.
 */
export interface SeenColumns {
  id: string[];
  platform: Platform[];
  author: string[];
  handle: string[];
  text: string[];
  permalink: Array<string | null>;
  time: Array<string | null>;
  /** [index, words] for the few posts that quote another. */
  quoted: Array<[number, string]>;
  complaint: boolean[];
  score: number[];
  severity: Severity[];
  /** A bit per SIGNAL_BITS entry (lib/score-wire.ts). */
  signals: number[];
}

/** A seen post as the content script sends it: the verdict's cues left for the background to derive. */
export interface SeenItem {
  post: Post;
  verdict: { complaint: boolean; score: number; severity: Severity; signals: Record<(typeof SIGNAL_BITS)[number], boolean> };
}

export function packSeen(items: readonly SeenItem[]): SeenColumns {
  const c: SeenColumns = { id: [], platform: [], author: [], handle: [], text: [], permalink: [], time: [], quoted: [], complaint: [], score: [], severity: [], signals: [] };
  for (let i = 0; i < items.length; i += 1) {
    const { post, verdict } = items[i] as SeenItem;
    c.id[i] = post.id;
    c.platform[i] = post.platform;
    c.author[i] = post.author;
    c.handle[i] = post.handle;
    c.text[i] = post.text;
    c.permalink[i] = post.permalink;
    c.time[i] = post.time;
    if (post.quoted !== undefined) c.quoted[c.quoted.length] = [i, post.quoted];
    c.complaint[i] = verdict.complaint;
    c.score[i] = verdict.score;
    c.severity[i] = verdict.severity;
    let bits = 0;
    for (let b = 0; b < SIGNAL_BITS.length; b += 1) if (verdict.signals[SIGNAL_BITS[b]!]) bits |= 1 << b;
    c.signals[i] = bits;
  }
  return c;
}

/**
 * Back into one object per post, each field as the page sent it (unchecked: the caller parses
 * every item with PostItemSchema). A signals entry that is not a small whole number gives a
 * signals object that fails that parse, so the item is dropped, never read as "no signals".
 */
export function unpackSeen(c: { [K in keyof SeenColumns]: readonly unknown[] }): unknown[] {
  const items = c.id.map((id, i) => {
    const bits = c.signals[i];
    const ok = typeof bits === 'number' && Number.isInteger(bits) && bits >= 0 && bits < 1 << SIGNAL_BITS.length;
    const signals = ok ? Object.fromEntries(SIGNAL_BITS.map((s, b) => [s, (bits & (1 << b)) !== 0])) : null;
    return {
      post: { id, platform: c.platform[i], author: c.author[i], handle: c.handle[i], text: c.text[i], permalink: c.permalink[i], time: c.time[i] },
      verdict: { complaint: c.complaint[i], score: c.score[i], severity: c.severity[i], signals },
    };
  });
  for (const pair of c.quoted) {
    if (!Array.isArray(pair) || pair.length !== 2) continue;
    const [i, words] = pair as [unknown, unknown];
    const item = typeof i === 'number' ? items[i] : undefined;
    if (item) (item.post as Record<string, unknown>).quoted = words;
  }
  return items;
}
