// Issue 12, item 3, as the review saw it: the lookup reads addresses strictly, keeps the
// IPv4-compatible ::a.b.c.d apart from IPv4, refuses ranges wider than the minimum prefix, and a
// refused query writes nothing (not even an audit entry). Real SQLite, the real core gate.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MIN_LOOKUP_PREFIX } from '../../../shared/ip-range';
import { openDesk } from '../desk';
import { auditLog, smsLog } from '../db/schema';
import type { DeskDb } from '../db/open';
import { fixedClock, tempDatabase, tempDir } from '../test-support/fixtures';
import { SCRIPTED_URL, scriptedBackend, smsEvent } from '../test-support/scripted-backend';
import { ipKey } from './ip-key';
import { lookupSms } from './lookup';
import { rekeyStoredAddresses } from './rekey-addresses';

const clock = fixedClock('2026-11-26T12:00:00.000Z');
const ask = { caseRef: 'DS-2026-17', purpose: 'Missbrauch des SMS-Dienstes' };

function send(db: DeskDb, customerNumber: string, ip: string, key = ipKey(ip)): void {
  db.insert(smsLog).values({ id: randomUUID(), customerNumber, sentAt: '2026-11-20T10:00:00.000Z', ip, ipKey: key }).run();
}

function world() {
  const { db } = tempDatabase();
  send(db, '1001', '1.2.3.4');
  send(db, '2002', '::1.2.3.4'); // IPv4-compatible: an IPv6 address
  send(db, '3003', '8.0.0.1');
  send(db, '4004', '10.0.0.1');
  send(db, '5005', '192.168.1.1');
  send(db, '6006', '80.7.185.99');
  return db;
}

const customers = (db: DeskDb, ip: string) => lookupSms(db, clock, 'u-dpo', { ip, ...ask }).records.map((r) => r.customerNumber).sort();

describe('strict IP addresses in the SMS lookup', () => {
  it('::ffff:a.b.c.d is the IPv4 address; ::a.b.c.d is not', () => {
    const db = world();
    expect(customers(db, '1.2.3.4')).toEqual(['1001']);
    expect(customers(db, '::ffff:1.2.3.4')).toEqual(['1001']);
    expect(customers(db, '::FFFF:1.2.3.4')).toEqual(['1001']);
    expect(customers(db, '::1.2.3.4')).toEqual(['2002']);
    expect(customers(db, '::102:304')).toEqual(['2002']);
    expect(customers(db, '::80.7.185.99/99')).toEqual([]);
  });

  it('octal, shorthand, integer and hex forms are refused, not read as another address', () => {
    const db = world();
    for (const ip of ['010.0.0.1', '10.1', '3232235777', '0xc0.0xa8.1.1', '1.2.3.4%eth0', '[::1]', '1.2.3.4/024', '1.2.3.4/255.255.0.0']) {
      expect(() => lookupSms(db, clock, 'u-dpo', { ip, ...ask }), ip).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    }
    expect(db.select().from(auditLog).all()).toEqual([]);
  });

  it(`ranges wider than /${MIN_LOOKUP_PREFIX.ipv4} (IPv4) or /${MIN_LOOKUP_PREFIX.ipv6} (IPv6) are refused: no query for the whole log`, () => {
    const db = world();
    for (const ip of ['0.0.0.0/0', '::/0', '1.0.0.0/8', '10.0.0.0/15', '2001:db8::/31', '::/32', '::/64', '::ffff:0:0/96', '::ffff:10.0.0.0/111']) {
      expect(() => lookupSms(db, clock, 'u-dpo', { ip, ...ask }), ip).toThrow(/zu groß/);
    }
    expect(customers(db, '192.168.0.0/16')).toEqual(['5005']);
    expect(customers(db, '::ffff:192.168.0.0/112')).toEqual(['5005']);
    expect(customers(db, '2001:db8::/32')).toEqual([]);
    expect(db.select().from(auditLog).all().map((e) => e.action)).toEqual(['sms.lookup', 'sms.lookup', 'sms.lookup']);
  });

  it('through the desk: a German message, nothing written; records from the feed stored in canonical text', async () => {
    const backend = scriptedBackend({ id: 'u-dpo', displayName: 'Dana Datenschutz', roles: ['dpo'] });
    const desk = openDesk({ dataDir: tempDir(), host: 'cli', fetch: backend.fetch });
    try {
      await desk.invoke('session.login', { backendUrl: SCRIPTED_URL, username: 'dpo', password: 'dpo' });
      backend.feed = [smsEvent('1001', '::FFFF:1.2.3.4'), smsEvent('2002', '2001:DB8:0:0::1'), smsEvent('3003', '010.0.0.1')];
      const report = await desk.invoke('sync.now', {});
      expect(report.quarantined).toBe(1);
      expect(desk.db.select({ ip: smsLog.ip }).from(smsLog).all().map((r) => r.ip).sort()).toEqual(['1.2.3.4', '2001:db8::1']);
      const changes = () => (desk.db.$client.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
      const before = changes();
      await expect(desk.invoke('sms.lookup', { ip: '0.0.0.0/0', ...ask })).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/höchstens \/16 bei IPv4 und \/32 bei IPv6/) });
      await expect(desk.invoke('sms.lookup', { ip: '010.0.0.1', ...ask })).rejects.toMatchObject({ code: 'invalid_input' });
      expect(changes()).toBe(before);
    } finally {
      await desk.close();
    }
  });

  it('records keyed by an older version (::a.b.c.d as IPv4-mapped) are keyed again once', () => {
    const { db } = tempDatabase();
    send(db, '2002', '::1.2.3.4', ipKey('1.2.3.4')); // the old, wrong key
    send(db, '7007', '2001:DB8::7');
    expect(rekeyStoredAddresses(db)).toBe(2);
    expect(customers(db, '1.2.3.4')).toEqual([]);
    expect(customers(db, '::1.2.3.4')).toEqual(['2002']);
    expect(db.select({ ip: smsLog.ip }).from(smsLog).all().map((r) => r.ip).sort()).toEqual(['2001:db8::7', '::102:304']);
    expect(rekeyStoredAddresses(db)).toBe(0);
  });
});
