import type { Frame, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ExtensionBrowser } from './harness';
import { PROFILE } from './pages';

/** Fills the options page the way an agent would: by the visible labels (ARCHITECTURE.md, "Test contract"). */
export async function saveProfile(browser: ExtensionBrowser, brandTerms = 'Acme\n@AcmeSupport'): Promise<Page> {
  const page = await onboardingPage(browser);
  for (const [label, value] of Object.entries(PROFILE)) {
    await page.getByLabel(label, { exact: true }).fill(value);
  }
  await page.getByLabel('Brand watch terms').fill(brandTerms);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('Saved.').waitFor();
  return page;
}

/**
 * Installing opens the options page once (onboarding). Using that tab, rather than opening a
 * second one, also avoids racing the browser as it navigates it.
 */
export async function onboardingPage(browser: ExtensionBrowser): Promise<Page> {
  const isOptions = (p: Page) => p.url().endsWith('/options.html');
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    const page = browser.context.pages().find(isOptions);
    if (page) {
      await page.waitForLoadState();
      await page.getByLabel('Full name', { exact: true }).waitFor();
      return page;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('installing the extension did not open the options page');
}

/** Waits until the scanner has marked at least `count` posts. */
/**
 * Waits for `count` read posts, then for the marks that follow them: a flagged post's severity is
 * written in a later frame than its read mark (frame-writes.ts, at least 200 ms apart), so a test
 * that looked at the severities at once would race the extension.
 */
export async function waitForMarked(page: Page, count: number): Promise<void> {
  await page.waitForFunction((n) => document.querySelectorAll('[data-frontline-post]').length >= n, count, { timeout: 15_000 });
  await page.evaluate(
    () =>
      new Promise<void>((settled) =>
        setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(settled, 0))), 300),
      ),
  );
}

export async function markedSeverities(page: Page): Promise<Record<string, string | null>> {
  return page.evaluate(() => {
    const out: Record<string, string | null> = {};
    for (const el of document.querySelectorAll('[data-frontline-post]')) {
      out[el.getAttribute('data-frontline-post')!] = el.getAttribute('data-frontline-severity');
    }
    return out;
  });
}

/** Polls the extension's IndexedDB until `check` passes (writes are batched, ~0.4 s). */
export async function waitForDb(
  browser: ExtensionBrowser,
  check: (db: Record<string, unknown[]>) => boolean,
  timeoutMs = 10_000,
): Promise<Record<string, unknown[]>> {
  const until = Date.now() + timeoutMs;
  let db: Record<string, unknown[]> = {};
  while (Date.now() < until) {
    db = await browser.readExtensionDb();
    if (check(db)) return db;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`database never reached the expected state: ${JSON.stringify(Object.fromEntries(Object.entries(db).map(([k, v]) => [k, v.length])))}`);
}

/**
 * What an agent does before sending: types over every [field] the template left. Until then
 * Insert and Copy are disabled (issue 21: no draft goes out with a made-up fact or a hole).
 */
export async function fillTemplateFields(helper: Locator, words = 'the sync failing since Monday'): Promise<void> {
  const draft = helper.getByLabel('Reply text');
  await expect.poll(() => draft.inputValue()).toMatch(/\[[^\]]+\]/);
  expect(await helper.getByRole('button', { name: 'Insert reply' }).isDisabled()).toBe(true);
  await draft.fill((await draft.inputValue()).replace(/\[[^\]]+\]/g, words));
  await expect.poll(() => helper.getByRole('button', { name: 'Insert reply' }).isEnabled()).toBe(true);
}

/**
 * Our UI host element(s) in the page: `frontline-ui` as the test contract names it, or
 * `frontline-ui-<random>` where the page had taken that name (lib/content/ui-shell.ts).
 */
export const UI_HOSTS_JS = `[...document.documentElement.children].filter((e) => e.localName === 'frontline-ui' || e.localName.startsWith('frontline-ui-'))`;

export async function uiHostCount(page: Page): Promise<number> {
  return (await page.evaluate(`${UI_HOSTS_JS}.length`)) as number;
}

/** Is this frame our overlay (the reply helper and palette): an extension page framed in the site's page? */
export function isOverlayFrame(frame: Frame): boolean {
  const url = frame.url();
  return url.startsWith('chrome-extension://') && new URL(url).pathname === '/overlay.html';
}

/**
 * The reply helper and palette render in an iframe of the extension's own origin, inside a closed
 * shadow root (DESIGN.md test contract: "tests look for them in the page and in its frames"), so
 * they are found through the page's frames, not its DOM. Waits for the frame to exist.
 */
export async function overlayFrame(page: Page, timeoutMs = 15_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = page.frames().find(isOverlayFrame);
    if (frame) return frame;
    if (Date.now() > deadline) throw new Error('the reply helper frame never appeared');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The open reply helper dialog, found in our overlay frame. */
export async function replyHelper(page: Page, name: RegExp = /^Reply to /): Promise<Locator> {
  const helper = (await overlayFrame(page)).getByRole('dialog', { name });
  await helper.waitFor();
  return helper;
}

/**
 * Clicks the "Reply as support" chip drawn beside `post` (in its margin or its top-right corner,
 * lib/content/chip-placement.ts) and returns the helper it opens in our overlay frame.
 */
export async function openHelperBeside(page: Page, post: Locator): Promise<Locator> {
  await post.scrollIntoViewIfNeeded();
  const box = (await post.boundingBox())!;
  const chips = page.getByRole('button', { name: 'Reply as support' });
  await expect
    .poll(async () => {
      for (const chip of await chips.all()) {
        const b = await chip.boundingBox();
        if (b && b.y >= box.y - 2 && b.y <= box.y + box.height) {
          await chip.click();
          return true;
        }
      }
      return false;
    })
    .toBe(true);
  return replyHelper(page, /Reply to/);
}

/** The helper for the marked post with this id, opened from its chip. */
export const openHelperFor = (page: Page, postId: string): Promise<Locator> =>
  openHelperBeside(page, page.locator(`[data-frontline-post="${postId}"]`));
