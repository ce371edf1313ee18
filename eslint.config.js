// Import boundaries (STYLE.md 1): where code may run is enforced here.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const NODE_MODULES = ['node:*', 'fs', 'path', 'os', 'crypto', 'http', 'https', 'net', 'child_process', 'url', 'util', 'stream', 'zlib', 'better-sqlite3', 'drizzle-orm', 'drizzle-orm/*'];

const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', '.tools/', '.data/', 'test-results/', 'playwright-report/', 'electron/core/db/migrations/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: restrict([...NODE_MODULES, 'electron', 'electron/*', 'react', 'react-dom', '../electron/**', '../renderer/**', '../backend/**'], 'shared/ is the contract: no Node, Electron, DOM or app imports.'),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: restrict([...NODE_MODULES, 'electron', 'electron/*', '**/electron/**', '**/backend/**'], 'renderer/ talks to the host only through window.api; it imports shared/ only.'),
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: restrict(['electron', 'electron/*', '**/renderer/**', '**/main/**', '**/preload/**'], 'electron/core runs in plain Node: it never imports electron.'),
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: restrict([...NODE_MODULES, '**/core/**'], 'the preload is a dumb bridge: electron and shared/ only.'),
  },
  {
    // The website's form script runs in the citizen's browser.
    files: ['backend/forms/*.js'],
    languageOptions: { globals: { ...globals.browser }, sourceType: 'script' },
  },
  {
    files: ['backend/**/*.ts'],
    rules: restrict(['electron', 'electron/*', '**/renderer/**', '**/electron/**'], 'backend/ is the reference server: it shares only shared/ with the app.'),
  },
);
