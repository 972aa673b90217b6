import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { CHROMIUM_PATH, chromiumArgs, type SiteServer } from '../../test/e2e/harness';

export interface BenchBrowser {
  context: BrowserContext;
  /** Null for the baseline run (no extension loaded). */
  extensionId: string | null;
  close(): Promise<void>;
}

/**
 * The harness always loads the extension; a fair baseline needs the very same Chromium
 * flags without it. So both runs take the harness's `chromiumArgs` (the baseline without the
 * extension's two flags), each with a
 * fresh profile each time (no cache, no stored settings carried from the other run).
 */
export async function launchBench(opts: { server: SiteServer; extensionPath: string | null }): Promise<BenchBrowser> {
  const profileDir = await mkdtemp(path.join(os.tmpdir(), 'frontline-bench-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: chromiumArgs(opts.extensionPath, opts.server),
    viewport: { width: 1280, height: 900 },
  });
  const close = async () => {
    // A renderer that crashed has already taken the context down; the profile still goes.
    await context.close().catch(() => undefined);
    await rm(profileDir, { recursive: true, force: true });
  };
  try {
    const extensionId = opts.extensionPath ? new URL((await extensionWorker(context)).url()).host : null;
    if (extensionId) await closeOnboardingTab(context, extensionId);
    return { context, extensionId, close };
  } catch (error) {
    await close();
    throw error;
  }
}


/**
 * Installing opens the options page in a new tab, which becomes the active one. Left open, it
 * would push the measured page into the background, where Chromium throttles frames and input
 * (each wheel step took ~2 s): the run would measure a hidden tab.
 */
export async function closeOnboardingTab(context: BrowserContext, extensionId: string): Promise<void> {
  const isOnboarding = (p: Page) => p.url().startsWith(`chrome-extension://${extensionId}/options.html`);
  // Polled: a tab's URL is still about:blank when its "page" event fires.
  for (const until = Date.now() + 15_000; Date.now() < until; await new Promise((r) => setTimeout(r, 50))) {
    const page = context.pages().find(isOnboarding);
    if (page) return page.close();
  }
  throw new Error('installing the extension did not open its onboarding tab');
}

async function extensionWorker(context: BrowserContext): Promise<Worker> {
  const isExtension = (w: Worker) => w.url().startsWith('chrome-extension://');
  return context.serviceWorkers().find(isExtension) ?? context.waitForEvent('serviceworker', { predicate: isExtension, timeout: 30_000 });
}
