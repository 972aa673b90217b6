import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser, SiteServer } from './harness';
import { extractPosts, openSavedSites, routesOf } from './saved-sites';
import { waitForMarked } from './helpers';

/**
 * Engines no adapter names, in real Chromium under their own hosts: every post extract reads is
 * marked, exactly that many.
 * - The eighth set (eleventh pass): a WoltLab Suite thread, a Talkyard topic and an IP.Board 3 topic.
 *   On `main` then the gate stayed shut on all three; it now wakes on pages linking three or more
 *   people's pages (lib/content/gate.ts).
 * - The ninth set (twelfth pass): a Redmine issue (its description and notes, not the entry that only
 *   changes fields), a video page's comments drawn as custom elements, a wpForo Q&A topic (a comment
 *   drawn beside its answer) and a Tildes topic (the topic's writer after "by"). Before that pass
 *   extract read the Redmine page as one post, the video page as none, and missed the wpForo comment
 *   and the Tildes topic.
 * - The tenth set (thirteenth pass): a PieFed post (names with an '[OP]' mark beside them), a Launchpad
 *   bug (its description under 'reported by', not its activity table) and a Forem article's comments
 *   (the article itself no post). These counts also held on `main`; what the pass changed there (who
 *   wrote the description, the activity row) is checked by test/unit/sites/shapes10.test.ts. Not here:
 *   in the browser the Askbot question marks its comments at four nesting levels (11 marks for 5 posts),
 *   the Jira issue marks its hidden concise copies (6 for 4; none on
 *   `main`) and the Medium story nothing (the gate: its people's links carry a ?source= query), though
 *   extract reads each right: the README's "Not done yet (reading)" says so.
 * - The eleventh set (fourteenth pass): a Moodle forum discussion, a ProBoards thread and a Hashnode
 *   blog's comments (utility classes only: read since this pass); and the Jira
 *   issue served with the rule Jira's stylesheet hides a comment's collapsed copy by: a post the page
 *   does not draw is not marked (lib/sites/reader/rendered.ts), and a comment's box and the wrapper in
 *   it are one post (generic.ts), so four posts get four marks (on `main` the reader finds nine blocks
 *   for them under the same stylesheet). Not here: the DokuWiki discussion, which extract now reads,
 *   stays unmarked in the browser (the page gate: its guests' names link nowhere).
 */
const CASES = [
  { set: 'shapes8', file: 'woltlab-wsc-thread.html', url: 'https://community.hearthside.example.de/forum/thread/6622-pellet-stove-shuts-down-with-error-e7-after-the-winter-update/', posts: 'at least 3' },
  { set: 'shapes8', file: 'talkyard-topic.html', url: 'https://talk.brisa-owners.example.org/-318/heat-pump-app-lost-my-schedule-after-the-41-update', posts: 'at least 3' },
  { set: 'shapes8', file: 'ipb3-topic.html', url: 'http://www.fieldcraft-forums.example.net/topic/48812-scope-mount-loosens-after-every-range-day-since-the-new-rings/', posts: 'at least 3' },
  { set: 'shapes9', file: 'redmine-issue.html', url: 'https://tracker.lumo-routers.example.net/issues/4412', posts: 4 },
  { set: 'shapes9', file: 'youtube-watch-comments.html', url: 'https://www.youtube.com/watch?v=Qm3dKx7LpTw', posts: 4 },
  { set: 'shapes9', file: 'wpforo-qa-topic.html', url: 'https://owners.tidybot.example.co.uk/community/help-questions/robot-vacuum-maps-reset-after-every-charge-since-app-7-0/', posts: 4 },
  { set: 'shapes9', file: 'tildes-topic.html', url: 'https://quill.example-commons.net/~books/6dq2/my_e_readers_cloud_backup', posts: 5 },
  { set: 'shapes10', file: 'piefed-post.html', url: 'https://greenshare.example.org/post/88213', posts: 5 },
  { set: 'shapes10', file: 'launchpad-bug.html', url: 'https://bugs.launchpad.example.net/tessel/+bug/2087731', posts: 5 },
  { set: 'shapes10', file: 'forem-article-comments.html', url: 'https://devnook.example.io/kessa_lind/why-our-webhook-retries-doubled-the-bill-2k4f', posts: 4 },
  { set: 'shapes10', file: 'jira-server-issue.html', url: 'https://jira.corvid-labs.example.com/browse/NAV-5127', posts: 4, css: { '/s/d41d8cd9/batch.css': 'test/e2e/pages/jira-twixi.css' } },
  { set: 'shapes11', file: 'moodle-forum-discussion.html', url: 'https://learn.riverside.example.ac.uk/mod/forum/discuss.php?d=6120', posts: 4 },
  { set: 'shapes11', file: 'hashnode-article-comments.html', url: 'https://blog.orenh.example.dev/caching-postgres-query-plans', posts: 3 },
  { set: 'shapes11', file: 'proboards-thread.html', url: 'https://vintagescootergarage.proboards.com/thread/78311/fogged-headlight-lens-rain', posts: 3 },
].map((c) => {
  const u = new URL(c.url);
  return { ...c, host: u.hostname, path: u.pathname + u.search, abs: path.resolve('test/fixtures/sites', c.set, c.file) };
});
/** Stylesheets some pages are served with, as their engine draws them (host → path → file). */
const STYLES = CASES.flatMap((c) => Object.entries(c.css ?? {}).map(([p, file]) => ({ host: c.host, path: p, file: path.resolve(file) })));

describe('engines no adapter names, read and marked in the browser', () => {
  let server: SiteServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    ({ server, browser } = await openSavedSites(routesOf([...CASES.map((c) => ({ host: c.host, path: c.path, file: c.abs })), ...STYLES])));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const c of CASES) {
    it(`${c.set}/${c.file}: its posts (${c.posts}) read and each marked`, async () => {
      const posts = extractPosts(c.url, c.abs);
      if (typeof c.posts === 'number') expect(posts.length).toBe(c.posts);
      else expect(posts.length).toBeGreaterThanOrEqual(3);
      const page = await browser.openSite(c.host, c.path);
      await waitForMarked(page, posts.length).catch(() => undefined);
      expect(await page.locator('[data-frontline-post]').count()).toBe(posts.length);
      await page.close();
    }, 90_000);
  }
});
