/**
 * Print the posts a site adapter reads on a saved page, as JSON (ARCHITECTURE.md, "Test contract").
 *   npm run --silent extract -- --url <page url> <file.html>
 * The page's scripts never run: the file is parsed as inert markup.
 */
import { readFileSync } from 'node:fs';
import { extractPosts } from './sites/extract-page';

function parseArgs(argv: string[]): { url: string; file: string } {
  let url = '';
  let file = '';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--url') url = argv[++i] ?? '';
    else if (a.startsWith('--url=')) url = a.slice(6);
    else if (a !== '--') file = a;
  }
  return { url, file };
}

function main(): number {
  const { url, file } = parseArgs(process.argv.slice(2));
  if (!file || !url) {
    process.stderr.write('usage: extract --url <page url> <file.html>\n');
    return 1;
  }
  let pageUrl: URL;
  try {
    pageUrl = new URL(url);
  } catch {
    process.stderr.write(`extract: not a URL: ${url}\n`);
    return 1;
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    process.stderr.write(`extract: cannot read ${file}: ${(e as Error).message}\n`);
    return 1;
  }
  const notes: string[] = [];
  const posts = extractPosts(bytes, pageUrl, false, notes).map((p) => ({
    platform: p.platform,
    author: p.author,
    handle: p.handle,
    text: p.text,
    permalink: p.permalink,
    time: p.time,
  }));
  process.stdout.write(`${JSON.stringify(posts, null, 2)}\n`);
  for (const n of notes) process.stderr.write(`extract: ${n}\n`);
  return 0;
}

process.exitCode = main();
