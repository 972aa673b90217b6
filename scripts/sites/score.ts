/**
 * Score the site readers on every saved page that has a reading to compare with:
 * - wild pages (test/fixtures/sites/wild): post count against SOURCES.tsv, text recall and precision
 *   against the WCXB ground truth where the page is a forum, and whether each author's name is on the page's
 *   main content;
 * - older fixtures with a `.expected.json`: count, authors and the first 40 characters, in order.
 * Used by scripts/score-sites.ts (the table) and test/unit/sites/wild-score.test.ts (the targets).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Post } from '../../lib/types';
import { extractPosts } from './extract-page';

export const SITE_FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../test/fixtures/sites');
const WILD = join(SITE_FIXTURES, 'wild');

/**
 * Held out from tuning: chosen by engine name before any of these pages was read closely, and never
 * opened while writing adapters or the generic reader. Their figures are reported apart.
 */
export const HELD_OUT = ['mybb', 'bbpress', 'insided-gainsight', 'drupal-comments', 'lemmy'] as const;

export interface WildPage {
  file: string;
  engine: string;
  url: string;
  expectedPosts: number;
  /** WCXB main content; null where the page has none (not from WCXB). */
  groundTruth: string | null;
  /** On an article page the ground truth is the article, not the comments: text is not scored. */
  isForum: boolean;
  heldOut: boolean;
}

export function wildPages(): WildPage[] {
  const rows = readFileSync(join(WILD, 'SOURCES.tsv'), 'utf8').trim().split('\n').slice(1);
  return rows.map((row) => {
    const [file, engine, , , , url, posts] = row.split('\t') as string[];
    const gtFile = join(WILD, file!.replace(/\.html$/, '.gt.json'));
    let groundTruth: string | null;
    let isForum = false;
    try {
      const gt = JSON.parse(readFileSync(gtFile, 'utf8')) as {
        ground_truth: { main_content: string };
        _internal?: { page_type?: { primary?: string } };
      };
      groundTruth = gt.ground_truth.main_content;
      isForum = gt._internal?.page_type?.primary === 'forum';
    } catch {
      groundTruth = null;
    }
    return {
      file: file!,
      engine: engine!,
      // One URL carries a note after it ("https://... (story id from page; ...)").
      url: url!.split(' ')[0]!,
      expectedPosts: Number(posts),
      groundTruth,
      isForum,
      heldOut: (HELD_OUT as readonly string[]).includes(engine!),
    };
  });
}

/** Words as a multiset: lower case, letters and digits only, so markup spacing and punctuation don't count. */
export function words(s: string): Map<string, number> {
  const bag = new Map<string, number>();
  for (const w of s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) bag.set(w, (bag.get(w) ?? 0) + 1);
  return bag;
}

function size(bag: Map<string, number>): number {
  let n = 0;
  for (const c of bag.values()) n += c;
  return n;
}

/** Recall: share of the ground truth's words read; precision: share of the words read that are in it. */
export function overlap(read: string, truth: string): { recall: number; precision: number } {
  const r = words(read);
  const t = words(truth);
  let common = 0;
  for (const [w, c] of r) common += Math.min(c, t.get(w) ?? 0);
  const nr = size(r);
  const nt = size(t);
  return { recall: nt ? common / nt : 0, precision: nr ? common / nr : 0 };
}

/**
 * A post as the ground truth writes it: own words, quoted words, and the author line where the ground
 * truth keeps author names (most WCXB forum pages do; a few keep only the words).
 */
export function postWords(p: Post, withAuthor = true): string {
  return [withAuthor ? p.author : '', p.text, p.quoted ?? ''].join('\n');
}

/** Whether the ground truth writes post authors at all: any author read is in it. */
function namesAuthors(posts: Post[], truth: string): boolean {
  const t = truth.toLowerCase();
  return posts.some((p) => t.includes(p.author.toLowerCase()));
}

export interface WildScore {
  page: WildPage;
  posts: Post[];
  platforms: string[];
  countRatio: number;
  recall: number | null;
  precision: number | null;
  /** Share of posts whose author name appears in the ground truth; null where it names no authors. */
  authorsOnPage: number | null;
  ms: number;
}

export function scoreWild(page: WildPage, genericOnly = false): WildScore {
  const bytes = readFileSync(join(WILD, page.file));
  const t0 = performance.now();
  const posts = extractPosts(bytes, new URL(page.url), genericOnly);
  const ms = performance.now() - t0;
  const scoreText = page.isForum && page.groundTruth !== null;
  const withAuthors = scoreText && namesAuthors(posts, page.groundTruth!);
  // Annotators kept quoted posts on some pages and dropped them on others. The reader keeps quotes apart
  // from the author's words, so quoted words count towards recall but never against precision.
  const text = scoreText
    ? {
        recall: overlap(posts.map((p) => postWords(p, withAuthors)).join('\n'), page.groundTruth!).recall,
        precision: overlap(posts.map((p) => postWords({ ...p, quoted: '' }, withAuthors)).join('\n'), page.groundTruth!).precision,
      }
    : null;
  const truth = page.groundTruth?.toLowerCase() ?? '';
  const authorsOnPage = withAuthors ? posts.filter((p) => truth.includes(p.author.toLowerCase())).length / posts.length : null;
  return {
    page,
    posts,
    platforms: [...new Set(posts.map((p) => p.platform))],
    countRatio: posts.length / page.expectedPosts,
    recall: text?.recall ?? null,
    precision: text?.precision ?? null,
    authorsOnPage,
    ms,
  };
}

