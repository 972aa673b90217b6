import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './harness';
import { PROFILE } from './pages';

/** Fills the options page the way an agent would: by the visible labels (ARCHITECTURE.md test contract). */
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
export async function waitForMarked(page: Page, count: number): Promise<void> {
  await page.waitForFunction((n) => document.querySelectorAll('[data-frontline-post]').length >= n, count, { timeout: 15_000 });
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
