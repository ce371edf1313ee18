// Counts deleted values in the raw bytes of a PostgreSQL cluster's files (what a dump cannot
// see): per value and per place — a table's heap, its indexes, TOAST, the free space map, the
// WAL, anything else — with the relation named where the file belongs to one.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export interface Residue {
  marker: string;
  /** Occurrences of the value's UTF-8 bytes. */
  count: number;
  file: string;
  place: string;
}

function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(dir, name))
    .filter((file) => {
      try {
        return statSync(file).isFile();
      } catch {
        return false; // removed while we looked (a WAL segment recycled)
      }
    });
}

function occurrences(haystack: Buffer, needle: Buffer): number {
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) count++;
  return count;
}

/**
 * `relations` maps a relfilenode to its relation's name and kind (r table, i index, t TOAST);
 * files of other relations (catalogs) and the cluster's own files are named by their folder.
 */
export function scanCluster(dataDir: string, markers: readonly string[], relations: ReadonlyMap<string, { name: string; kind: string }>): Residue[] {
  const found: Residue[] = [];
  const needles = markers.map((marker) => ({ marker, bytes: Buffer.from(marker, 'utf8') }));
  for (const file of filesBelow(dataDir)) {
    let content: Buffer;
    try {
      content = readFileSync(file);
    } catch {
      continue;
    }
    const relative = path.relative(dataDir, file);
    for (const { marker, bytes } of needles) {
      const count = occurrences(content, bytes);
      if (count > 0) found.push({ marker, count, file: relative, place: placeOf(relative, relations) });
    }
  }
  return found;
}

export function placeOf(relative: string, relations: ReadonlyMap<string, { name: string; kind: string }>): string {
  if (relative.startsWith('pg_wal')) return 'WAL';
  const match = /^base\/\d+\/(\d+)(_fsm|_vm|_init)?(\.\d+)?$/.exec(relative);
  if (!match) return relative.split(path.sep)[0] ?? relative;
  const fork = match[2] === '_fsm' ? ' (free space map)' : match[2] === '_vm' ? ' (visibility map)' : '';
  const relation = relations.get(match[1] ?? '');
  if (!relation) return `catalog or other relation${fork}`;
  const kind = relation.kind === 'i' ? 'index' : relation.kind === 't' ? 'TOAST' : 'heap';
  return `${kind} ${relation.name}${fork}`;
}

/** Sums per marker and place, for the report. */
export function summarize(residue: readonly Residue[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const r of residue) {
    const byPlace = (out[r.marker] ??= {});
    byPlace[r.place] = (byPlace[r.place] ?? 0) + r.count;
  }
  return out;
}
