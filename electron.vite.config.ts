// Builds the three parts of the Electron app into out/: main (ESM, Node), preload (CommonJS, as
// sandboxed preloads cannot load ES modules) and the renderer (React, from renderer/index.html).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { contentSecurityPolicyForMetaTag } from './electron/main/content-security-policy';

const root = import.meta.dirname;
const at = (...path: string[]): string => resolve(root, ...path);

/**
 * Writes the production CSP into the built index.html as well: main also sends it as a header,
 * but Electron has not always run header hooks for file:// pages. Build only, because the dev
 * server needs the inline scripts this policy forbids.
 */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'desk:content-security-policy-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicyForMetaTag() },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/** Where main finds the drizzle migrations at run time (see MIGRATIONS_DIR in electron/main/index.ts). */
const MIGRATIONS_OUT = 'migrations';

/**
 * Copies the committed drizzle-kit migrations next to the main bundle: the core reads them from
 * disk before the first window, and bundling moves the code away from electron/core/db.
 */
function shipMigrations(): Plugin {
  const source = at('electron/core/db/migrations');
  return {
    name: 'desk:ship-migrations',
    apply: 'build',
    generateBundle() {
      for (const entry of readdirSync(source, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile()) continue;
        const file = join(entry.parentPath, entry.name);
        const fileName = [MIGRATIONS_OUT, ...relative(source, file).split(sep)].join('/');
        this.emitFile({ type: 'asset', fileName, source: readFileSync(file) });
      }
    },
  };
}

export default defineConfig({
  main: {
    plugins: [shipMigrations()],
    build: {
      outDir: at('out/main'),
      // Bundle everything except better-sqlite3: its native addon must be loaded from node_modules.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: at('electron/main/index.ts') },
        external: ['better-sqlite3'],
      },
    },
  },
  preload: {
    build: {
      outDir: at('out/preload'),
      // A sandboxed preload has no module loader: one self-contained CommonJS file, electron external.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: at('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: at('renderer'),
    plugins: [react(), contentSecurityPolicyMeta()],
    build: {
      outDir: at('out/renderer'),
      // Less to parse before the first screen (electron-vite leaves bundles unminified by default).
      minify: true,
      rolldownOptions: {
        input: { index: at('renderer/index.html') },
      },
    },
  },
});
