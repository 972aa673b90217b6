import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, startSiteServer, type ExtensionBrowser, type SiteServer } from './harness';
import { fillTemplateFields, overlayFrame, replyHelper, saveProfile, waitForDb, waitForMarked } from './helpers';
import { X_CONVERSATION, X_CONVERSATION_PATH } from './pages';

// Issue 16, the reply helper: the page is the attacker, with its own JavaScript (page.evaluate
// and addInitScript run in the page's main world, without extension privileges). The helper and
// palette render in an iframe of the extension's origin inside a closed shadow root, so what the
// agent sees there (a customer's earlier reply, the agent's phone and email in the draft) and
// does there (Insert, Mark resolved, keys typed) stays out of the page's reach.

const LATER_ID = '1993999999999999999';
const LATER_PATH = `/nadia_ships/status/${LATER_ID}`;
/** Words only the agent typed, in the earlier reply we logged; the page must never see them. */
const EARLIER_REPLY_WORDS = 'refund reference QX4471';
const PRIVATE_LINE = ' Call me on +1 555 0100 or jane@acme.example';

async function laterPage(): Promise<string> {
  const html = await readFile(X_CONVERSATION, 'utf8');
  return html
    .replaceAll('1993012657403187514', LATER_ID)
    .replace(/our production deploys have been stuck[^<]*/g, 'you ignored my ticket again and charged me twice, this is the worst service');
}

/**
 * Installed before any of the page's own scripts, as a hostile page would: it records every key
 * and input event it can hear, and captures every shadow root created through the page's own
 * attachShadow (forcing them open).
 */
function spyOnEverything() {
  const w = window as unknown as { __heard: string[]; __roots: ShadowRoot[] };
  w.__heard = [];
  w.__roots = [];
  for (const type of ['keydown', 'keyup', 'keypress', 'input', 'beforeinput', 'paste', 'copy']) {
    window.addEventListener(type, (e) => w.__heard.push(`${type}:${(e as KeyboardEvent).key ?? ''}`), true);
    document.addEventListener(type, (e) => w.__heard.push(`${type}:${(e as KeyboardEvent).key ?? ''}`), true);
  }
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init: ShadowRootInit) {
    const root = attach.call(this, { ...init, mode: 'open' });
    w.__roots.push(root);
    return root;
  };
}

/** Everything the page can read: its DOM, attributes, every shadow root it can reach, every frame it can open. */
async function harvest(page: Page): Promise<string> {
  return page.evaluate(() => {
    const seen: string[] = [];
    const visit = (root: Document | ShadowRoot) => {
      seen.push(root instanceof Document ? root.documentElement.textContent ?? '' : root.textContent ?? '');
      for (const el of root.querySelectorAll('*')) {
        for (const a of el.attributes) seen.push(a.value);
        if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) seen.push(el.value);
        if (el.shadowRoot) visit(el.shadowRoot);
        if (el instanceof HTMLIFrameElement) {
          try {
            if (el.contentDocument) visit(el.contentDocument);
          } catch {
            seen.push('(frame refused)');
          }
        }
      }
    };
    visit(document);
    for (const root of (window as unknown as { __roots: ShadowRoot[] }).__roots ?? []) visit(root);
    for (let i = 0; i < window.frames.length; i++) {
      try {
        seen.push(window.frames[i]!.document.documentElement.textContent ?? '');
      } catch {
        seen.push('(frame refused)');
      }
    }
    return seen.join('\n');
  });
}

