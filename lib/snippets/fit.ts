import type { Platform } from '../types';
import type { AgentProfile } from './profile';
import { fullSignature, initialsSignature, lineSignature, onlyFields, shortSignature, type SignatureChoice } from './signature';
import { xWeightedLength, X_MAX_WEIGHTED_LENGTH } from './x-length';

export type SignatureKind = 'full' | 'short' | 'none';

export interface FittedReply {
  text: string;
  /** Length as the site counts it. */
  length: number;
  /** The site's limit, or null where replies are long-form. */
  limit: number | null;
  signature: SignatureKind;
  /** How far over the limit the text still is (0 when it fits). */
  overBy: number;
}

interface PlatformLimit {
  limit: number;
  measure: (text: string) => number;
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Only short-form sites have a limit a reply can realistically hit. */
const LIMITS: Partial<Record<Platform, PlatformLimit>> = {
  x: { limit: X_MAX_WEIGHTED_LENGTH, measure: xWeightedLength },
  // Mastodon counts characters, with every URL as 23, like X but without the weights.
  mastodon: { limit: 500, measure: (t) => [...t.replace(/https?:\/\/\S+/g, 'x'.repeat(23))].length },
  bluesky: { limit: 300, measure: (t) => [...graphemes.segment(t)].length },
};

/** The reply length limit of a platform, where a reply can realistically hit one; else null. */
export function replyLimitFor(platform: Platform): number | null {
  return LIMITS[platform]?.limit ?? null;
}

/**
 * Puts the right signature on an expanded reply for a site. `body` is the expanded text,
 * with or without the full signature (templates place it with ${SIGNATURE}). The full
 * block is kept when it fits; on a short-form site over its limit it is swapped for
 * "— Jane, Acme Support", then "^JD", then dropped — in that order, never touching the
 * agent's own words. If the words alone are too long, `overBy` says by how much.
 */
export function fitForPlatform(body: string, profile: AgentProfile, platform: Platform, choice?: SignatureChoice): FittedReply {
  // Templates place the whole block (${SIGNATURE}); it is found by that text and replaced.
  const placed = fullSignature(profile);
  const rule = LIMITS[platform];
  const hasFull = placed !== '' && body.includes(placed);
  const bare = hasFull ? body.replace(placed, '').replace(/\s+$/, '') : body.replace(/\s+$/, '');
  // With the agent's choice, only the fields they picked for this kind of site sign it.
  const signer = choice ? onlyFields(profile, rule ? choice.shortForm : choice.longForm) : profile;
  const full = choice && rule ? lineSignature(signer) : fullSignature(signer);
  const withFull = !full ? bare : hasFull && !choice ? body : `${bare}${choice && rule ? '\n' : '\n\n'}${full}`;
  if (!rule) return { text: withFull, length: [...withFull].length, limit: null, signature: full ? 'full' : 'none', overBy: 0 };

  const short = shortSignature(signer);
  const initials = initialsSignature(signer);
  const candidates: Array<[string, SignatureKind]> = [
    [withFull, full ? 'full' : 'none'],
    [short ? `${bare}\n${short}` : bare, short ? 'short' : 'none'],
    [initials ? `${bare} ${initials}` : bare, initials ? 'short' : 'none'],
    [bare, 'none'],
  ];
  for (const [text, signature] of candidates) {
    const length = rule.measure(text);
    if (length <= rule.limit) return { text, length, limit: rule.limit, signature, overBy: 0 };
  }
  const length = rule.measure(bare);
  return { text: bare, length, limit: rule.limit, signature: 'none', overBy: length - rule.limit };
}
