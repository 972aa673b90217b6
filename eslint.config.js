// A small rule set the code passes (ARCHITECTURE.md, "Checks"): ESLint's and typescript-eslint's
// recommended rules, React's rules of hooks, and no page or extension globals in the pure core.
// Import boundaries are dependency-cruiser's job (.dependency-cruiser.cjs); none are repeated here.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Globals that only exist in a page, a worker or an extension: the pure core must not reach for them. */
const PLATFORM_GLOBALS = ['window', 'document', 'navigator', 'location', 'localStorage', 'sessionStorage',
  'indexedDB', 'fetch', 'browser', 'chrome', 'MutationObserver', 'requestAnimationFrame', 'HTMLElement', 'Element', 'Node']
  .map((name) => ({ name, message: 'The pure core (model, detect, snippets, time) runs anywhere: pass what you need in.' }));

export default tseslint.config(
  { ignores: ['.output/**', '.output-profile/**', '.wxt/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // A disable comment that silences nothing is a stale note; it fails like any other error.
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // `_name` marks a parameter or a destructured field left out on purpose.
      '@typescript-eslint/no-unused-vars': ['error', {
        argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true,
      }],
    },
  },
  {
    files: ['lib/model/**', 'lib/detect/**', 'lib/snippets/**', 'lib/time/**', 'lib/types.ts'],
    rules: { 'no-restricted-globals': ['error', ...PLATFORM_GLOBALS] },
  },
  {
    // One write path (ARCHITECTURE.md): the log's write functions are lib/actions' to call, so the
    // rules after a write (retry queue, follow-up alarm, badge) are kept once. Tests, benches and
    // tools that seed a database call them directly.
    files: ['components/**', 'entrypoints/**', 'lib/**'],
    ignores: ['lib/actions/**', 'lib/db/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{
          regex: '(^@/lib/db|^\\.\\./db|/lib/db)(/index)?$',
          importNames: ['recordPosts', 'recordEvent', 'snooze', 'markResolved', 'applyRetention', 'deleteAllData', 'importJSON', 'withRetryQueue', 'recordCorrection', 'mergeContactRecords', 'undoMergeRecords'],
          message: 'Write through lib/actions: it keeps the alarm and the badge in step with the write.',
        }],
      }],
    },
  },
  {
    // Tests and benches drive a real browser and reach into page globals that have no types.
    files: ['test/**', 'bench/**', 'research/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
