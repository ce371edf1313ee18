// The end of a disclosure's exported folder (issue 16): it holds the disclosed SMS values for the
// authority, so it goes DISCLOSURE_EXPORT_DAYS after the first export, with the retention sweep.
// Each file is overwritten before it is unlinked (no readable copy in the freed blocks of a
// simple file system); a local receipt puts the deletion in the Löschprotokoll and the audit
// chain records it. The register keeps the manifest's hash: what was handed over stays provable.
import { openSync, readdirSync, rmSync, statSync, writeSync, fsyncSync, closeSync, existsSync } from 'node:fs';
import path from 'node:path';
import { and, eq, isNotNull, isNull, lte, min } from 'drizzle-orm';
import { appendAudit } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { DeskDb } from '../db/open';
import { disclosures } from '../db/officer-schema';
import { receipts } from '../db/schema';
import { SYSTEM_ACTOR } from '../retention/purge';
import { EXPORTS_DIR } from './disclosure-export';

const due = (at: string) => and(isNotNull(disclosures.exportEndsAt), isNull(disclosures.exportPurgedAt), lte(disclosures.exportEndsAt, at));

/** Deletes every exported folder past its end; returns how many. */
export function purgeEndedExports(db: DeskDb, clock: Clock, dataDir: string): number {
  const now = clock().toISOString();
  const ended = db.select({ id: disclosures.id }).from(disclosures).where(due(now)).all();
  for (const { id } of ended) {
    const files = destroyFolder(path.join(dataDir, EXPORTS_DIR, id));
    db.transaction(() => {
      db.update(disclosures).set({ exportPurgedAt: now }).where(eq(disclosures.id, id)).run();
      db.insert(receipts).values({ requestId: id, purgedAt: now, rule: 'disclosure_export_ended', status: 'local' }).run();
      appendAudit(db, clock, { actor: SYSTEM_ACTOR, action: 'disclosure.export_purged', subject: id, details: { files } });
    });
  }
  return ended.length;
}

/** The soonest end of a folder not yet deleted, for the expiry scheduler. */
export function nextExportEnd(db: DeskDb): string | null {
  return db.select({ at: min(disclosures.exportEndsAt) }).from(disclosures).where(isNull(disclosures.exportPurgedAt)).get()?.at ?? null;
}

/** Overwrites each file of `dir` with zeros, then removes the folder; how many files it held. */
export function destroyFolder(dir: string): number {
  if (!existsSync(dir)) return 0;
  const names = readdirSync(dir);
  for (const name of names) {
    const file = path.join(dir, name);
    const size = statSync(file).size;
    const fd = openSync(file, 'r+');
    try {
      writeSync(fd, Buffer.alloc(size), 0, size, 0);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
  rmSync(dir, { recursive: true, force: true });
  return names.length;
}
