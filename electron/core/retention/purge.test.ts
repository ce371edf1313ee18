import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { personalData, receipts, requests, tombstones } from '../db/schema';
import { closeRequest, type ActionContext } from '../queue/request-actions';
import { applyFeedEvent } from '../sync/feed-apply';
import { fixedClock, queuedCallback, tempDatabase } from '../test-support/fixtures';
import { filesBelow, scanFiles } from './raw-scan';

const NAME = 'Wilhelmine Zwiebelfisch-Marker';
const PHONE = '+49 234 9876543';

/** A claimed callback holding personal data, then closed by its owner. */
function closeClaimedCallback(secureDelete: boolean) {
  const { db, dir } = tempDatabase({ secureDelete });
  const clock = fixedClock('2026-11-25T09:30:00Z');
  const worker = { userId: 'u-agent', displayName: 'Anna Agentin', roles: ['agent'] as const, workstation: '00000000-0000-4000-8000-000000000001' };
  const queued = queuedCallback();
  applyFeedEvent({ db, clock, ...worker }, queued);
  const id = queued.request.id;
  // What a claim's answer stores (outbox-push); many rows so the data spans pages and WAL frames.
  db.update(requests).set({ status: 'claimed', ownerUserId: worker.userId, ownerWorkstation: worker.workstation }).where(eq(requests.id, id)).run();
  db.insert(personalData)
    .values({ requestId: id, salutation: 'Frau', name: NAME, phone: PHONE, note: `Bitte nach 10 Uhr, ${NAME}`, claimedAt: clock().toISOString() })
    .run();
  db.$client.pragma('wal_checkpoint(PASSIVE)'); // the data now sits in the main file as well as the WAL

  const ctx: ActionContext = { db, clock, worker };
  closeRequest(ctx, { requestId: id, outcome: 'resolved' });
  return { db, dir, id };
}

describe('purge on close', () => {
  it('removes name and phone from the raw bytes of .sqlite, -wal and -shm; tombstone and receipt remain', () => {
    const { db, dir, id } = closeClaimedCallback(true);
    expect(db.select().from(personalData).all()).toHaveLength(0);
    expect(db.select().from(tombstones).where(eq(tombstones.requestId, id)).get()).toMatchObject({ rule: 'callback_closed', outcome: 'resolved' });
    expect(db.select().from(receipts).where(eq(receipts.requestId, id)).get()).toMatchObject({ status: 'pending', rule: 'callback_closed' });
    const files = filesBelow(dir);
    expect(files.some((f) => f.endsWith('.sqlite'))).toBe(true);
    expect(scanFiles(files, [NAME, PHONE])).toEqual([]);
    db.$client.close();
    expect(scanFiles(filesBelow(dir), [NAME, PHONE])).toEqual([]);
  });

  it('the same scan finds the data when secure_delete is off (so the test above can fail)', () => {
    const { db, dir } = closeClaimedCallback(false);
    const findings = scanFiles(filesBelow(dir), [NAME, PHONE]);
    expect(findings.map((f) => f.marker)).toContain(NAME);
    db.$client.close();
  });
});
