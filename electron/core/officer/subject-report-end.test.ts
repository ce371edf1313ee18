// The end of Auskunft folders on a real SQLite file and real files: the expiry scheduler is armed
// for the soonest end, the sweep destroys a folder at its end (not a minute earlier) whether it was
// sent (sent + proof period) or never marked as sent (written + 90 days), records a local receipt
// only, and the next end moves on to the remaining folder.
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { subjectReportFiles } from '../db/officer-schema';
import { nextExpiry } from '../retention/next-expiry';
import { fixedClock, tempDatabase } from '../test-support/fixtures';
import { nextSubjectReportEnd, purgeEndedSubjectReports } from './subject-report-end';
import { SUBJECT_REPORTS_DIR } from './subject-report';

const SENT = '8a1c7f6e-0f7b-4f0e-9a59-2b7e4c1d9a01';
const UNSENT = '8a1c7f6e-0f7b-4f0e-9a59-2b7e4c1d9a02';

describe('the end of an Auskunft’s files', () => {
  it('destroys each folder at its end, with a local proof, and arms the scheduler for the next', () => {
    const { db, dir } = tempDatabase();
    const clock = fixedClock('2026-12-01T10:00:00.000Z');
    const folder = (id: string) => path.join(dir, SUBJECT_REPORTS_DIR, id);
    for (const id of [SENT, UNSENT]) {
      mkdirSync(folder(id), { recursive: true });
      writeFileSync(path.join(folder(id), 'auskunft.pdf'), 'PDF');
      writeFileSync(path.join(folder(id), 'auskunft.json'), '{}');
    }
    const base = { producedAt: '2026-12-01T09:00:00Z', producedBy: 'Dana Datenschutz', items: 3, manifestSha256: 'ab'.repeat(32), purgedAt: null };
    // Sent on 1 December: ends at the start of 31 December (Berlin). Never sent: 90 days after writing.
    db.insert(subjectReportFiles).values({ ...base, requestId: SENT, sentOn: '2026-12-01', endsAt: '2026-12-30T23:00:00.000Z' }).run();
    db.insert(subjectReportFiles).values({ ...base, requestId: UNSENT, sentOn: null, endsAt: '2027-02-28T23:00:00.000Z' }).run();

    expect(nextSubjectReportEnd(db)).toBe('2026-12-30T23:00:00.000Z');
    expect(nextExpiry(db, clock())?.toISOString()).toBe('2026-12-30T23:00:00.000Z');

    clock.set('2026-12-30T22:59:00.000Z');
    expect(purgeEndedSubjectReports(db, clock, dir)).toBe(0);
    expect(existsSync(folder(SENT))).toBe(true);
    clock.set('2026-12-30T23:00:00.000Z');
    expect(purgeEndedSubjectReports(db, clock, dir)).toBe(1);
    expect(existsSync(folder(SENT))).toBe(false);
    expect(existsSync(folder(UNSENT))).toBe(true);
    expect(nextSubjectReportEnd(db)).toBe('2027-02-28T23:00:00.000Z');

    clock.set('2027-03-01T00:00:00.000Z');
    expect(purgeEndedSubjectReports(db, clock, dir)).toBe(1);
    expect(existsSync(folder(UNSENT))).toBe(false);
    expect(nextSubjectReportEnd(db)).toBeNull();
    expect(purgeEndedSubjectReports(db, clock, dir)).toBe(0);
    // Proven here only: local receipts, never sent to the backend; the audit names files and manifest, no content.
    expect(db.$client.prepare("SELECT request_id AS id, status FROM receipts WHERE rule = 'subject_report_ended' ORDER BY purged_at").all()).toEqual([
      { id: SENT, status: 'local' },
      { id: UNSENT, status: 'local' },
    ]);
    const audit = db.$client.prepare("SELECT details FROM audit_log WHERE action = 'subject.report_purged'").all() as { details: string }[];
    expect(audit.map((a) => JSON.parse(a.details) as unknown)).toEqual([
      { files: 2, manifest: 'ab'.repeat(32) },
      { files: 2, manifest: 'ab'.repeat(32) },
    ]);
  });
});
