/** Shared shapes that flow one way: page → adapter → scanner → detector → UI → background. */

export const PLATFORMS = [
  'x', 'wordpress', 'blogger', 'disqus', 'discourse', 'reddit', 'hackernews', 'phpbb',
  'stackexchange', 'github', 'mastodon', 'bluesky', 'vbulletin', 'forum', 'generic', 'web',
] as const;
export type Platform = (typeof PLATFORMS)[number];

/** One customer post as a site adapter reads it (DESIGN.md, `extract` output). */
export interface Post {
  /** Stable id: site-native id where there is one (X status id, comment id), else derived from the permalink or text. */
  id: string;
  platform: Platform;
  /** Display name. */
  author: string;
  /** Handle (`@name`) or profile URL; '' when the page shows none. */
  handle: string;
  /** The post's own visible words; quoted text of another post is kept apart in `quoted`. */
  text: string;
  quoted?: string;
  permalink: string | null;
  /** ISO 8601 where the page gives a machine-readable time, else null. */
  time: string | null;
}

export type Severity = 0 | 1 | 2 | 3 | 4;

export interface Signals {
  brand: boolean;
  churn: boolean;
  abuse: boolean;
  question: boolean;
  urgency: boolean;
}

/** What the detector says of a text. Pure data, no DOM. */
export interface Verdict {
  complaint: boolean;
  /** Calibrated probability that the text is a complaint. */
  score: number;
  severity: Severity;
  /** Words or phrases that drove the verdict, most important first. */
  cues: string[];
  signals: Signals;
}

export interface DetectOptions {
  /** Brand watch terms: names, @handles, product names (case-insensitive). */
  brandTerms?: readonly string[];
}
