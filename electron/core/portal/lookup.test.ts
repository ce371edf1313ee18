// The portal access log lookup against a real database (issue 15): failed logins per Berlin day,
// logins from many addresses, addresses shared by customers, CIDR ranges, the 90-day reach, and
// an audit entry with the case reference but without the clear query.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { PortalAction } from '../../../shared/domain';
import { auditLog, portalLog } from '../db/schema';
import type { DeskDb } from '../db/open';
import { ipKey } from '../sms/ip-key';
import { fixedClock, tempDatabase } from '../test-support/fixtures';
import { lookupPortal } from './lookup';

function access(db: DeskDb, customerNumber: string, at: string, ip: string, action: PortalAction = 'login'): void {
  db.insert(portalLog).values({ id: randomUUID(), customerNumber, at, ip, ipKey: ipKey(ip), action }).run();
}

const clock = fixedClock('2026-11-26T12:00:00.000Z');
const ask = { caseRef: 'DS-2026-31', purposeCategory: 'internal_abuse' as const, purpose: 'Verdacht auf Übernahme des Kundenkontos' };

function world() {
  const { db } = tempDatabase();
  // Password guessing on 1001: 6 failed logins on 20 Nov (Berlin), 2 on 21 Nov, then a login.
  for (let i = 0; i < 6; i++) access(db, '1001', `2026-11-20T1${i}:00:00.000Z`, '203.0.113.7', 'login_failed');
  for (let i = 0; i < 2; i++) access(db, '1001', `2026-11-21T0${i}:30:00.000Z`, '203.0.113.7', 'login_failed');
  access(db, '1001', '2026-11-21T09:00:00.000Z', '203.0.113.7');
  // 1001 then logs in from three more addresses; 2002 uses the same café address.
  access(db, '1001', '2026-11-22T09:00:00.000Z', '198.51.100.20');
  access(db, '1001', '2026-11-23T09:00:00.000Z', '2001:db8:abcd:12::5');
  access(db, '2002', '2026-11-22T10:00:00.000Z', '203.0.113.7');
  access(db, '2002', '2026-11-22T10:05:00.000Z', '203.0.113.7', 'logout');
  // Older than 90 days: awaiting the sweep, never shown.
  access(db, '1001', '2026-08-01T10:00:00.000Z', '192.0.2.99');
  return db;
}

describe('lookupPortal', () => {
  it('by customer: failed logins per day flagged from the threshold, many addresses, who else used them', () => {
    const db = world();
    const report = lookupPortal(db, clock, 'u-dpo', { customerNumber: '1001', ...ask });
    expect(report.records).toHaveLength(11);
    expect(report.actions).toEqual([
      { action: 'login', count: 3 },
      { action: 'login_failed', count: 8 },
    ]);
    expect(report.failedLoginsPerDay).toEqual([
      { date: '2026-11-20', customerNumber: '1001', failed: 6, flagged: true },
      { date: '2026-11-21', customerNumber: '1001', failed: 2, flagged: false },
    ]);
    expect(report.loginsFromManyAddresses).toEqual([{ customerNumber: '1001', addresses: 3, logins: 3 }]);
    expect(report.sharedAddresses).toEqual([{ ip: '203.0.113.7', customers: ['1001', '2002'], records: 9 }]);
    expect(report.records.some((r) => r.ip === '192.0.2.99')).toBe(false);
    expect(report.truncated).toBe(false);
  });

  it('by address range: every customer seen there, and the address shared between them', () => {
    const db = world();
    const report = lookupPortal(db, clock, 'u-dpo', { ip: '203.0.113.0/24', ...ask });
    expect(new Set(report.records.map((r) => r.customerNumber))).toEqual(new Set(['1001', '2002']));
    expect(report.sharedAddresses).toEqual([{ ip: '203.0.113.7', customers: ['1001', '2002'], records: 11 }]);
    expect(lookupPortal(db, clock, 'u-dpo', { ip: '2001:db8:abcd::/48', ...ask }).records).toHaveLength(1);
  });

  it('refuses a period before the 90 days with a German message, and audits each lookup without the clear query', () => {
    const db = world();
    expect(() => lookupPortal(db, clock, 'u-dpo', { customerNumber: '1001', from: '2026-08-01', to: '2026-08-02', ...ask })).toThrow(/Portal-Protokoll reicht 90 Tage zurück/);
    lookupPortal(db, clock, 'u-dpo', { customerNumber: '1001', ...ask });
    const entries = db.select().from(auditLog).all().filter((e) => e.action === 'portal.lookup');
    expect(entries).toHaveLength(1);
    expect(entries[0]!.subject).toBe('DS-2026-31');
    expect(entries[0]!.details).toContain('internal_abuse');
    expect(entries[0]!.details).not.toContain('1001');
    expect(entries[0]!.details).not.toContain('Übernahme');
  });
});
