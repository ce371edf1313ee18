// The browser row serves the built renderer and bridge from out/. A fresh clone has no out/, and
// a stale one measures old code: build first, like `npm run test:e2e`, or stop at once saying how.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** What the build reads for the renderer and the web host's bridge. */
const SOURCES = ['renderer', 'shared', 'electron/webhost', 'electron/preload', 'electron.vite.config.ts', 'package.json', 'package-lock.json'];
/** What the browser row needs from the build. */
const OUTPUTS = ['out/renderer/index.html', 'out/webhost/desk-bridge.js'];

function newestMtime(file: string): number {
  if (!existsSync(file)) return 0;
  const stat = statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(file, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(file, entry.name)));
  }
  return newest;
}

/** Why out/ cannot be used as it is, or null when it is up to date. */
export function buildProblem(root: string): string | null {
  const outputs = OUTPUTS.map((f) => path.join(root, f));
  const missing = outputs.find((f) => !existsSync(f));
  if (missing) return `${path.relative(root, missing)} is missing`;
  const built = Math.min(...outputs.map((f) => statSync(f).mtimeMs));
  const changed = SOURCES.find((s) => newestMtime(path.join(root, s)) > built);
  return changed ? `${changed} changed after the last build` : null;
}

/** Builds out/ when it is missing or stale; throws, naming the command to run, if that fails. */
export function ensureBuilt(root: string, log: (line: string) => void): void {
  const problem = buildProblem(root);
  if (!problem) return;
  log(`building out/ first (${problem}): npm run build …`);
  const result = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0 || buildProblem(root)) {
    throw new Error(`the browser row needs a current build of out/, and \`npm run build\` failed (${result.status ?? result.signal}); run it, fix what it reports, then \`npm run bench\` again`);
  }
}
