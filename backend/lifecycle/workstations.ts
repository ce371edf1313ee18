// Registered workstations (issue 14). A workstation registers at its first login and gets a
// secret it keeps (safeStorage in Electron, a 0600 file for the CLI and the web host); every
// later session naming it needs that secret. A workstation id seen in the feed is therefore
// worth nothing to anyone else: nobody can log in as workstation P and give receipts in its name.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { type Queryable } from '../db/database';
import { workstations } from '../db/schema';

export type WorkstationCheck = { status: 'known' } | { status: 'registered'; secret: string } | { status: 'secret_required' } | { status: 'retired' };

const digest = (secret: string): Buffer => createHash('sha256').update(secret).digest();

export async function checkWorkstation(q: Queryable, id: string, secret: string | undefined, userId: string, now: Date): Promise<WorkstationCheck> {
  const [row] = await q.select().from(workstations).where(eq(workstations.id, id));
  if (!row) {
    const fresh = randomBytes(32).toString('base64url');
    const inserted = await q
      .insert(workstations)
      .values({ id, secretHash: digest(fresh).toString('hex'), registeredAt: now, registeredBy: userId })
      .onConflictDoNothing()
      .returning({ id: workstations.id });
    // Two first logins of one id at once: the loser is refused like anyone without the secret.
    return inserted.length > 0 ? { status: 'registered', secret: fresh } : { status: 'secret_required' };
  }
  if (row.retiredAt) return { status: 'retired' };
  if (!secret) return { status: 'secret_required' };
  const expected = Buffer.from(row.secretHash, 'hex');
  return timingSafeEqual(digest(secret), expected) ? { status: 'known' } : { status: 'secret_required' };
}