/** The bar: count within 10%, and on forum pages recall ≥ 0.9, precision ≥ 0.95, every author on the page. */
export function meetsTarget(s: WildScore): boolean {
  if (Math.abs(s.countRatio - 1) > 0.1) return false;
  if (s.recall !== null && s.recall < 0.9) return false;
  if (s.precision !== null && s.precision < 0.95) return false;
  if (s.authorsOnPage !== null && s.authorsOnPage < 1) return false;
  return true;
}

export interface ExpectedScore {
  file: string;
  expected: number;
  read: number;
  /** Posts whose author and first 40 characters match the expected reading at the same place. */
  matched: number;
  platforms: string[];
}

interface ExpectedFile {
  file: string;
  url: string;
  posts: Array<{ author: string; textStart: string }>;
}

/** Older fixtures with a careful person's reading beside them (every folder but wild). */
export function scoreExpected(): ExpectedScore[] {
  const out: ExpectedScore[] = [];
  for (const dir of readdirSync(SITE_FIXTURES, { withFileTypes: true })) {
    if (!dir.isDirectory() || dir.name === 'wild' || SYNTHETIC_SETS.includes(dir.name)) continue;
    for (const f of readdirSync(join(SITE_FIXTURES, dir.name))) {
      if (!f.endsWith('.expected.json')) continue;
      const exp = JSON.parse(readFileSync(join(SITE_FIXTURES, dir.name, f), 'utf8')) as ExpectedFile;
      const posts = extractPosts(readFileSync(join(SITE_FIXTURES, dir.name, exp.file)), new URL(exp.url));
      const matched = exp.posts.filter(
        (e, i) => posts[i]?.author === e.author && posts[i]?.text.slice(0, 40) === e.textStart.slice(0, 40),
      ).length;
      out.push({ file: `${dir.name}/${exp.file}`, expected: exp.posts.length, read: posts.length, matched, platforms: [...new Set(posts.map((p) => p.platform))] });
    }
  }
  return out;
}

/**
 * Hand-made test sets scored by author and where each post's words start and end: the second set
 * (engines of other shapes, test/fixtures/sites/synthetic) and the third (community software with
 * non-post blocks that look like posts, test/fixtures/sites/shapes3) and the fourth (engines' own markup,
 * held out: test/fixtures/sites/shapes4). READMEs there.
 */
const SYNTHETIC = 'synthetic';
export const SHAPES3 = 'shapes3';
/** Fourth set: engines' and comment widgets' own markup, written blind and held out (README there). */
export const SHAPES4 = 'shapes4';
/** Fifth set: engines and themes no other set covers, written blind before the seventh pass and held out (README there). */
export const SHAPES5 = 'shapes5';
/** Sixth set: engines and comment systems no other set covers, modelled on their public templates, written before the eighth pass and held out (README there). */
export const SHAPES6 = 'shapes6';
/** Seventh set: forum and comment engines no other set covers, modelled on their public templates, written before the ninth pass and held out (README there). */
export const SHAPES7 = 'shapes7';
/** Eighth set: forum, Q&A, review and comment engines no other set covers, written before the eleventh pass and held out (README there). */
export const SHAPES8 = 'shapes8';
/** Ninth set: tracker, forum, Q&A, video, newsletter and review pages no other set covers, written before the twelfth pass and held out (README there). */
export const SHAPES9 = 'shapes9';
/** Tenth set: tracker, Q&A, mailing-list archive, fediverse and blog-comment pages no other set covers, written before the thirteenth pass and held out (README there). */
export const SHAPES10 = 'shapes10';
/** Eleventh set: trackers, wikis, a course forum, hosted forums, a mailing group, shop reviews and blog comments no other set covers, written before the fourteenth pass and held out (README there). */
export const SHAPES11 = 'shapes11';
const SYNTHETIC_SETS = [SYNTHETIC, SHAPES3, SHAPES4, SHAPES5, SHAPES6, SHAPES7, SHAPES8, SHAPES9, SHAPES10, SHAPES11];

interface SyntheticPost {
  author: string;
  textStart: string;
  textEnd: string;
  quotedStart?: string;
}

export interface SyntheticScore {
  file: string;
  shape: string;
  expected: number;
  read: number;
  /** Posts read at the right place with the right author, own words starting and ending where expected, quote kept apart. */
  right: number;
  misses: string[];
}

const fold = (s: string) => s.replace(/\s+/g, ' ').trim();

export function scoreSynthetic(set: string = SYNTHETIC): SyntheticScore[] {
  const dir = join(SITE_FIXTURES, set);
  const out: SyntheticScore[] = [];
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.expected.json')).sort()) {
    const exp = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { file: string; url: string; shape: string; posts: SyntheticPost[] };
    const posts = extractPosts(readFileSync(join(dir, exp.file)), new URL(exp.url));
    const misses: string[] = [];
    exp.posts.forEach((e, i) => {
      const p = posts[i];
      const text = fold(p?.text ?? '');
      const why = !p
        ? 'not read'
        : p.author !== e.author
          ? `author "${p.author}"`
          : !text.startsWith(e.textStart)
            ? `starts "${text.slice(0, 40)}"`
            : !text.endsWith(e.textEnd)
              ? `ends "${text.slice(-40)}"`
              : e.quotedStart && !fold(p.quoted ?? '').includes(e.quotedStart)
                ? 'quote not kept apart'
                : null;
      if (why) misses.push(`#${i + 1} ${e.author}: ${why}`);
    });
    if (posts.length > exp.posts.length) misses.push(`${posts.length - exp.posts.length} post(s) too many`);
    out.push({ file: exp.file, shape: exp.shape, expected: exp.posts.length, read: posts.length, right: exp.posts.length - misses.filter((m) => m.startsWith('#')).length, misses });
  }
  return out;
}
