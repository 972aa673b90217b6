import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detect } from '../../lib/detect';
import type { ExtensionBrowser, SiteServer } from './harness';
import { openSavedSites } from './saved-sites';
import { openHelperBeside, waitForMarked } from './helpers';

/**
 * Engines recognised by their markup on hosts no list names (lib/sites/engines), in real Chromium:
 * a Flarum discussion whose app draws the posts after load, an SMF thread, a Zendesk help-centre
 * community post and a self-hosted GitLab issue (ninth pass). Marks, the complaints
 * flagged, and the helper opened from a flagged post names that post's author. The pages are
 * hand-made from the engines' own templates (test/fixtures/sites/README.md).
 */
const FLARUM_HOST = 'talk.example-keyboards.io';
const FLARUM_PATH = '/d/12-usb-c-cable-keeps-disconnecting';
const SMF_HOST = 'boats.example.net';
const ZENDESK_HOST = 'help.example-routers.com';
const ZENDESK_PATH = '/hc/en-gb/community/posts/4410021-Guest-network-disappears-after-reboot';
const GITLAB_HOST = 'code.example-maps.org';
const GITLAB_PATH = '/example-maps/tiles/-/issues/207';

const CASES = [
  {
    engine: 'flarum',
    tags: ['ARTICLE', 'ARTICLE', 'ARTICLE'],
    host: FLARUM_HOST,
    path: FLARUM_PATH,
    // What the stream holds, in order (the rename event is not a post).
    posts: [
      ['lena', 'The braided USB-C cable that came with my board disconnects whenever I touch it. Third broken one this year, and support ignores my refund request.'],
      ['kai_t', 'Try a cable with a shorter plug housing; the port on that case sits deep.'],
      ['lena', 'A shorter plug fixed it. Still annoyed the kit shipped with a cable that does not fit its own case.'],
    ],
  },
  {
    engine: 'smf',
    tags: ['DIV', 'DIV', 'DIV'],
    host: SMF_HOST,
    path: '/index.php',
    posts: [
      ['skipper_jo', 'My 15hp outboard stalls every time it drops to idle. New plugs, clean carb, same thing. The dealer service did not help at all.'],
      ['Harbour visitor', 'Check the fuel line primer bulb. Mine cracked and sucked air at low revs.'],
      ['Ines M.', 'Had the same fault, it was the idle jet. Ten minutes with a thin wire fixed it.'],
    ],
  },
  {
    // The question in article#main-content, the comments in li.comment, each name before its words.
    engine: 'zendesk',
    tags: ['ARTICLE', 'LI', 'LI'],
    host: ZENDESK_HOST,
    path: ZENDESK_PATH,
    posts: [
      ['Joanna Pike', 'Every time the router reboots (nightly, for updates) the guest network is gone and I have to switch it on again in the app. Model ER-600, firmware 1.9.4. This started after the April update.'],
      ['Ravi S', 'Same on my ER-600. Turning off automatic updates stopped it, which is not much of a fix.'],
      ['Agnes (Example Routers)', 'Thanks both. This is a known fault in 1.9.4; 1.9.5 keeps the guest network on after a reboot and is rolling out now.'],
    ],
  },
  {
    // The description, its author named in the header above it; the label event is not a post.
    engine: 'gitlab',
    tags: ['DIV', 'LI', 'LI'],
    host: GITLAB_HOST,
    path: GITLAB_PATH,
    posts: [
      ['Léa Moreau', 'After upgrading to 3.2 last night, every tile at zoom level 18 returns HTTP 500. Rolling back to 3.1.4 fixes it. Our delivery drivers use z18 all day, so this is urgent for us.'],
      ['Omar Haddad', 'Same here since 3.2. Our tile server returns 500 for every z18 request; z17 is fine.'],
      ['Sanne Bakker', 'Confirmed. The z18 cache path overflows the 255 character limit on ext4. Fix is in !311, will ship as 3.2.1.'],
    ],
  },
] as const;

describe('forum engines on their own domains', () => {
  let server: SiteServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    ({ server, browser } = await openSavedSites({
      [FLARUM_HOST]: { [FLARUM_PATH]: path.resolve('test/e2e/pages/flarum-app-draws-later.html') },
      [SMF_HOST]: { '/index.php': path.resolve('test/fixtures/sites/engines/smf21--community.example-boats.net-index.php-topic-77.html') },
      [ZENDESK_HOST]: { [ZENDESK_PATH]: path.resolve('test/fixtures/sites/engines/zendesk-copenhagen--help.example-routers.com-community-posts-4410021.html') },
      [GITLAB_HOST]: { [GITLAB_PATH]: path.resolve('test/fixtures/sites/engines/gitlab--code.example-maps.org-issues-207.html') },
    }));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const c of CASES) {
    it(`${c.engine}: marks every post, flags the complaints, opens the helper with the flagged post's author`, async () => {
      const flagged = c.posts.filter(([, text]) => detect(text).complaint);
      expect(flagged.length).toBeGreaterThan(0);

      const page = await browser.openSite(c.host, c.path);
      await waitForMarked(page, c.posts.length);
      // Flarum's shell names no engine, so the generic reader has the page until the app draws it;
      // then the engine's reader takes over and the marks are its own (the rename event is no post).
      await expect.poll(() => page.locator('[data-frontline-post]').count(), { timeout: 10_000 }).toBe(c.posts.length);
      const marked = await page.locator('[data-frontline-post]').evaluateAll((els) => els.map((e) => e.tagName));
      expect(marked).toEqual(c.tags);
      await expect.poll(() => page.locator('[data-frontline-severity]').count()).toBe(flagged.length);

      // The first flagged post's own chip opens the helper for its author.
      const first = c.posts.findIndex(([, text]) => detect(text).complaint);
      const post = page.locator('[data-frontline-post]').nth(first);
      const helper = await openHelperBeside(page, post);
      expect(await helper.getAttribute('aria-label')).toContain(c.posts[first]![0]);
      await browser.screenshot(page, `engine-${c.engine}`);
      await page.close();
    }, 90_000);
  }
});
