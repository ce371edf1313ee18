// A workstation's audit chain anchored at the backend (issue 14): a new head is accepted only
// with the entries since the head the backend has, whose hashes the backend recomputes with the
// chain's own formula (electron/core/audit/audit-log.ts entryHash). A head that does not extend
// the last one is refused, kept nowhere, and announced to the supervisors as a broken chain.
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { type AuditHeadProof } from '../../shared/sync-api';
import { type BackendDb } from '../db/database';
import { auditAnchors } from '../db/schema';
import { appendFeed } from '../feed/append';
import { AUDIENCE } from '../feed/audience';

export const GENESIS_HASH = '0'.repeat(64);

export type AnchorOutcome = { status: 'accepted' } | { status: 'refused'; expected: { seq: number; hash: string } | null };

function entryHash(prevHash: string, e: AuditHeadProof['entries'][number]): string {
  return createHash('sha256').update(JSON.stringify([prevHash, e.seq, e.at, e.actor, e.action, e.subject, e.details])).digest('hex');
}

export async function anchorAuditHead(db: BackendDb, workstation: string, proof: AuditHeadProof, now: Date): Promise<AnchorOutcome> {
  return db.transaction(async (tx) => {
    const [stored] = await tx.select().from(auditAnchors).where(eq(auditAnchors.workstation, workstation)).for('update');
    // The first head of a workstation comes with its chain from the start: a bare head proves nothing.
    const from = stored ? { seq: stored.seq, hash: stored.hash } : { seq: 0, hash: GENESIS_HASH };
    let prev = from.hash;
    let seq = from.seq;
    for (const entry of proof.entries) {
      if (entry.seq !== seq + 1) break;
      prev = entryHash(prev, entry);
      seq = entry.seq;
    }
    const extends_ = proof.entries.length === 0 ? proof.head.seq === from.seq && proof.head.hash === from.hash : seq === proof.head.seq && prev === proof.head.hash && proof.entries[0]?.seq === from.seq + 1;
    if (!extends_) {
      await appendFeed(tx, [{ type: 'audit.refused', at: now, audience: AUDIENCE.receipts, data: { workstation, expected: stored ? from : null, offered: proof.head } }]);
      return { status: 'refused', expected: stored ? from : null };
    }
    await tx
      .insert(auditAnchors)
      .values({ workstation, seq: proof.head.seq, hash: proof.head.hash, updatedAt: now })
      .onConflictDoUpdate({ target: auditAnchors.workstation, set: { seq: proof.head.seq, hash: proof.head.hash, updatedAt: now } });
    return { status: 'accepted' };
  });
}
