import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLOOD_HOST, FLOOD_STATIC_PATH, FLOOD_STATIC_POSTS, floodStaticHtml } from '../../bench/page/flood-pages';
import { analyseTrace } from '../../bench/page/trace-analyse';
import { startTrace, stopTrace } from '../../bench/page/trace-collect';
import { launchWithExtension, startSiteServer, type ExtensionBrowser, type SiteServer } from './harness';

/**
 * Issue 18 item 3 and issue 16 item 4: on a page that holds 50,000 complaints (bench:page's flood
 * page, WordPress comment markup) what the agent looks at is still marked; our long tasks are
 * reported (not yet asserted: see the test). Traced like bench:page: V8's sampling profiler tells our JavaScript (a chrome-extension://
 * frame on the stack) from the page's, task by task.

/** Every comment at least half inside the viewport carries the test contract's mark. */
function inViewMarked(page: Page): Promise<{ inView: number; marked: number; flagged: number }> {
  return page.evaluate(() => {
    let inView = 0;
    let marked = 0;
    let flagged = 0;
    // The comments around the scroll position (the page is one column of equal comments).
    for (const li of document.querySelectorAll('li.comment')) {
      const r = li.getBoundingClientRect();
      if (r.bottom < 0) continue;
      if (r.top > innerHeight) break;
      if (r.top + r.height / 2 < 0 || r.bottom - r.height / 2 > innerHeight) continue;
      inView += 1;
      if (li.hasAttribute('data-frontline-post')) marked += 1;
      if (li.hasAttribute('data-frontline-severity')) flagged += 1;
    }
    return { inView, marked, flagged };
  });
}

async function waitForViewMarked(page: Page, timeoutMs: number): Promise<{ inView: number; marked: number; flagged: number }> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const state = await inViewMarked(page);
    if ((state.inView > 0 && state.marked === state.inView) || Date.now() > until) return state;
    await page.waitForTimeout(250);
  }
}

describe('a page that floods: 50,000 complaints at once', () => {
  let server: SiteServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    const html = floodStaticHtml();
    server = await startSiteServer({
      [FLOOD_HOST]: (req: IncomingMessage, res: ServerResponse) => {
        if (req.url !== FLOOD_STATIC_PATH) return void res.writeHead(404).end();
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
      },
    });
    browser = await launchWithExtension({ server });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('marks the comments in view, at the top and after a jump to the middle, and reports our long tasks', async () => {
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    const url = server.url(FLOOD_HOST, FLOOD_STATIC_PATH);
    await startTrace(cdp);
    await page.goto(url, { waitUntil: 'load' });
    expect(await page.evaluate(() => document.querySelectorAll('li.comment').length)).toBe(FLOOD_STATIC_POSTS);

    const top = await waitForViewMarked(page, 15_000);
    // The agent jumps to the middle of the thread: what is shown there is read next, not after 25,000 others.
    await page.evaluate(() => document.getElementById('comment-25000')!.scrollIntoView());
    const middle = await waitForViewMarked(page, 15_000);
    await page.waitForTimeout(2_000);
    // Back to the top, a thousand or more flagged posts later: the page's store of flagged posts is
    // capped at 500 (lib/content/store.ts) and has most likely dropped these; their marks stay.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(500);
    const back = await inViewMarked(page);
    const trace = analyseTrace(await stopTrace(cdp), url);
    console.info(
      `flood page: in view marked ${top.marked}/${top.inView} at the top, ${middle.marked}/${middle.inView} in the middle, ${back.flagged}/${back.inView} flagged back at the top; ` +
        `long tasks ${trace.longTasks} (${trace.longTasksWithExtension} with our code, ${trace.longTasksCausedByExtension} caused by it, ` +
        `${trace.longTasksCausedByEvaluation} of them evaluating our script); ` +
        `most of our JS in one task ${trace.maxExtensionPerTaskMs.toFixed(1)} ms; our JS ${trace.extensionMs.toFixed(0)} ms`,
    );
    expect(top.inView).toBeGreaterThan(0);
    expect(top.marked).toBe(top.inView);
    expect(middle.inView).toBeGreaterThan(0);
    expect(middle.marked).toBe(middle.inView);
    expect(back.inView).toBe(top.inView);
    expect(back.flagged).toBe(back.inView);
    for (const task of trace.worstExtensionTasks ?? []) console.info(`  ${task.taskMs.toFixed(0)} ms task, ${task.extensionMs.toFixed(0)} ms ours${task.evaluation ? ' (evaluation)' : ''}: ${task.frames.join(' < ')}`);
    // The long-task goal (issue 16 item 4, issue 18) is measured and printed above, not asserted:
    // it is not met yet. Most runs have no step of ours over 50 ms (main's build: one step of
    // 140-350 ms), but a clean-clone CI run on 2026-12-07 had one task of 339 ms of ours (an
    // unsliced step not found yet, README "A page that floods"). What this test holds is what the
    // agent sees: the comments in view are marked at the top and after a jump (main: 0 of 8).
    await page.close();
  }, 150_000);
});
