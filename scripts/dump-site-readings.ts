/**
 * Every saved site page read post by post (author, words, quote, permalink, time), once with every adapter
 * and once by the generic reader alone, as JSON lines — to prove a reader change leaves other pages as they were:
 *   npx tsx scripts/dump-site-readings.ts [--skip shapes11] > before.jsonl   (then diff against after.jsonl)
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { SITE_FIXTURES, wildPages } from './sites/score';
import { extractPosts } from './sites/extract-page';

const skip = new Set(process.argv.flatMap((a, i) => (process.argv[i - 1] === '--skip' ? [a] : [])));
const wildUrls = new Map(wildPages().map((p) => [p.file, p.url]));

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (skip.has(e.name) ? [] : htmlFiles(join(dir, e.name))) : e.name.endsWith('.html') ? [join(dir, e.name)] : [],
  );
}

/** The page's address: its expected reading's, the wild list's, or the host and path its name spells ("engine--host-path.html"). */
function urlOf(file: string): string {
  const expected = file.replace(/\.html$/, '.expected.json');
  if (existsSync(expected)) return (JSON.parse(readFileSync(expected, 'utf8')) as { url: string }).url;
  const name = file.split('/').pop()!;
  const wild = wildUrls.get(name);
  if (wild) return wild;
  const spelled = /--([a-z0-9.-]+\.[a-z]+)-?(.*)\.html$/i.exec(name);
  return spelled ? `https://${spelled[1]}/${spelled[2]!.replace(/-/g, '/')}` : `https://pages.example.test/${name}`;
}

for (const file of htmlFiles(SITE_FIXTURES).sort()) {
  const url = new URL(urlOf(file));
  const bytes = readFileSync(file);
  for (const genericOnly of [false, true]) {
    const posts = extractPosts(bytes, url, genericOnly).map((p) => ({
      author: p.author,
      text: p.text.replace(/\s+/g, ' ').trim(),
      quoted: p.quoted ?? null,
      permalink: p.permalink,
      time: p.time,
      handle: p.handle,
    }));
    console.log(JSON.stringify({ page: relative(SITE_FIXTURES, file), genericOnly, posts }));
  }
}
