import type { SiteAdapter } from '../types';
import { engineAdapter } from '../engine';
import { QUOTE } from '../reader/parts';

/**
 * A reader the agent taught on one host ("Read posts like this one"): three selectors, derived from
 * one post the agent right-clicked (./derive.ts). The settings keep it per host
 * (lib/settings LearnedReaderSchema has the same shape); here it is only read.
 */
export interface LearnedReader {
  /** The repeated post block, matched in the whole document. */
  post: string;
  /** Inside a post: the author's name (a link to their profile where there is one). */
  author: string;
  /** Inside a post: the element holding the words. */
  text: string;
  /** Posts sit inside posts (threaded replies): each post's parts are its own, not its replies'. */
  nested?: boolean;
}

/** Taught on the page itself, so no saved page backs the selectors; registry.test.ts does not list it. */
const TAUGHT = 'taught by the agent on the page';

/** The learned reader as a site adapter: the engine machinery reads it (quotes apart, nested replies). */
export function learnedAdapter(reader: LearnedReader): SiteAdapter {
  const sel = (css: string) => ({ css, checkedAgainst: TAUGHT });
  return engineAdapter({
    name: 'learned',
    platform: 'generic',
    // Applied from settings for the host it was taught on, never found by the gate's probes.
    gate: {},
    selectors: {
      fingerprint: sel(reader.post),
      post: sel(reader.post),
      author: sel(reader.author),
      text: sel(reader.text),
      // Quotes as the generic reader knows them (a blockquote named like a body is the post itself).
      quote: sel(QUOTE),
      notOwn: sel('[class*="signature" i], .sig, [class*="editnote" i]'),
    },
    nested: reader.nested ?? false,
    // The whole id: 'thing_t1_abc' and 'thing_t1_xyz' share their first digits.
    nativeId: (el) => el.id || null,
  });
}
