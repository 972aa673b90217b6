import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDiscourseTopic, FORUM_HOST, TOPIC_PATH } from './build-discourse-topic';
import { POST_PATH, buildWordpressPost } from './build-wordpress-post';
import { FOCUSED, buildXConversation } from './build-x-conversation';

// Regenerates the demo pages: npx tsx demo/pages/generate.ts [path/to/shared/fixtures]
// The output is committed; this script records how it was made (README.md).

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.resolve(process.argv[2] ?? path.join(here, '../../../shared/fixtures'));
const read = (file: string) => readFile(path.join(fixtures, file), 'utf8');
const css = (name: string) => readFile(path.join(here, 'styles', `${name}.css`), 'utf8');

/** Where each page lives: demo/pages/<host>/<path>, served per host by scripts/demo.ts. */
export interface DemoPage {
  host: string;
  path: string;
  file: string;
  /** Where the posts are, for a screenshot when nothing is flagged. */
  scrollTo: string | null;
}

export const DEMO_PAGES = {
  x: { host: 'x.com', path: `/${FOCUSED.handle}/status/${FOCUSED.id}`, file: `x.com/${FOCUSED.handle}/status/${FOCUSED.id}.html`, scrollTo: null },
  blog: { host: 'lemire.me', path: POST_PATH, file: `lemire.me${POST_PATH}index.html`, scrollTo: '#comments' },
  forum: { host: FORUM_HOST, path: TOPIC_PATH, file: `${FORUM_HOST}${TOPIC_PATH}.html`, scrollTo: null },
} satisfies Record<string, DemoPage>;

async function write(file: string, html: string): Promise<void> {
  const target = path.join(here, file);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, html);
  console.log(`wrote demo/pages/${file} (${(html.length / 1024).toFixed(0)} KB)`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await write(
    DEMO_PAGES.x.file,
    buildXConversation(
      await read('twitter/tweetyoink--x-tweet-sample.html'),
      await read('twitter/defuddle--general--x.com-article-2026-02-13.html'),
      await css('x'),
    ),
  );
  await write(DEMO_PAGES.blog.file, buildWordpressPost(await read('wordpress/trafilatura--lemire.me-json.html'), await css('twentyfifteen')));
  await write(DEMO_PAGES.forum.file, buildDiscourseTopic(await css('discourse')));
}
