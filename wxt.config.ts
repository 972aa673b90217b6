import { defineConfig } from 'wxt';
import { PALETTE_COMMAND, paletteSuggestedKey } from './lib/platform/shortcuts';

// A build that inherits another NODE_ENV (vitest sets "test") compiled JSX for React's development
// runtime but bundled the production one, so the helper could not mount: builds are production.
if (['build', 'zip'].includes(process.argv[2] ?? '')) process.env.NODE_ENV = 'production';

// Host access: blogs and forums live on any host, so (like Grammarly) the content
// script matches all http(s) pages and gates itself cheaply; see README "Permissions".
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: 'Frontline — support where your customers are',
    short_name: 'Frontline',
    description: 'Spot customer complaints on X, blogs and forums, and answer them in place as a real person.',
    permissions: ['storage', 'contextMenus', 'activeTab', 'scripting', 'alarms', 'notifications'],
    // Team sync (issue 19): the team's CouchDB server, asked for on the agent's click in the
    // options (lib/settings/team.ts refuses plain http except to this machine).
    ...(browser === 'firefox'
      ? { optional_permissions: ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'] }
      : { optional_host_permissions: ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'] }),
    // The reply helper is our own page framed inside the web page (entrypoints/overlay,
    // lib/content/frame-shell.ts): another origin, so the page can neither read nor operate it.
    // Chrome: reachable only at a per-session random address that runtime.getURL gives our
    // scripts, so a page cannot probe chrome-extension://<id>/overlay.html to learn we are
    // installed. Firefox MV2 has no such key (WXT flattens the list); its moz-extension://
    // address already carries a UUID random per install.
    web_accessible_resources: [
      { resources: ['overlay.html'], matches: ['http://*/*', 'https://*/*'], ...(browser === 'firefox' ? {} : { use_dynamic_url: true }) },
    ],
    commands: {
      // Per browser: Firefox keeps Ctrl+Shift+K for its Web Console (lib/platform/shortcuts.ts).
      [PALETTE_COMMAND]: {
        suggested_key: paletteSuggestedKey(browser),
        description: 'Open the Frontline command palette',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'frontline@frontline.example',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  // FRONTLINE_PROFILE_BUILD=1: readable function names for `bench:page`'s hottest-functions list.
  vite: () => (process.env.FRONTLINE_PROFILE_BUILD ? { build: { minify: false } } : {}),
  ...(process.env.FRONTLINE_PROFILE_BUILD ? { outDir: '.output-profile' } : {}),
});
