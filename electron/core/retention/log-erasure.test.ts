// Issue 17: `sms.erased` / `portal.erased` from the feed drop exactly the named records on a
// workstation of dpo or supervisors, queue one receipt naming the erasure (also when nothing was
// left here), and after the sweep's WAL scrub the erased values are gone from the files; a
// workstation without the logs ignores the events.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { portalLog, receipts, smsLog } from '../db/schema';
import { ipKey } from '../sms/ip-key';
import { fixedClock, tempDatabase } from '../test-support/fixtures';
import { deletionLog } from './exports/deletion-log';
import { applyLogErasure } from './log-erasure';
import { scrubWal } from './purge';
import { filesBelow, scanFiles } from './raw-scan';

const NOW = '2026-11-25T09:00:00.000Z';

describe('log erasure from the feed', () => {
  it('purges the named SMS and portal records, keeps the rest, and queues one receipt per log', () => {
    const { db, dir } = tempDatabase();
    const clock = fixedClock(NOW);
    const sms = (customerNumber: string, ip: string) => {
      const id = randomUUID();
      db.insert(smsLog).values({ id, customerNumber, sentAt: '2026-11-20T10:00:00.000Z', ip, ipKey: ipKey(ip) }).run();
      return id;
    };
    const erased = sms('5300000001', '198.18.44.1');
    const kept = sms('5300000002', '198.18.44.2');
    const access = randomUUID();
    db.insert(portalLog).values({ id: access, customerNumber: '5300000001', at: '2026-11-21T10:00:00.000Z', ip: '198.18.44.3', ipKey: ipKey('198.18.44.3'), action: 'login' }).run();
    const erasureId = randomUUID();
    const at = NOW;

    expect(applyLogErasure(db, clock, ['agent'], { id: randomUUID(), type: 'sms.erased', at, erasureId, smsIds: [erased], reason: 'subject_erasure' })).toBe('ignored');
    expect(db.select().from(smsLog).all()).toHaveLength(2);

    expect(applyLogErasure(db, clock, ['dpo'], { id: randomUUID(), type: 'sms.erased', at, erasureId, smsIds: [erased], reason: 'subject_erasure' })).toBe('applied');
    expect(applyLogErasure(db, clock, ['dpo'], { id: randomUUID(), type: 'portal.erased', at, erasureId, accessIds: [access, randomUUID()], reason: 'subject_erasure' })).toBe('applied');
    expect(db.select({ id: smsLog.id }).from(smsLog).all()).toEqual([{ id: kept }]);
    expect(db.select().from(portalLog).all()).toEqual([]);
    expect(db.select({ erasureId: receipts.erasureId, log: receipts.erasureLog, rule: receipts.rule, status: receipts.status, purgedAt: receipts.purgedAt }).from(receipts).all()).toEqual([
      { erasureId, log: 'sms', rule: 'erased', status: 'pending', purgedAt: NOW },
      { erasureId, log: 'portal', rule: 'erased', status: 'pending', purgedAt: NOW },
    ]);
    // The Löschprotokoll names the erasure and its log, not a 90-day cut.
    expect(deletionLog(db, '2026-11-25', '2026-11-25').map((l) => [l.subject, l.kind, l.rule])).toEqual([
      [`erasure:${erasureId}:portal`, 'portal', 'erased'],
      [`erasure:${erasureId}:sms`, 'sms', 'erased'],
    ]);
    scrubWal(db);
    expect(scanFiles(filesBelow(dir), ['5300000001', '198.18.44.1', '198.18.44.3'])).toEqual([]);
    expect(scanFiles(filesBelow(dir), ['198.18.44.2']).length).toBeGreaterThan(0);
  });
});
