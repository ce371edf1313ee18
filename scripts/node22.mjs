#!/usr/bin/env node
// Runs a TypeScript entry point under Node 22 with tsx. better-sqlite3 13 crashes on older Node,
// so when the running node is older we re-run under the project's own Node 22 (.tools/, see
// README), installing it from the npm registry the first time, instead of segfaulting later.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const major = Number(process.versions.node.split('.')[0]);
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/node22.mjs <entry.ts> [args...]');
  process.exit(2);
}

let nodeBin = process.execPath;
if (major < 22) {
  const packageName = `node-${process.platform}-${process.arch}`;
  const local = path.join(root, `.tools/node_modules/${packageName}/bin/node`);
  if (!existsSync(local)) {
    // Node 22 comes from the npm registry as a package, so `npm install && npm start` stays one step.
    console.error(`Node ${process.versions.node} ist zu alt; Servicecenter Desk braucht Node 22. Installiere ${packageName}@22 nach .tools/ …`);
    const install = spawnSync('npm', ['install', '--prefix', path.join(root, '.tools'), '--no-save', '--no-package-lock', `${packageName}@22`], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (install.status !== 0 || !existsSync(local)) {
      console.error(
        `Node 22 konnte nicht installiert werden. Bitte Node 22 installieren (z. B. \`npm install --prefix .tools ${packageName}@22\`).\n` +
          `Node ${process.versions.node} is too old and Node 22 could not be installed: install Node 22.`,
      );
      process.exit(1);
    }
  }
  nodeBin = local;
}
const tsx = import.meta.resolve('tsx');
const env = { ...process.env };
if (nodeBin !== process.execPath) env.PATH = `${path.dirname(nodeBin)}${path.delimiter}${env.PATH ?? ''}`;
const result = spawnSync(nodeBin, ['--import', tsx, path.resolve(root, entry), ...args], { stdio: 'inherit', env });
if (result.error) {
  console.error(result.error.message);
  process.exit(1);
}
if (result.signal) process.kill(process.pid, result.signal);
process.exit(result.status ?? 1);
