import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, startSiteServer, type ExtensionBrowser, type SiteServer } from './harness';
import { waitForMarked } from './helpers';

/**
 * Issue 18: chips are drawn for the posts in view only, and never over the page's own sticky
 * header (one sat over X's). A WordPress-style post with a sticky site header and 40 complaints.
 */
const HOST = 'blog.sticky.example';
const PATH = '/2026/12/post/';
const COMMENTS = 40;
const HEADER_PX = 80;

function page(): string {
  const comments = Array.from(
    { length: COMMENTS },
    (_, n) => `<li id="comment-${n + 1}" class="comment"><article class="comment-body"><footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Person ${n + 1}</b></div></footer>
<div class="comment-content"><p>I was charged twice for my subscription and nobody answers my emails. This is ridiculous, fix it now. (${n + 1})</p></div></article></li>`,
  ).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="generator" content="WordPress 6.8"><title>Sticky</title>
<style>body { margin: 0; font: 16px/1.5 Georgia, serif; } header.site { position: sticky; top: 0; height: ${HEADER_PX}px; background: #fff; z-index: 10; border-bottom: 1px solid #ccc; }
main { max-width: 720px; margin: 0 auto; } .comment-body { padding: 1em; min-height: 120px; border-bottom: 1px solid #ddd; } .commentlist { list-style: none; padding: 0; }</style></head>
<body><header class="site"><a href="/">Example Blog</a> <button type="button">Subscribe</button></header>
<main><article><h1>Post</h1><p>Words.</p></article><div id="comments" class="comments-area"><ol class="commentlist">${comments}</ol></div></main></body></html>`;
}

describe('chips on a page with a sticky header', () => {
  let server: SiteServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    server = await startSiteServer({
      [HOST]: (_req: unknown, res: ServerResponse) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(page());
      },
    });
    browser = await launchWithExtension({ server });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('draws chips for the posts in view only, and none over the sticky header', async () => {
    const tab = await browser.context.newPage();
    await tab.setViewportSize({ width: 1280, height: 900 });
    await tab.goto(server.url(HOST, PATH));
    await waitForMarked(tab, COMMENTS);
    const chips = tab.getByRole('button', { name: /^Reply as support/ });
    await expect.poll(() => chips.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    // 40 flagged posts, about six on screen: a chip per post in view, not per flagged post.
    expect(await chips.count()).toBeLessThan(COMMENTS / 2);

    // Scroll so that a flagged post's top lies under the header, where its chip would go.
    await tab.evaluate((headerPx) => {
      const post = document.querySelector('#comment-12')!;
      window.scrollTo(0, post.getBoundingClientRect().top + window.scrollY - headerPx / 2);
    }, HEADER_PX);
    const header = (await tab.locator('header.site').boundingBox())!;
    const post12 = tab.locator('#comment-12');
    // The chips are placed again once scrolling pauses, within their budget: after a pass that took
    // t ms the next waits 20 × t (at least 0.5 s), so on a loaded machine this takes seconds, not the
    // poll's default second. Wait until one is drawn beside comment 12.
    await expect
      .poll(async () => {
        const box = (await post12.boundingBox())!;
        const tops = await Promise.all((await chips.all()).map((c) => c.boundingBox()));
        return tops.some((b) => b && b.y >= box.y && b.y < box.y + box.height);
      }, { timeout: 15_000 })
      .toBe(true);
    for (const chip of await chips.all()) {
      const b = await chip.boundingBox();
      if (!b || b.y + b.height <= 0) continue; // scrolled out above: not on screen
      // Below the header, not over it: the page's own controls stay clickable.
      expect(b.y).toBeGreaterThanOrEqual(header.y + header.height);
      // And on screen: no chip is drawn for a post far out of view.
      expect(b.y).toBeLessThan(900);
    }
    await tab.close();
  });
});
