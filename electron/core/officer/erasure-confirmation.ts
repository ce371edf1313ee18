// Writes the Löschbestätigung (PDF) and the proof for the file (JSON) of a finished Löschung into
// the data directory's exports/erasure-<case id>/, private to this user like a disclosure export,
// with a manifest of SHA-256 sums. Only once the backend awaits no receipt: before that, neither
// the letter's "erased everywhere" nor the proof's receipt list would be true.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { SubjectErasureView, type ErasureConfirmationExport } from '../../../shared/subject-erasure';
import { appendAudit } from '../audit/audit-log';
import { subjectRequests } from '../db/officer-schema';
import { requests } from '../db/schema';
import type { DeskContext } from '../desk-context';
import { DeskError } from '../desk-error';
import type { Caller } from '../handlers/handler-types';
import { ensurePrivateFolder } from '../private-folder';
import { EXPORTS_DIR, sha256 } from './disclosure-export';
import { erasureLetterPdf, erasureProofJson } from './erasure-confirmation-files';
import { ask, officerGate, parsed, path as apiPath } from './subject-requests';

export async function writeErasureConfirmation(ctx: DeskContext, caller: Caller, requestId: string): Promise<ErasureConfirmationExport> {
  officerGate(ctx, caller, requestId);
  const { erasure } = parsed(SubjectErasureView, await ask(ctx, caller, 'GET', apiPath(requestId, '/erasure')));
  if (!erasure) throw new DeskError('conflict', 'Die Löschung ist noch nicht ausgeführt.');
  if (erasure.awaiting > 0) throw new DeskError('conflict', `Die Löschbestätigung entsteht, sobald alle Arbeitsplätze die Löschung belegt haben; es fehlen noch ${erasure.awaiting}.`);
  const reference = ctx.db.select({ reference: requests.reference }).from(requests).where(eq(requests.id, requestId)).get()?.reference ?? null;
  const receivedOn = ctx.db.select({ on: subjectRequests.receivedOn }).from(subjectRequests).where(eq(subjectRequests.requestId, requestId)).get()?.on;
  if (!receivedOn) throw new DeskError('conflict', 'Der Antrag ist an diesem Arbeitsplatz noch nicht bekannt. Bitte synchronisieren.');
  const input = { erasure, reference, receivedOn, writtenAt: ctx.clock() };
  const contents: [string, Buffer][] = [
    ['loeschbestaetigung.pdf', await erasureLetterPdf(input)],
    ['loeschnachweis.json', erasureProofJson(input)],
  ];
  const dir = path.join(ctx.options.dataDir, EXPORTS_DIR, `erasure-${requestId}`);
  ensurePrivateFolder(path.join(ctx.options.dataDir, EXPORTS_DIR));
  ensurePrivateFolder(dir);
  const files = contents.map(([name, bytes]) => {
    const file = path.join(dir, name);
    writeFileSync(file, bytes, { mode: 0o600 });
    return { name, path: file, bytes: bytes.length, sha256: sha256(bytes) };
  });
  const manifest = Buffer.from(JSON.stringify({ erasureId: erasure.erasureId, algorithm: 'SHA-256', files: files.map(({ name, bytes, sha256: hash }) => ({ name, bytes, sha256: hash })) }, null, 2) + '\n', 'utf8');
  writeFileSync(path.join(dir, 'manifest.json'), manifest, { mode: 0o600 });
  const manifestSha256 = sha256(manifest);
  appendAudit(ctx.db, ctx.clock, { actor: caller.session.user.id, action: 'subject.erasure_confirmation', subject: requestId, details: { erasureId: erasure.erasureId, manifest: manifestSha256 } });
  return { dir, files, manifestSha256 };
}
