// Reports this workstation's latest deletion self-test to the backend (issue 16, item 5), so the
// supervisors see the last result of every workstation, not only of their own PC. Numbers only:
// when, passed, how many files were scanned, how many traces were found. Sent once per test; a
// test run offline goes with the next sync.
import { desc } from 'drizzle-orm';
import type { DeskDb } from '../db/open';
import { selfTests } from '../db/schema';
import { readState, writeState } from '../db/state';
import type { BackendClient } from './backend-client';
import { SessionExpiredError } from './sync-errors';

/** The seq of the last self-test the backend has. */
export const SELF_TEST_REPORTED_KEY = 'selftest.reported_seq';

export async function sendSelfTestReport(db: DeskDb, client: BackendClient): Promise<boolean> {
  const latest = db.select().from(selfTests).orderBy(desc(selfTests.seq)).limit(1).get();
  if (!latest || Number(readState(db, SELF_TEST_REPORTED_KEY) ?? 0) >= latest.seq) return false;
  const report = { at: latest.at, passed: latest.passed, filesScanned: latest.files.length, findings: latest.findings.length };
  const answer = await client.call('POST', '/self-test', report);
  if (answer.status === 401) throw new SessionExpiredError();
  // A backend without this extension (404) or a refusal must not fail the sync: the report waits for the next one.
  if (answer.status !== 200) return false;
  writeState(db, SELF_TEST_REPORTED_KEY, String(latest.seq));
  return true;
}
