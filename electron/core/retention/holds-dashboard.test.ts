import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../audit/audit-log';
import { auditLog, smsHolds, smsLog } from '../db/schema';
import { fixedClock, tempDatabase } from '../test-support/fixtures';
import { deletionDashboard } from './dashboard';
import type { BackendHold } from '../../../shared/holds';
import { applyBackendHold } from './backend-holds';
import { listHolds } from './holds';
import { recordRemoteReceipt } from './remote-receipts';
import { sweepRetention } from './sweep';
import { seedRequest, seedSms } from './test-world';

const OTHER_WS = '00000000-0000-4000-8000-0000000000aa';

describe('SMS legal hold', () => {
  it('only confirmed holds (the backend`s state from the feed) keep records past 90 days; the audit holds no customer number', () => {
    const { db } = tempDatabase();
    const clock = fixedClock('2026-05-01T09:00:00Z');
    // Asked for and confirmed at the backend by two people (hold-requests.ts); here the feed's states.
    const asked: BackendHold = {
      id: '00000000-0000-4000-8000-0000000000b1',
      caseRef: 'StA 1 Js 2/26',
      customerNumber: '987654321',
      reason: 'Anzeige',
      until: '2026-06-30',
      status: 'requested',
      requestedBy: { userId: 'u-dpo', displayName: 'Dora Datenschutz' },
      requestedAt: '2026-05-01T08:00:00.000Z',
      decidedBy: null,
      decidedAt: null,
      decisionNote: null,
    };
    const id = asked.id;
    applyBackendHold(db, asked, clock().toISOString());
    const sms = seedSms(db, '2026-01-15T11:00:00.000Z', '987654321');
    expect(listHolds(db, '2026-05-01')).toMatchObject([{ id, status: 'pending', setBy: 'Dora Datenschutz', confirmedBy: null, note: 'Anzeige' }]);
    applyBackendHold(db, { ...asked, status: 'confirmed', decidedBy: { userId: 'u-sup', displayName: 'Sabine Leitung' }, decidedAt: '2026-05-01T08:30:00.000Z' }, clock().toISOString());
    sweepRetention(db, clock);
    expect(db.select().from(smsHolds).all()[0]).toMatchObject({ confirmedByName: 'Sabine Leitung' });
    expect(db.select().from(smsLog).where(eq(smsLog.id, sms)).get()).toBeDefined(); // 106 days old, but held
    expect(listHolds(db, '2026-05-01')).toMatchObject([{ status: 'active', caseRef: 'StA 1 Js 2/26', until: '2026-06-30' }]);
    expect(deletionDashboard(db, clock()).upcoming.length).toBe(30);
    expect(JSON.stringify(db.select().from(auditLog).all())).not.toContain('987654321');
    expect(verifyAudit(db).ok).toBe(true);
    // After the hold ends the record goes, and the hold forgets the customer number.
    clock.set('2026-06-30T22:00:01Z');
    sweepRetention(db, clock);
    expect(db.select().from(smsHolds).all()[0]!.customerNumber).toBeNull();
    expect(db.select().from(smsLog).where(eq(smsLog.id, sms)).get()).toBeUndefined();
  });
});

describe('deletion dashboard', () => {
  it('counts open, held and awaiting per kind and lists a purge without receipt after 24 h as overdue', () => {
    const { db } = tempDatabase();
    const clock = fixedClock('2026-11-25T09:00:00Z');
    seedRequest(db, { kind: 'contact' });
    seedRequest(db, { kind: 'contact', closedAt: '2026-06-01T08:00:00.000Z', retainedUntil: '2027-01-31', reason: 'proof', ownerWorkstation: OTHER_WS });
    const late = seedRequest(db, { kind: 'dpo', closedAt: '2026-11-24T08:00:00.000Z', ownerWorkstation: OTHER_WS });
    const fresh = seedRequest(db, { kind: 'dpo', closedAt: '2026-11-25T08:30:00.000Z', ownerWorkstation: OTHER_WS });
    const proven = seedRequest(db, { kind: 'equality', closedAt: '2026-11-20T08:00:00.000Z', ownerWorkstation: OTHER_WS });
    recordRemoteReceipt(db, { requestId: proven, workstation: OTHER_WS, purgedAt: '2026-11-20T08:00:05.000Z', rule: 'case_closed' });
    sweepRetention(db, clock); // the supervisor's copies without personal data become tombstones

    const board = deletionDashboard(db, clock());
    const byKind = Object.fromEntries(board.perKind.map((k) => [k.kind, k]));
    expect(byKind.contact).toMatchObject({ open: 1, held: { proof: 1, customer_care: 0, statutory: 0, unknown: 0 }, awaitingPurge: 0 });
    expect(byKind.dpo).toMatchObject({ awaitingPurge: 2 });
    expect(byKind.equality).toMatchObject({ purged30d: 1, awaitingPurge: 0 });
    expect(board.overdue).toEqual([{ requestId: late, kind: 'dpo', dueAt: '2026-11-24T08:00:00.000Z', workstation: OTHER_WS }]);
    expect(board.overdue.map((o) => o.requestId)).not.toContain(fresh);
    expect(board.purgesPerDay.find((d) => d.date === '2026-11-20')?.count).toBe(1);
    expect(board.upcoming.find((d) => d.date === '2026-12-08')).toBeDefined();
  });
});
