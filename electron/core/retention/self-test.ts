// The deletion self-test: canary records with random markers go through the normal purge path,
// then every file in the data directory is scanned byte by byte for the markers (UTF-8,
// UTF-16, digits). Pass only if nothing is found. The result is stored and audited.
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { SelfTestResult } from '../../../shared/retention';
import { appendAudit } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { DeskDb } from '../db/open';
import { personalData, receipts, requests, selfTests, smsLog, tombstones } from '../db/schema';
import { ipKey } from '../sms/ip-key';
import { scrubWal } from './purge';
import type { PurgeHooks } from './purge-queue';
import { filesBelow, scanFiles } from './raw-scan';
import { sweepRetention } from './sweep';

export function runSelfTest(db: DeskDb, clock: Clock, dataDir: string, actor: string, hooks: PurgeHooks = {}): SelfTestResult {
  const hex = randomBytes(8).toString('hex');
  const digits = () => Array.from({ length: 12 }, () => randomInt(10)).join('');
  const canary = {
    requestId: randomUUID(),
    smsId: randomUUID(),
    name: `Kanarienvogel ${hex}`,
    phone: `+49 234 ${digits()}`,
    email: `kanari-${hex}@example.invalid`,
    message: `Selbsttest-Nachricht ${randomBytes(8).toString('hex')}`,
    customerNumber: digits(),
    ip: `2001:db8:${hex.slice(0, 4)}:${hex.slice(4, 8)}::${hex.slice(8, 12)}`,
  };
  const nowIso = clock().toISOString();

  db.transaction(() => {
    db.insert(requests)
      .values({ id: canary.requestId, kind: 'contact', receivedAt: nowIso, topic: 'other', status: 'closed', closedAt: nowIso, outcome: 'resolved', updatedAt: nowIso })
      .run();
    db.insert(personalData)
      .values({ requestId: canary.requestId, salutation: 'divers', name: canary.name, phone: canary.phone, email: canary.email, subject: canary.message, message: canary.message, claimedAt: nowIso })
      .run();
    // Sent long ago: due under the SMS rule at once.
    db.insert(smsLog).values({ id: canary.smsId, customerNumber: canary.customerNumber, sentAt: '2000-01-01T00:00:00.000Z', ip: canary.ip, ipKey: ipKey(canary.ip) }).run();
  });
  // The worst case: the markers sit in the main file as well as in the WAL.
  db.$client.pragma('wal_checkpoint(PASSIVE)');

  sweepRetention(db, clock, hooks);

  // The canary was never a real request: its proof must not reach the backend or the dashboard.
  db.transaction(() => {
    db.delete(receipts).where(eq(receipts.requestId, canary.requestId)).run();
    db.delete(tombstones).where(eq(tombstones.requestId, canary.requestId)).run();
    db.delete(requests).where(eq(requests.id, canary.requestId)).run();
  });
  scrubWal(db);

  const files = filesBelow(dataDir);
  const markers = [canary.name, canary.phone, canary.email, canary.message, canary.customerNumber, canary.ip];
  const findings = scanFiles(files, markers).map((f) => ({ file: path.relative(dataDir, f.file), encoding: f.encoding }));
  const result: SelfTestResult = {
    at: clock().toISOString(),
    passed: findings.length === 0,
    actor,
    files: files.map((f) => path.relative(dataDir, f)).sort(),
    findings,
  };
  db.transaction(() => {
    db.insert(selfTests).values({ at: result.at, actor, passed: result.passed, files: result.files, findings }).run();
    appendAudit(db, clock, { actor, action: 'selftest', subject: null, details: { passed: result.passed, files: result.files.length, findings: findings.length } });
  });
  return result;
}
