// Exports an approved disclosure into the data directory's exports/<id>/: PDF, CSV and JSON
// plus a manifest with each file's SHA-256, so the authority and we can prove what was handed over.
// The folder ends DISCLOSURE_EXPORT_DAYS after the first export (disclosure-export-end.ts).
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { DISCLOSURE_EXPORT_DAYS } from '../../../shared/disclosures';
import type { DisclosureExport, DisclosureManifest } from '../../../shared/officer-views';
import { appendAudit } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { DeskDb } from '../db/open';
import { disclosures } from '../db/officer-schema';
import { DeskError } from '../desk-error';
import { ensurePrivateFolder } from '../private-folder';
import { disclosureCsv, disclosureJson, disclosurePdf } from './disclosure-files';
import { disclosureEntry, itemIds, smsRecordsById, type Staff } from './disclosures';

export const EXPORTS_DIR = 'exports';

export const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

export async function exportDisclosure(db: DeskDb, clock: Clock, dataDir: string, staff: Staff, disclosureId: string): Promise<DisclosureExport> {
  const entry = disclosureEntry(db, staff, disclosureId);
  // The package is handed over by the officer who asked for it, from her workstation's copy of the log.
  if (!entry.mine) throw new DeskError('forbidden', 'Exportieren kann nur, wer die Offenlegung beantragt hat, an ihrem Arbeitsplatz.');
  if (entry.status !== 'approved') throw new DeskError('conflict', 'Exportieren erst nach Freigabe durch die Leitung.');
  const now = clock();
  if (entry.exportPurgedAt || (entry.exportEndsAt && entry.exportEndsAt <= now.toISOString())) {
    throw new DeskError('conflict', 'Die Frist des Exports ist abgelaufen: Der Exportordner wurde gelöscht und wird nicht neu geschrieben.');
  }
  const ids = itemIds(db, disclosureId);
  const records = smsRecordsById(db, ids);
  if (records.length !== ids.length) {
    throw new DeskError('conflict', `${ids.length - records.length} Datensätze fehlen im SMS-Protokoll (noch nicht synchronisiert oder gelöscht).`);
  }
  const exportedAt = now.toISOString();
  // Set at the first export; a later export (a lost file) keeps the end.
  const exportEndsAt = entry.exportEndsAt ?? new Date(now.getTime() + DISCLOSURE_EXPORT_DAYS * 86_400_000).toISOString();
  const pkg = { entry, records, exportedAt };
  const contents: [string, Buffer][] = [
    ['disclosure.pdf', await disclosurePdf(pkg)],
    ['disclosure.csv', disclosureCsv(pkg)],
    ['disclosure.json', disclosureJson(pkg)],
  ];
  // Personal data for an authority: only this user may read the folder and files.
  const dir = path.join(dataDir, EXPORTS_DIR, disclosureId);
  ensurePrivateFolder(path.join(dataDir, EXPORTS_DIR));
  ensurePrivateFolder(dir);
  const files = contents.map(([name, bytes]) => {
    const file = path.join(dir, name);
    writeFileSync(file, bytes, { mode: 0o600 });
    return { name, path: file, bytes: bytes.length, sha256: sha256(bytes) };
  });
  const manifest: DisclosureManifest = {
    disclosureId,
    caseRef: entry.caseRef,
    authority: entry.authority,
    authorityRef: entry.authorityRef,
    legalBasis: entry.legalBasis,
    requestedBy: entry.requestedBy,
    approvedBy: entry.decidedBy ?? '',
    approvedAt: entry.decidedAt ?? exportedAt,
    exportedAt,
    records: records.length,
    algorithm: 'SHA-256',
    files: files.map(({ name, bytes, sha256: hash }) => ({ name, bytes, sha256: hash })),
  };
  const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2) + '\n', 'utf8');
  const manifestPath = path.join(dir, 'manifest.json');
  writeFileSync(manifestPath, manifestBytes, { mode: 0o600 });
  const manifestSha256 = sha256(manifestBytes);
  db.transaction(() => {
    db.update(disclosures).set({ exportedAt, exportedBy: staff.userId, manifestSha256, exportEndsAt }).where(eq(disclosures.id, disclosureId)).run();
    appendAudit(db, clock, { actor: staff.userId, action: 'disclosure.export', subject: disclosureId, details: { records: records.length, manifest: manifestSha256, endsAt: exportEndsAt } });
  });
  return { dir, files, manifestPath, manifestSha256, manifest, endsAt: exportEndsAt };
}
