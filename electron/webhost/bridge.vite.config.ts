// Builds the browser bridge into one classic script the web host serves before the renderer.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  build: {
    outDir: path.resolve(here, '../../out/webhost'),
    emptyOutDir: true,
    lib: {
      entry: path.join(here, 'browser-bridge.ts'),
      formats: ['iife'],
      name: 'ServicedeskBridge',
      fileName: () => 'desk-bridge.js',
    },
  },
});
