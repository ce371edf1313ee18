// Looks for values in the raw bytes of files: the proof that a purge left nothing behind.
// A value counts as found in UTF-8, in UTF-16 (either byte order), or, for a phone number,
// as its bare digit sequence.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export interface ScanFinding {
  file: string;
  marker: string;
  encoding: 'utf8' | 'utf16le' | 'utf16be' | 'digits';
}

function encodings(marker: string): { encoding: ScanFinding['encoding']; bytes: Buffer }[] {
  const out: { encoding: ScanFinding['encoding']; bytes: Buffer }[] = [
    { encoding: 'utf8', bytes: Buffer.from(marker, 'utf8') },
    { encoding: 'utf16le', bytes: Buffer.from(marker, 'utf16le') },
    { encoding: 'utf16be', bytes: Buffer.from(marker, 'utf16le').swap16() },
  ];
  const digits = marker.replace(/\D/g, '');
  if (digits.length >= 6 && digits !== marker) out.push({ encoding: 'digits', bytes: Buffer.from(digits, 'utf8') });
  return out;
}

export function scanFiles(files: readonly string[], markers: readonly string[]): ScanFinding[] {
  const findings: ScanFinding[] = [];
  for (const file of files) {
    if (!existsSync(file)) continue;
    const content = readFileSync(file);
    for (const marker of markers) {
      for (const { encoding, bytes } of encodings(marker)) {
        if (content.includes(bytes)) findings.push({ file, marker, encoding });
      }
    }
  }
  return findings;
}

/** Every regular file below `dir`: the database, its -wal and -shm, logs, anything else. */
export function filesBelow(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(dir, name))
    .filter((file) => statSync(file).isFile());
}
