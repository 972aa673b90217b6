import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { e2eTimeZone } from './time-zone';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type { SiteServer } from './server';

export const CHROMIUM_PATH = process.env.FRONTLINE_CHROMIUM ?? '/usr/bin/chromium';

export type ExtensionPageName = 'popup' | 'options' | 'dashboard';
export type ColorScheme = 'light' | 'dark';

export interface LaunchOptions {
  extensionPath?: string;
  /** Every host it serves is mapped to it, so pages load under their real names. */
  server?: SiteServer;
  headless?: boolean;
  screenshotsDir?: string;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  openExtensionPage(name: ExtensionPageName, opts?: { colorScheme?: ColorScheme }): Promise<Page>;
  openSite(host: string, pathname?: string): Promise<Page>;
  readExtensionDb(dbName?: string): Promise<Record<string, unknown[]>>;
  screenshot(page: Page, name: string, opts?: { fullPage?: boolean }): Promise<string>;
  close(): Promise<void>;
}

export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const extensionPath = path.resolve(options.extensionPath ?? '.output/chrome-mv3');
  const screenshotsDir = path.resolve(options.screenshotsDir ?? 'test-results/screenshots');
  const { server, headless = true } = options;
  if (!existsSync(path.join(extensionPath, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionPath}: run \`npx wxt build\` first.`);
  }
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: \`apt-get install -y chromium\` (see scripts/test-all.sh).`);
  }

  const profileDir = await mkdtemp(path.join(os.tmpdir(), 'frontline-profile-'));
  const timeZone = e2eTimeZone();
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless,
    // See time-zone.ts: the suite runs at a chosen local hour, not the hour CI happens to run.
    env: timeZone ? { ...process.env, TZ: timeZone } : process.env,
    args: chromiumArgs(extensionPath, server),
    viewport: { width: 1280, height: 900 },
  });

  try {
    const serviceWorker = await extensionServiceWorker(context);
    const extensionId = new URL(serviceWorker.url()).host;
    const extensionUrl = (file: string) => `chrome-extension://${extensionId}/${file}`;

    return {
      context,
      extensionId,
      serviceWorker,
      async openExtensionPage(name, opts = {}) {
        const page = await context.newPage();
        if (opts.colorScheme) await page.emulateMedia({ colorScheme: opts.colorScheme });
        return gotoOrClose(page, extensionUrl(`${name}.html`));
      },
      async openSite(host, pathname = '/') {
        if (!server) throw new Error('openSite needs launchWithExtension({ server })');
        const url = server.url(host, pathname);
        try {
          return await gotoOrClose(await context.newPage(), url);
        } catch (error) {
          // Chromium's renderer dies now and then on a loaded 2-core machine before any test step
          // (seen once in ~40 runs of one file): one fresh tab, said in the log. A page that crashes
          // twice (our script making it crash) still fails the test.
          if (!String(error).includes('Page crashed')) throw error;
          console.warn(`openSite: the renderer crashed loading ${url}; one more try in a new tab`);
          return gotoOrClose(await context.newPage(), url);
        }
      },
      async readExtensionDb(dbName = 'frontline') {
        // manifest.json is always there and runs none of our code, yet is a document of the
        // extension's origin, which owns the database (content scripts would see the page's).
        const page = await context.newPage();
        try {
          await page.goto(extensionUrl('manifest.json'));
          return (await page.evaluate(`(${DUMP_DATABASE})(${JSON.stringify(dbName)})`)) as Record<string, unknown[]>;
        } finally {
          await page.close();
        }
      },
      async screenshot(page, name, opts = {}) {
        await mkdir(screenshotsDir, { recursive: true });
        const file = path.join(screenshotsDir, `${name}.png`);
        await page.screenshot({ path: file, fullPage: opts.fullPage ?? false });
        return file;
      },
      async close() {
        await context.close();
        await rm(profileDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context.close();
    await rm(profileDir, { recursive: true, force: true });
    throw error;
  }
}

export async function emulateDark(page: Page): Promise<void> {
  await page.emulateMedia({ colorScheme: 'dark' });
}

// A failed navigation (a page the build does not have yet) must not leave a stray tab behind.
async function gotoOrClose(page: Page, url: string): Promise<Page> {
  try {
    const response = await page.goto(url);
    if (response && !response.ok()) throw new Error(`${url}: HTTP ${response.status()}`);
    return page;
  } catch (error) {
    await page.close();
    throw error;
  }
}

/**
 * Chromium's flags for the tests and the benchmarks alike. With `extensionPath` null (a
 * benchmark's baseline run) the flags are the same minus the extension.
 */
export function chromiumArgs(extensionPath: string | null, server?: SiteServer): string[] {
  const args = [
    ...(extensionPath ? [`--disable-extensions-except=${extensionPath}`, `--load-extension=${extensionPath}`] : []),
    '--no-sandbox',
    '--disable-gpu',
    // The local server speaks TCP only; no QUIC attempts that could reach the real hosts.
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--ignore-certificate-errors',
  ];
  if (server) {
    const target = `127.0.0.1:${server.port}`;
    const rules = server.hosts.flatMap((host) => [`MAP ${host} ${target}`, `MAP *.${host} ${target}`]);
    // Every other host fails at once: saved pages link CDNs and trackers, and waiting for
    // DNS timeouts on an offline machine would hold up the load event by seconds.
    // 127.0.0.1 itself stays reachable: the team-sync test's CouchDB server listens there.
    rules.push('EXCLUDE 127.0.0.1', 'MAP * ~NOTFOUND');
    args.push(`--host-resolver-rules=${rules.join(', ')}`);
  }
  return args;
}

// The worker may already be running when the context is returned, or start a moment later.
async function extensionServiceWorker(context: BrowserContext): Promise<Worker> {
  const isExtension = (worker: Worker) => worker.url().startsWith('chrome-extension://');
  const running = context.serviceWorkers().find(isExtension);
  if (running) return running;
  return context.waitForEvent('serviceworker', { predicate: isExtension, timeout: 30_000 });
}

// Runs in the page: plain indexedDB so it works whatever wrapper (Dexie) wrote the data.
// `events` is the flat log, read from the interactions' embedded logs (schema v5), and
// `interactions` the list the histories hold (schema v8).
// Kept as source text: tsx/esbuild wrap named functions in a `__name` helper that does not
// exist in the page, which breaks a function passed to page.evaluate.
const DUMP_DATABASE = `async (dbName) => {
  const known = await indexedDB.databases();
  // Opening a database that does not exist would create it at version 1 and confuse Dexie later.
  if (!known.some((db) => db.name === dbName)) return {};
  const done = (request) => new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const db = await done(indexedDB.open(dbName));
  try {
    const dump = {};
    for (const store of Array.from(db.objectStoreNames)) {
      dump[store] = await done(db.transaction(store, 'readonly').objectStore(store).getAll());
    }
    // Since schema v8 a person's interactions are one history record: tests read them as the
    // interactions store they were, in id order.
    if (!dump.interactions && dump.histories) {
      dump.interactions = dump.histories.flatMap((h) => h.interactions);
      dump.interactions.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    }
    // Since schema v5 each interaction holds its events; tests read them as the flat log they are.
    if (!dump.events && dump.interactions) {
      dump.events = [];
      for (const i of dump.interactions) for (const e of i.events || []) dump.events.push({ interactionId: i.id, contactId: i.contactId, ...e });
    }
    return dump;
  } finally {
    db.close();
  }
}`;
