import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VISIT_LIMITS } from '../../lib/actions/visit-budget';
import { launchWithExtension, startSiteServer, type ExtensionBrowser, type SiteServer } from './harness';
import { saveProfile, uiHostCount, waitForDb, waitForMarked, replyHelper } from './helpers';
import { X_CONVERSATION, X_CONVERSATION_PATH } from './pages';

/** A WordPress-style post with `n` distinct complaints about the brand, each from another name. */
function floodPage(n: number): string {
  const comments = Array.from({ length: n }, (_, i) =>
    `<li class="comment" id="comment-${i + 1}"><article><footer><div class="comment-author vcard"><b class="fn">Flood Person ${i + 1}</b></div></footer>` +
    `<div class="comment-content"><p>Acme charged me twice (order ${i + 1}) and nobody answers my emails, this is ridiculous</p></div></article></li>`,
  ).join('');
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'frontline-flood-')), 'index.html');
  writeFileSync(file, `<!doctype html><html><head><meta charset="utf-8"><title>Flood</title></head><body><article><h1>Post</h1><p>Words.</p></article><div id="comments"><ol class="commentlist">${comments}</ol></div></body></html>`);
  return file;
}

// Issue 16: the page is the attacker, running its own JavaScript (page.evaluate runs in the
// page's main world, with no extension privileges). Only the cases for the parts landed so far.
describe('a hostile page', () => {
  let server: SiteServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    // The same X conversation on x.com and on a host that only copies its markup.
    server = await startSiteServer({ 'x.com': { [X_CONVERSATION_PATH]: X_CONVERSATION }, 'x-mirror.example': { [X_CONVERSATION_PATH]: X_CONVERSATION }, 'flood.example': { '/post/': floodPage(150) } });
    browser = await launchWithExtension({ server });
    await (await saveProfile(browser)).close();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  // First, while the log is empty: a foreign host that renders X's markup (handles, status
  // links) cannot make us log X customers. Today the X adapter does not even run there (the
  // page is not marked); were a markup-based adapter to read it, the background's scoping by
  // the sending frame (router-scope.test.ts) would still drop the posts.
  it('cannot make us log X identities from a foreign host that copies X markup', async () => {
    const page = await browser.openSite('x-mirror.example', X_CONVERSATION_PATH);
    const marked = await page
      .waitForFunction(() => document.querySelectorAll('[data-frontline-post]').length > 0, undefined, { timeout: 10_000 })
      .then(() => true, () => false);
    // Writes are batched (~0.4 s); give the background ample time to (not) write.
    await page.waitForTimeout(3_000);
    const db = await browser.readExtensionDb();
    const ids = [...(db.contacts ?? []), ...(db.interactions ?? [])].map((r) => String((r as { id: string }).id));
    expect(ids.filter((id) => id.startsWith('x:') || id.includes('x.com/'))).toEqual([]);
    console.info(`x-mirror.example: page marked posts: ${marked}; records written: ${ids.length}`);
    await page.close();
  });

  it('cannot fill the log: a visit to a flood page logs at most the per-minute budget, not every complaint', async () => {
    const page = await browser.openSite('flood.example', '/post/');
    await waitForMarked(page, 100);
    const db = await waitForDb(browser, (d) => (d.contacts ?? []).some((c) => String((c as { id: string }).id).includes('flood.example')));
    await page.waitForTimeout(3_000);
    const flood = (await browser.readExtensionDb()).contacts!.filter((c) => String((c as { id: string }).id).includes('flood.example'));
    console.info(`flood.example: 150 complaints on the page, ${flood.length} contacts logged (first read ${db.contacts!.length})`);
    expect(flood.length).toBeGreaterThan(0);
    // The budget counts per clock minute: a visit that straddles a minute's end may use two.
    expect(flood.length).toBeLessThanOrEqual(2 * VISIT_LIMITS.perMinute);
    await page.close();
  });

  it('cannot hide the chips by removing our host element', async () => {
    const page = await browser.openSite('x.com', X_CONVERSATION_PATH);
    await waitForMarked(page, 7);
    await page.getByRole('button', { name: /^Reply as support/ }).first().waitFor();
    await page.evaluate(() => {
      for (const el of [...document.documentElement.children]) if (el.localName.startsWith('frontline-ui')) el.remove();
    });
    await expect.poll(() => uiHostCount(page), { timeout: 5_000 }).toBe(1);
    await page.getByRole('button', { name: /^Reply as support/ }).first().click();
    await replyHelper(page, /^Reply to /);
    await page.close();
  });
});
