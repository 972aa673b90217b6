import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { inertWindow } from '../../../scripts/sites/extract-page';
import { expect } from 'vitest';
import { decodePage } from '../../../lib/sites/decode';
import { readPostsOnPage, readPostsWith } from '../../../lib/sites/index';
import type { SiteAdapter } from '../../../lib/sites/types';
import type { Post } from '../../../lib/types';

export const FIXTURES = join(__dirname, '../../fixtures/sites');

/** Parse HTML as inert markup (no page scripts), the way extract and the tests see a saved page. */
export function parsePage(html: string, url: string): Document {
  const window = inertWindow(url);
  window.document.write(html);
  return window.document as unknown as Document;
}

export function loadFixture(rel: string, url: string): Document {
  return parsePage(decodePage(readFileSync(join(FIXTURES, rel))), url);
}

export interface ExpectedPost {
  author: string;
  handle?: string;
  textStart: string;
  permalink: string | null;
  id?: string;
}

export interface Expected {
  file: string;
  url: string;
  count: number;
  posts: ExpectedPost[];
}

export function loadExpected(rel: string): Expected {
  return JSON.parse(readFileSync(join(FIXTURES, rel), 'utf8')) as Expected;
}

/** Compare posts with a careful person's reading: same count and order, author, first 40 characters, permalink. */
export function expectPostsMatch(posts: Post[], expected: ExpectedPost[]): void {
  expect(posts.map((p) => p.author)).toEqual(expected.map((e) => e.author));
  expect(posts.map((p) => p.text.slice(0, 40))).toEqual(expected.map((e) => e.textStart.slice(0, 40)));
  expect(posts.map((p) => p.permalink)).toEqual(expected.map((e) => e.permalink));
  for (const [i, e] of expected.entries()) {
    if (e.handle) expect(posts[i]!.handle).toBe(e.handle);
  }
}

/** Read a fixture that has an .expected.json beside it, through the page-level entry point. */
export function readExpectedFixture(dir: string, base: string): { posts: Post[]; expected: Expected } {
  const expected = loadExpected(`${dir}/${base}.expected.json`);
  const doc = loadFixture(`${dir}/${expected.file}`, expected.url);
  return { posts: readPostsOnPage(doc, new URL(expected.url)), expected };
}

export function readFixtureWith(adapter: SiteAdapter, rel: string, url: string): Post[] {
  return readPostsWith(adapter, loadFixture(rel, url), new URL(url));
}

/**
 * An adapter's cheap read must name and word every post exactly as its full read does (the
 * scanner marks posts by the light read; only flagged ones are read in full). Returns how many
 * posts were compared, so a test can insist the pages held some.
 */
export function expectLightReadParity(adapter: SiteAdapter, pages: ReadonlyArray<readonly [string, Document]>): number {
  let compared = 0;
  for (const [name, doc] of pages) {
    const url = new URL(doc.URL);
    for (const el of adapter.findPosts(doc)) {
      const full = adapter.readPost(el, url);
      const light = adapter.readLight!(el, url)?.post;
      expect(light?.id, name).toBe(full?.id);
      expect(light?.text, name).toBe(full?.text);
      expect(light?.quoted, name).toBe(full?.quoted);
      // Completing the light read (SiteReader.completeRead) gives the full read's post, field for field.
      if (adapter.completeRead && light) expect(adapter.completeRead(el, url, light), name).toEqual(full);
      if (full) compared += 1;
    }
  }
  return compared;
}

/** Every saved page in one fixture folder, parsed under a URL of that site. */
export function fixturePages(folder: string, url: string): Array<[string, Document]> {
  return readdirSync(join(FIXTURES, folder))
    .filter((f) => f.endsWith('.html'))
    .map((f) => [f, loadFixture(`${folder}/${f}`, url)]);
}
