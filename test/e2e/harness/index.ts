// One import for e2e tests: `import { startSiteServer, launchWithExtension } from './harness'`.
export { startSiteServer, type Route, type RouteOptions, type RouteTarget, type SiteServer } from './server';
export {
  launchWithExtension,
  emulateDark,
  CHROMIUM_PATH,
  chromiumArgs,
  type ExtensionBrowser,
  type ExtensionPageName,
  type LaunchOptions,
} from './browser';
export { ensureBuilt, CHROME_OUTPUT } from './build';