describe('a hostile page and the reply helper', () => {
  let server: SiteServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    const laterFile = path.join(await mkdtemp(path.join(os.tmpdir(), 'frontline-hostile-')), 'later.html');
    await writeFile(laterFile, await laterPage());
    server = await startSiteServer({ 'x.com': { [X_CONVERSATION_PATH]: X_CONVERSATION, [LATER_PATH]: laterFile } });
    browser = await launchWithExtension({ server });
    await (await saveProfile(browser)).close();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  // First, history: the agent answers Nadia once (our own frame, real clicks), in words of their own.
  it('logs the agent’s reply from the helper frame', async () => {
    const page = await browser.openSite('x.com', X_CONVERSATION_PATH);
    await waitForMarked(page, 7);
    await page.getByRole('button', { name: /^Reply as support to Nadia/ }).click();
    const helper = await replyHelper(page, /Reply to Nadia/);
    await fillTemplateFields(helper, EARLIER_REPLY_WORDS);
    await helper.getByRole('button', { name: 'Insert reply' }).click();
    await helper.getByText(/inserted/i).waitFor();
    await waitForDb(browser, (d) => (d.events ?? []).some((e) => (e as { type: string }).type === 'reply-inserted'));
    await page.close();
  });

  async function openSpiedLaterPage(): Promise<Page> {
    const page = await browser.context.newPage();
    await page.addInitScript(spyOnEverything);
    await page.goto(server.url('x.com', LATER_PATH));
    await waitForMarked(page, 7);
    return page;
  }

  it('cannot read the customer’s earlier reply, the agent’s phone and email, or hear the keys typed in the draft', async () => {
    const page = await openSpiedLaterPage();
    await page.getByRole('button', { name: /^Reply as support to Nadia/ }).click();
    const helper = await replyHelper(page, /Reply to Nadia/);
    // The agent sees the history and types private details into the draft...
    await helper.getByText(EARLIER_REPLY_WORDS, { exact: false }).waitFor();
    await helper.getByText('Returning customer', { exact: false }).waitFor();
    // Issue 21: the earlier interaction, with its date and our reply, listed in the frame.
    const earlier = helper.getByRole('region', { name: 'Earlier with us' });
    await earlier.getByText(/replied (just now|\d+ min ago)/).waitFor();
    await earlier.getByText(`Our reply:`, { exact: false }).waitFor();
    const draft = helper.getByLabel('Reply text');
    await draft.press('End');
    await page.evaluate(() => ((window as unknown as { __heard: string[] }).__heard.length = 0));
    await draft.pressSequentially(PRIVATE_LINE);
    await expect.poll(() => draft.inputValue()).toContain('jane@acme.example');
    // ...and the page, looking everywhere it can, finds none of it.
    const seen = await harvest(page);
    for (const secret of [EARLIER_REPLY_WORDS, 'Returning customer', 'Earlier with us', 'Our reply', '555 0100', 'jane@acme.example', 'Reply text', 'Insert reply']) {
      expect(seen, `the page read “${secret}”`).not.toContain(secret);
    }
    // Not one of the keys the agent typed reached the page's listeners.
    expect(await page.evaluate(() => (window as unknown as { __heard: string[] }).__heard)).toEqual([]);
    // Nor does anything in the page's DOM say that Nadia has history with us.
    const post = page.locator(`[data-frontline-post="x:${LATER_ID}"]`);
    expect(await post.getAttribute('data-frontline-returning')).toBeNull();
    expect(seen).not.toMatch(/returning|earlier interaction/i);
    await page.close();
  });

  it('cannot click “Insert reply” or “Mark resolved”, nor open the helper by clicking a chip itself', async () => {
    const ofType = async (...types: string[]) =>
      ((await browser.readExtensionDb()).events as Array<{ type: string }>).filter((e) => types.includes(e.type)).length;
    const ACTS = ['reply-inserted', 'reply-copied', 'status', 'follow-up-set', 'note'];
    const actedBefore = await ofType(...ACTS);
    const openedBefore = await ofType('helper-opened');
    const page = await openSpiedLaterPage();
    // The page "clicks" a chip from its script: no helper opens, nothing is logged.
    await page.evaluate(() => {
      const roots: Array<Document | ShadowRoot> = [document, ...(window as unknown as { __roots: ShadowRoot[] }).__roots];
      for (const el of document.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
      for (const root of roots) for (const b of root.querySelectorAll('button')) if (/Reply as support/.test(b.getAttribute('aria-label') ?? b.textContent ?? '')) b.click();
    });
    await page.waitForTimeout(1_500);
    expect(page.frames().some((f) => f.url().includes('/overlay.html'))).toBe(false);
    expect(await ofType('helper-opened')).toBe(openedBefore);
    // The agent opens it; the page then tries every way it has to press the helper's buttons.
    await page.getByRole('button', { name: /^Reply as support to Nadia/ }).click();
    const helper = await replyHelper(page, /Reply to Nadia/);
    await helper.getByRole('button', { name: 'Mark resolved' }).waitFor();
    const found = await page.evaluate(() => {
      let clicked = 0;
      const roots: Array<Document | ShadowRoot> = [document, ...(window as unknown as { __roots: ShadowRoot[] }).__roots];
      for (const el of document.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
      for (const root of roots) {
        for (const b of root.querySelectorAll('button')) {
          if (/Insert reply|Mark resolved|Copy reply/.test(b.textContent ?? '')) {
            b.click();
            clicked++;
          }
        }
      }
      for (let i = 0; i < window.frames.length; i++) {
        // A message is all a page can send another origin's frame; ours listens to none.
        window.frames[i]!.postMessage({ type: 'ui→bg:insert', text: 'forged' }, '*');
        try {
          for (const b of window.frames[i]!.document.querySelectorAll('button')) {
            b.click();
            clicked++;
          }
        } catch {
          // another origin: refused
        }
      }
      // Synthetic clicks at the helper's place land on the page's own elements at most.
      const x = innerWidth - 100;
      for (let y = 20; y < innerHeight; y += 40) document.elementFromPoint(x, y)?.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: x, clientY: y }));
      return clicked;
    });
    expect(found).toBe(0);
    await page.waitForTimeout(2_000);
    // The agent's opening of the helper is logged; no reply, resolution or follow-up is.
    expect(await ofType('helper-opened')).toBe(openedBefore + 1);
    expect(await ofType(...ACTS)).toBe(actedBefore);
    expect(await page.locator('[data-testid="tweetTextarea_0"]').textContent()).not.toContain('forged');
    await page.close();
  });

  it('brings the helper back when the page removes our elements', async () => {
    const page = await openSpiedLaterPage();
    await page.getByRole('button', { name: /^Reply as support to Nadia/ }).click();
    await replyHelper(page, /Reply to Nadia/);
    const ours = () => page.evaluate(() => [...document.documentElement.children].filter((e) => e !== document.head && e !== document.body).length);
    const count = await ours();
    expect(count).toBeGreaterThanOrEqual(2);
    await page.evaluate(() => {
      for (const el of [...document.documentElement.children]) if (el !== document.head && el !== document.body) el.remove();
    });
    await expect.poll(ours, { timeout: 5_000 }).toBe(count);
    // The frame loads again and shows the post the agent had open.
    const frame = await overlayFrame(page);
    await frame.getByRole('dialog', { name: /Reply to Nadia/ }).waitFor();
    await page.close();
  });

  it('cannot fetch or frame our helper page at its fixed address to learn Frontline is installed; the agent’s helper still opens', async () => {
    const page = await openSpiedLaterPage();
    const fixed = `chrome-extension://${browser.extensionId}/overlay.html`;
    // The classic probe: fetch a web-accessible file at the extension's well-known address.
    const fetched = await page.evaluate(async (url) => {
      try {
        const r = await fetch(url);
        return `status ${r.status}: ${(await r.text()).slice(0, 80)}`;
      } catch (error) {
        return `failed: ${String(error)}`;
      }
    }, fixed);
    expect(fetched).toMatch(/^failed/);
    // Framing it: the frame gets the browser's error page, not ours.
    await page.evaluate((url) => {
      const probe = document.createElement('iframe');
      probe.id = 'probe';
      probe.src = url;
      document.body.append(probe);
    }, fixed);
    await page.waitForTimeout(1_000);
    const probeFrame = await (await page.$('#probe'))!.contentFrame();
    const inProbe = await probeFrame!.evaluate(() => `${location.href} ${document.getElementById('root') ? 'has-root' : 'no-root'}`).catch((e: unknown) => `unreadable ${String(e)}`);
    expect(inProbe).not.toContain('has-root');
    // The agent's own helper opens, at the per-session address only our scripts are given...
    await page.getByRole('button', { name: /^Reply as support to Nadia/ }).click();
    await replyHelper(page, /Reply to Nadia/);
    const dynamic = new URL(
      await browser.serviceWorker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { getURL(p: string): string } } }).chrome.runtime.getURL('/overlay.html')),
    ).host;
    expect(dynamic).not.toBe(browser.extensionId);
    // ...which the page cannot read either: the frame element is in a closed shadow root.
    expect(await harvest(page)).not.toContain(dynamic);
    await page.close();
  });
});

