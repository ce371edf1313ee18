// Internal notes are personal data: every purge of a case's personal data takes its notes with
// it (ON DELETE CASCADE), down to the raw bytes of the database files.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { caseNotes } from '../db/officer-schema';
import { personalData, requests } from '../db/schema';
import { closeRequest, releaseRequest, type ActionContext } from '../queue/request-actions';
import { purgePersonalData, scrubWal } from '../retention/purge';
import { filesBelow, scanFiles } from '../retention/raw-scan';
import { fixedClock, tempDatabase } from '../test-support/fixtures';
import { addCaseNote, readOfficerCase, type Officer } from './officer-cases';

const dana: Officer = { userId: 'u-dpo', displayName: 'Dana Datenschutz', roles: ['dpo'], workstation: 'ws-1' };

function claimedCase(world: ReturnType<typeof tempDatabase>, kind: 'dpo' | 'equality' = 'dpo') {
  const id = randomUUID();
  const at = '2026-11-24T09:00:00.000Z';
  world.db
    .insert(requests)
    .values({ id, kind, receivedAt: at, topic: 'other', status: 'claimed', ownerUserId: dana.userId, ownerName: dana.displayName, ownerWorkstation: dana.workstation, leaseUntil: '2026-11-24T12:00:00.000Z', updatedAt: at })
    .run();
  world.db.insert(personalData).values({ requestId: id, salutation: 'Frau', name: 'Erika Musterfrau', email: 'erika@example.org', subject: 'Auskunft', message: 'Bitte um Auskunft', claimedAt: at }).run();
  return id;
}

describe('case notes die with the case', () => {
  const clock = fixedClock('2026-11-24T10:00:00.000Z');

  it('closing without retention leaves no note in any file of the data directory', () => {
    const world = tempDatabase();
    const id = claimedCase(world);
    const marker = `Notiz-${randomUUID()}`;
    const shown = addCaseNote(world.db, clock, dana, id, `Betroffene rief an: ${marker}`);
    expect(shown.notes.map((n) => n.text)).toEqual([`Betroffene rief an: ${marker}`]);
    scrubWal(world.db);
    expect(scanFiles(filesBelow(world.dir), [marker]).length, 'the marker is on disk before the purge').toBeGreaterThan(0);

    const ctx: ActionContext = { db: world.db, clock, worker: dana };
    closeRequest(ctx, { requestId: id, outcome: 'resolved', retention: null });

    expect(world.db.select().from(caseNotes).all()).toEqual([]);
    expect(scanFiles(filesBelow(world.dir), [marker])).toEqual([]);
    world.db.$client.close();
    expect(scanFiles(filesBelow(world.dir), [marker])).toEqual([]);
  });

  it('release and erasure purge the notes too; a note needs the case claimed here', () => {
    const world = tempDatabase();
    const released = claimedCase(world);
    const erased = claimedCase(world);
    addCaseNote(world.db, clock, dana, released, 'erste Notiz');
    addCaseNote(world.db, clock, dana, erased, 'zweite Notiz');
    releaseRequest({ db: world.db, clock, worker: dana }, released);
    expect(() => addCaseNote(world.db, clock, dana, released, 'zu spät')).toThrow(/übernommen/);
    purgePersonalData(world.db, clock, erased, 'erased');
    expect(world.db.select().from(caseNotes).all()).toEqual([]);
    expect(readOfficerCase(world.db, dana, erased, clock()).notes).toEqual([]);
    world.db.$client.close();
  });

  it('the equal-treatment officer cannot write into a dpo case', () => {
    const world = tempDatabase();
    const id = claimedCase(world, 'dpo');
    const gerd: Officer = { ...dana, userId: 'u-eq', roles: ['equality'] };
    expect(() => addCaseNote(world.db, clock, gerd, id, 'x')).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(() => readOfficerCase(world.db, gerd, id, clock())).toThrow(expect.objectContaining({ code: 'forbidden' }));
    world.db.$client.close();
  });
});
