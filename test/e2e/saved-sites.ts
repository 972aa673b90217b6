import { readFileSync } from 'node:fs';
import type { Post } from '../../lib/types';
import { extractPosts as readSavedPage } from '../../scripts/sites/extract-page';
import { launchWithExtension, startSiteServer, type ExtensionBrowser, type SiteServer } from './harness';
import { saveProfile } from './helpers';

/**
 * The posts `npm run extract` reads from a saved page at its URL: what the browser must mark. Read in
 * this process through the function the CLI calls (its own test covers the CLI): one `npx tsx` per
 * page cost 3-8 s on CI's 2-core machine, about a minute and a half over the suite. The JSON round
 * trip keeps the posts in the form the CLI prints.
 */
export function extractPosts(url: string, file: string): Post[] {
  return JSON.parse(JSON.stringify(readSavedPage(readFileSync(file), new URL(url)))) as Post[];
}

/**
 * The built extension in Chromium, with saved pages served under their own host names (routes:
 * host → path → file), set to flag every complaint rather than only brand mentions, since these
 * pages are not about our brand.
 */
export async function openSavedSites(
  routes: Record<string, Record<string, string>>,
): Promise<{ server: SiteServer; browser: ExtensionBrowser }> {
  const server = await startSiteServer(routes);
  const browser = await launchWithExtension({ server });
  const options = await saveProfile(browser, '');
  await options.getByLabel('Every complaint').check();
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await options.close();
  return { server, browser };
}

/** Routes for pages given as host, path and file. */
export function routesOf(pages: ReadonlyArray<{ host: string; path: string; file: string }>): Record<string, Record<string, string>> {
  const routes: Record<string, Record<string, string>> = {};
  for (const p of pages) (routes[p.host] ??= {})[p.path] = p.file;
  return routes;
}
