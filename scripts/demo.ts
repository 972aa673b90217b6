import path from 'node:path';
import { DEMO_PAGES, type DemoPage } from '../demo/pages/generate';
import { launchWithExtension, type ExtensionBrowser, type ExtensionPageName } from '../test/e2e/harness/browser';
import { startSiteServer } from '../test/e2e/harness/server';

// The extension on three saved sites served under their real host names (demo/pages/README.md).
// With a display: a browser to try it in, until Ctrl+C. Without: screenshots in demo-screenshots/.

const PAGES_DIR = path.resolve('demo/pages');
const OUT_DIR = path.resolve('demo-screenshots');
// The content script scans after load and its UI mounts lazily; give it time to mark posts.
const SETTLE_MS = 2_500;
const CHIPS_SETTLE_MS = 600;

const headed = Boolean(process.env.DISPLAY);
const sites: DemoPage[] = Object.values(DEMO_PAGES);
const server = await startSiteServer(Object.fromEntries(sites.map((site) => [site.host, path.join(PAGES_DIR, site.host)])));
const browser = await launchWithExtension({ server, headless: !headed, screenshotsDir: OUT_DIR });
console.log(`Frontline ${browser.extensionId} loaded; serving ${sites.map((s) => s.host).join(', ')} on 127.0.0.1:${server.port}`);

if (headed) await keepOpen(browser);
else await takeScreenshots(browser);

async function keepOpen(browser: ExtensionBrowser): Promise<void> {
  for (const site of sites) await browser.openSite(site.host, site.path);
  // The popup is an ordinary tab here: a toolbar popup cannot be opened programmatically.
  await browser.openExtensionPage('popup').catch((error: unknown) => console.warn(`no popup.html yet: ${String(error).split('\n')[0]}`));
  console.log('Browser open with the demo pages and the popup. Press Ctrl+C to stop.');
  const stop = async () => {
    await browser.close().catch(() => undefined);
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  browser.context.on('close', stop);
}

async function takeScreenshots(browser: ExtensionBrowser): Promise<void> {
  const written: string[] = [];
  for (const [name, site] of Object.entries(DEMO_PAGES) as [string, DemoPage][]) {
    const page = await browser.openSite(site.host, site.path);
    await page.waitForTimeout(SETTLE_MS);
    // Show the first post Frontline flagged, else the part of the page where the posts are.
    const focus = page.locator(['[data-frontline-severity]', site.scrollTo].filter(Boolean).join(', ')).first();
    if (await focus.count()) await focus.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    // Chips are placed again once scrolling pauses (150 ms): the screenshot shows them settled.
    await page.waitForTimeout(CHIPS_SETTLE_MS);
    written.push(await browser.screenshot(page, `${name}-${site.host}`));
    written.push(await browser.screenshot(page, `${name}-${site.host}-full`, { fullPage: true }));
    await page.close();
  }
  for (const name of ['popup', 'options', 'dashboard'] satisfies ExtensionPageName[]) {
    const page = await browser.openExtensionPage(name).catch((error: unknown) => {
      console.warn(`skipped ${name}.html: ${String(error).split('\n')[0]}`);
      return null;
    });
    if (!page) continue;
    await page.waitForTimeout(500);
    written.push(await browser.screenshot(page, `extension-${name}`, { fullPage: true }));
    await page.close();
  }
  await browser.close();
  await server.close();
  console.log(`\nScreenshots (${written.length}) in ${OUT_DIR}:`);
  for (const file of written) console.log(`  ${file}`);
  console.log('Open them with any image viewer, or run with $DISPLAY set (e.g. xvfb-run -a, or a desktop) to browse live.');
}
