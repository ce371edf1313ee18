// The misuse lookup against a real database: quota days, shared addresses, CIDR ranges in both
// families, the 90-day reach, and an audit entry without the clear query.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { auditLog, smsLog } from '../db/schema';
import type { DeskDb } from '../db/open';
import { fixedClock, tempDatabase } from '../test-support/fixtures';
import { ipKey } from './ip-key';
import { lookupSms } from './lookup';

function send(db: DeskDb, customerNumber: string, sentAt: string, ip: string): void {
  db.insert(smsLog).values({ id: randomUUID(), customerNumber, sentAt, ip, ipKey: ipKey(ip) }).run();
}

const clock = fixedClock('2026-11-26T12:00:00.000Z');
const ask = { caseRef: 'DS-2026-17', purpose: 'Beleidigende SMS, Strafanzeige' };

function world() {
  const { db } = tempDatabase();
  // 7 sends on 20 Nov (Berlin) by 1001 from a shared café address, where 2002 and 3003 sent too.
  for (let i = 0; i < 7; i++) send(db, '1001', `2026-11-20T1${i}:00:00.000Z`, '203.0.113.7');
  send(db, '1001', '2026-11-21T08:00:00.000Z', '198.51.100.20');
  send(db, '2002', '2026-11-20T09:30:00.000Z', '203.0.113.7');
  send(db, '3003', '2026-11-22T09:30:00.000Z', '203.0.113.7');
  send(db, '4004', '2026-11-22T10:00:00.000Z', '2001:db8:abcd:12::5');
  send(db, '5005', '2026-11-23T10:00:00.000Z', '2001:db8:abcd:99::1');
  // Older than 90 days: awaiting the sweep, never shown.
  send(db, '1001', '2026-08-01T10:00:00.000Z', '203.0.113.7');
  return db;
}

describe('lookupSms', () => {
  it('by customer: sends per Berlin day vs the free quota, the addresses, and who else sent from them', () => {
    const db = world();
    const report = lookupSms(db, clock, 'u-dpo', { customerNumber: '1001', ...ask });
    expect(report.records).toHaveLength(8);
    expect(report.perDay).toEqual([
      { date: '2026-11-20', customerNumber: '1001', sends: 7, overQuota: true },
      { date: '2026-11-21', customerNumber: '1001', sends: 1, overQuota: false },
    ]);
    expect(report.daysOverQuota).toBe(1);
    expect(report.customersOverQuota).toBe(1);
    expect(report.ips.sort()).toEqual(['198.51.100.20', '203.0.113.7']);
    expect(report.ipUsage).toEqual([
      { ip: '203.0.113.7', sends: 7, otherCustomers: ['2002', '3003'], shared: true },
      { ip: '198.51.100.20', sends: 1, otherCustomers: [], shared: false },
    ]);
    expect(report.otherCustomers).toEqual(['2002', '3003']);
    expect(report.windowStart).toBe('2026-08-28T12:00:00.000Z');
  });

  it('by IPv4 CIDR, IPv6 CIDR and exact address, within a time range', () => {
    const db = world();
    expect(lookupSms(db, clock, 'u', { ip: '203.0.113.0/24', ...ask }).otherCustomers).toEqual(['1001', '2002', '3003']);
    const v6 = lookupSms(db, clock, 'u', { ip: '2001:db8:abcd::/48', ...ask });
    expect(v6.records.map((r) => r.customerNumber)).toEqual(['4004', '5005']);
    // By address, an address counts as shared only when more than one customer used it.
    expect(v6.ipUsage.map((u) => u.shared)).toEqual([false, false]);
    expect(lookupSms(db, clock, 'u', { ip: '203.0.113.7', ...ask }).ipUsage).toEqual([{ ip: '203.0.113.7', sends: 9, otherCustomers: ['1001', '2002', '3003'], shared: true }]);
    expect(lookupSms(db, clock, 'u', { ip: '2001:db8:abcd:12::/64', ...ask }).records.map((r) => r.customerNumber)).toEqual(['4004']);
    const day = lookupSms(db, clock, 'u', { ip: '203.0.113.7', from: '2026-11-22', to: '2026-11-22', ...ask });
    expect(day.records.map((r) => r.customerNumber)).toEqual(['3003']);
    expect(() => lookupSms(db, clock, 'u', { ip: '300.1.1.1/33', ...ask })).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });

  it('audits who, when and the case, with keyed hashes instead of the query and purpose', () => {
    const db = world();
    lookupSms(db, clock, 'u-dpo', { customerNumber: '1001', ...ask });
    const entry = db.select().from(auditLog).all().at(-1)!;
    expect(entry).toMatchObject({ actor: 'u-dpo', action: 'sms.lookup', subject: 'DS-2026-17', at: '2026-11-26T12:00:00.000Z' });
    // Keyed hashes are hex and may contain any digits ("…1001…" now and then): look past them.
    const clear = entry.details.replace(/[0-9a-f]{32,}/g, '<hash>');
    expect(clear).toContain('<hash>');
    expect(clear).not.toContain('1001');
    expect(clear).not.toContain('Beleidigende');
    expect(JSON.parse(entry.details)).toMatchObject({ by: 'customer', results: 8 });
  });
});
