/**
 * The layers of Frontline and what each may import (ARCHITECTURE.md, "Layers"). `npm run lint`
 * runs this over the product, the tools and the tests; a violation fails the build.
 *
 * Type-only imports count (tsPreCompilationDeps): a cycle through types is still a knot a
 * newcomer has to untie before they can move a file.
 *
 * @type {import('dependency-cruiser').IConfiguration}
 */
const PURE_CORE = '^lib/((model|detect|snippets|time)/|types\\.ts$)';
const PRODUCT = '^(lib|components|entrypoints)/';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No module reaches itself again through its imports.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'pure-core-stays-pure',
      comment:
        'The model, detector, snippets and clock are plain functions over data: they run the same in a ' +
        'content script, the service worker, a page and Node (tests, scripts, benches). They import each ' +
        'other, zod and date-fns (pure calendar functions), nothing else: no browser APIs, no DOM ' +
        'libraries, no Dexie, no React.',
      severity: 'error',
      from: { path: PURE_CORE },
      to: { pathNot: [PURE_CORE, '^node_modules/zod/', '^node_modules/date-fns/'] },
    },
    {
      name: 'lib-never-imports-components',
      comment: 'lib/ is the engine; components/ (React) draws it. The engine must not depend on a view.',
      severity: 'error',
      from: { path: '^lib/' },
      to: { path: '^components/' },
    },
    {
      name: 'entrypoints-are-composition-roots',
      comment: 'An entrypoint wires lib/ and components/ together for one bundle; nothing imports it back.',
      severity: 'error',
      from: { pathNot: '^entrypoints/' },
      to: { path: '^entrypoints/' },
    },
    {
      name: 'entrypoints-stay-apart',
      comment: 'Each entrypoint is its own bundle: one may not pull in another (its own folder is fine).',
      severity: 'error',
      from: { path: '^entrypoints/([^/.]+)' },
      to: { path: '^entrypoints/', pathNot: '^entrypoints/$1' },
    },
    {
      name: 'storage-below-features',
      comment:
        'lib/db is the storage layer: insights, messages, the background and the content scripts build ' +
        'on it, never the other way round.',
      severity: 'error',
      from: { path: '^lib/db/' },
      to: { path: '^lib/(actions|insights|messages|background|content|scan|sites|settings|sync)/' },
    },
    {
      name: 'sync-below-its-callers',
      comment:
        'lib/sync (team sync through CouchDB) reads the log (lib/db) and writes through lib/actions; the ' +
        'background, settings and pages drive it, never the other way round, and the page never reaches it.',
      severity: 'error',
      from: { path: '^lib/sync/' },
      to: { path: '^lib/(background|content|insights|settings|overlay|messages|scan|sites)/' },
    },
    {
      name: 'actions-below-their-callers',
      comment:
        'lib/actions is the one write path, shared by the background router and the extension pages ' +
        '(ARCHITECTURE.md, "One write path"): it builds on storage and the browser, never on who calls it.',
      severity: 'error',
      from: { path: '^lib/actions/' },
      to: { path: '^lib/(background|content|insights|settings|sync)/' },
    },
    {
      name: 'page-reading-knows-no-storage',
      comment: 'Site adapters and the scanner read the page; they know nothing of storage or the background.',
      severity: 'error',
      from: { path: '^lib/(sites|scan)/' },
      to: { path: '^lib/(actions|db|background|content|insights|messages|settings)/' },
    },
    {
      name: 'the-page-script-runs-no-model',
      comment: "The detector runs in the background (issue 18, lib/background/score.ts): the page's script never pays for the weights or the scoring.",
      severity: 'error',
      from: { path: ['^lib/content/', '^entrypoints/main\\.content/'] },
      to: { path: ['^lib/detect/(index|model|features|language|adapt)\\.ts$', '^lib/detect/weights\\.json$'] },
    },
    {
      name: 'product-imports-no-tools',
      comment: 'Shipped code never imports tests, scripts, benches or research, and never the shared folder outside the repository.',
      severity: 'error',
      from: { path: PRODUCT },
      to: { path: ['^(test|scripts|bench|research)/', '(^|/)\\.\\./shared/'] },
    },
    {
      name: 'product-imports-no-dev-dependencies',
      comment:
        'What ships may only use `dependencies`. WXT is the exception: a build tool whose runtime helpers ' +
        '(wxt/browser, content-script context) the build bundles.',
      severity: 'error',
      from: { path: PRODUCT },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'], pathNot: '^node_modules/wxt/' },
    },
    {
      name: 'resolvable',
      comment: 'Every import resolves (a typo or a missing alias would otherwise hide an edge from the rules above).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, pathNot: ['^#imports$', '^virtual:', '^wxt/'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^\\.wxt/', '^\\.output'] },
    // A tsconfig with a baseUrl, so dependency-cruiser's resolver follows WXT's '@/' alias.
    tsConfig: { fileName: 'tsconfig.depcruise.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
  },
};
