/**
 * Print the posts a site adapter reads on a saved page, as JSON (ARCHITECTURE.md "extract").
 *   npm run --silent extract -- --url <page url> <file.html>
 * The page's scripts never run: the file is parsed as inert markup.
 */
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { decodePage } from '../lib/sites/decode';
import { readPostsOnPage } from '../lib/sites/index';

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
  let html: string;
  try {
    html = decodePage(readFileSync(file));
  } catch (e) {
    process.stderr.write(`extract: cannot read ${file}: ${(e as Error).message}\n`);
    return 1;
  }
  const window = new Window({
    url: pageUrl.href,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      handleDisabledFileLoadingAsSuccess: true,
    },
  });
  try {
    window.document.write(html);
    const posts = readPostsOnPage(window.document as unknown as Document, pageUrl).map((p) => ({
      platform: p.platform,
      author: p.author,
      handle: p.handle,
      text: p.text,
      permalink: p.permalink,
      time: p.time,
    }));
    process.stdout.write(`${JSON.stringify(posts, null, 2)}\n`);
    return 0;
  } finally {
    void window.happyDOM.close();
  }
}

process.exitCode = main();
