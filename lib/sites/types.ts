import type { Platform, Post } from '../types';
import type { SiteDescriptor } from './descriptor';

/** One selector, kept as data so a test can prove it still matches the saved page it was written for. */
export interface CheckedSelector {
  css: string;
  /** Fixture file (under test/fixtures/sites/) the selector was checked against. */
  checkedAgainst: string;
}

/**
 * A site as the scanner uses it: its descriptor (data) and its reader. Adapters write the two
 * parts (defineAdapter, lib/sites/define.ts); platform, name, matches, sniff and generator are
 * derived from the descriptor.
 */
export interface SiteAdapter extends SiteReader {
  site: SiteDescriptor;
  platform: Platform;
  /** Which engine this reads, where several adapters share a platform ('forum'); defaults to the platform. */
  name?: string;
  /** Cheap host/path test: no DOM reads. */
  matches(url: URL): boolean;
  /**
   * Self-hosted software (WordPress, Discourse, phpBB...) lives on any host, so the host test cannot
   * find it: a selector that matches only pages of this software that carry posts. Kept as data so
   * the registry can test all of them in one document scan (lib/sites/index.ts adapterForPage); derived from the descriptor.
   */
  sniff?: string;
  /** `<meta name="generator">` content naming this software ("vBulletin 6.0.6", "Discourse 3.2"). */
  generator?: RegExp;
}

/**
 * A light read (SiteReader.readLight) and what the full read of the same element may reuse
 * (ARCHITECTURE.md, "Performance contracts"). Pass it to readPost in the same task as the light
 * read, or not at all: X recycles elements for other tweets once the page runs again, and a kept
 * light read would then describe a tweet the element no longer shows.
 */
export interface LightRead {
  post: Post;
  /** The adapter's own: the element and what was read from it (X: the tweet's words and status link). */
  reuse?: { el: Element; found: unknown };
}

/** The reading half of an adapter: what it does with the DOM. */
export interface SiteReader {
  /** Selectors as data, each with the fixture file it was checked against. */
  selectors: Record<string, CheckedSelector>;
  /** Post elements under root (the document or an added subtree; root itself included when it is a post). */
  findPosts(root: ParentNode): Element[];
  /**
   * Optional, where findPosts is a selector search (postsUnder): whether this element itself is a
   * post, so that findPosts(root) = [root if isPost(root)] + findPosts of each child. Given, the
   * scanner searches a huge page child by child from the viewport on (lib/scan/piecewise.ts)
   * instead of in one long task.
   */
  isPost?(el: Element): boolean;
  /**
   * Read one post element; null when it is not a readable post (deleted, template, empty). Never
   * throws. Given the light read of the same element (`light`), it may reuse what that found
   * instead of walking the element again; without one it always reads afresh.
   */
  readPost(el: Element, pageUrl: URL, light?: LightRead): Post | null;
  /**
   * Optional cheap read for busy feeds: the same id, text and quoted text as readPost (a parity
   * test holds each adapter to that), but author, handle, permalink and time left empty. The
   * scanner reads every post this way; only posts that turn out flagged are read in full.
   */
  readLight?(el: Element, pageUrl: URL): LightRead | null;
  /**
   * Optional: the full read of a post whose light read (`light`: its id and words, scored since) may
   * be from an earlier task. Reads only what the light read left empty and keeps its id and words,
   * the ones the verdict is about; the same post as readPost gives (a parity test holds each adapter
   * to that). Only for sites whose elements keep showing one post: the element's id is read again,
   * and a post it no longer shows comes back with another id (or null). Saves walking a flagged
   * post's words twice: on a flood every post is flagged (issue 18).
   */
  completeRead?(el: Element, pageUrl: URL, light: Post): Post | null;
  /** The reply box for this post if present (textarea, input, contenteditable), else null. */
  findComposer(el: Element, doc: Document): HTMLElement | null;
  /** Click the site's own "Reply" control so its composer appears; true when something was clicked. */
  openComposer?(el: Element): boolean;
}
