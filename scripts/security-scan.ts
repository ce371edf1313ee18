// `npm run security:scan [-- DIR]`: runs @doyensec/electronegativity over the code Electron
// runs (main, preload, and the renderer page with its built-in CSP) or over DIR. Fails on any
// HIGH or CRITICAL finding, and on any MEDIUM finding that SECURITY.md does not explain: a new
// medium must be fixed or documented, not silently accepted.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentSecurityPolicyForMetaTag } from '../electron/main/content-security-policy';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The Electron we target; passed explicitly so the tool does not go online to guess defaults. */
const ELECTRON_VERSION = '45.5.0';

export interface Finding {
  check: string;
  severity: string;
  file: string;
  location: string;
}

/** Copies what runs in Electron (no tests) plus index.html carrying the CSP as built. */
function stageApp(into: string): void {
  for (const part of ['main', 'preload']) {
    const from = path.join(ROOT, 'electron', part);
    mkdirSync(path.join(into, part));
    for (const name of readdirSync(from)) {
      if (name.endsWith('.ts') && !name.endsWith('.test.ts')) copyFileSync(path.join(from, name), path.join(into, part, name));
    }
  }
  const html = readFileSync(path.join(ROOT, 'renderer', 'index.html'), 'utf8').replace(
    '<head>',
    `<head>\n    <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicyForMetaTag()}" />`,
  );
  writeFileSync(path.join(into, 'index.html'), html);
}

export function scan(input: string | null): Finding[] {
  const work = mkdtempSync(path.join(os.tmpdir(), 'servicedesk-eneg-'));
  try {
    let target = input;
    if (!target) {
      target = path.join(work, 'app');
      mkdirSync(target);
      stageApp(target);
    }
    const csv = path.join(work, 'findings.csv');
    const bin = path.join(ROOT, 'node_modules', '.bin', 'electronegativity');
    const run = spawnSync(bin, ['-e', ELECTRON_VERSION, '-r', '-i', target, '-o', csv], { encoding: 'utf8', timeout: 120_000 });
    if (run.status !== 0) throw new Error(`electronegativity failed (exit ${run.status}): ${run.stderr}`);
    return parseCsv(readFileSync(csv, 'utf8'));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function parseCsv(text: string): Finding[] {
  return text
    .split('\n')
    .slice(1)
    .filter((line) => line.trim())
    .map((line) => {
      const cells = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)?.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '')) ?? [];
      return { check: cells[0] ?? '', severity: (cells[1] ?? '').toUpperCase(), file: cells[3] ?? '', location: cells[4] ?? '' };
    });
}

/** Check names SECURITY.md documents as accepted mediums (rows of its table start with `| CHECK_NAME |`). */
export function documentedMediums(): Set<string> {
  const text = readFileSync(path.join(ROOT, 'SECURITY.md'), 'utf8');
  return new Set([...text.matchAll(/^\|\s*`?([A-Z_]+_CHECK)`?\s*\|/gm)].map((m) => m[1]!));
}

export function verdict(findings: Finding[], documented: Set<string>): string[] {
  return findings
    .filter((f) => f.severity === 'HIGH' || f.severity === 'CRITICAL' || (f.severity === 'MEDIUM' && !documented.has(f.check)))
    .map((f) => `${f.severity} ${f.check} ${f.file}:${f.location}${f.severity === 'MEDIUM' ? ' (not documented in SECURITY.md)' : ''}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const input = process.argv[2] ? path.resolve(process.argv[2]) : null;
  const findings = scan(input);
  const problems = verdict(findings, documentedMediums());
  for (const f of findings) console.log(`${f.severity.padEnd(8)} ${f.check} ${f.file}:${f.location}`);
  if (problems.length > 0) {
    console.error(`\nSicherheitsprüfung fehlgeschlagen:\n${problems.join('\n')}`);
    process.exit(1);
  }
  console.log(`\nSicherheitsprüfung bestanden: ${findings.length} dokumentierte Hinweise, keine hohen.`);
}
