// Issue 6, item 5 through the real CLI: `audit verify` passes an intact log and exits 1, naming the
// place, when the tail was cut off (the head kept beside the log shows it) or an entry was edited.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { appendAudit } from '../core/audit/audit-log';
import { openDesk } from '../core/desk';
import { fixedClock, tempDir } from '../core/test-support/fixtures';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const run = promisify(execFile);

async function auditVerify(dataDir: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'electron/cli/index.ts', '--data-dir', dataDir, 'audit', 'verify'], { cwd: ROOT });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

describe('cli audit verify', () => {
  it('accepts the intact log, then names a cut-off tail and an edited entry', { timeout: 60_000 }, async () => {
    const dataDir = tempDir();
    const desk = openDesk({ dataDir, host: 'cli' });
    const clock = fixedClock('2026-11-24T08:00:00Z');
    for (let i = 1; i <= 12; i++) appendAudit(desk.db, clock, { actor: 'u1', action: 'purge', subject: `r${i}`, details: { rule: 'case_closed' } });
    await desk.close();

    expect(await auditVerify(dataDir)).toMatchObject({ code: 0, out: expect.stringMatching(/in Ordnung: 12 Einträge/) });

    const db = new Database(path.join(dataDir, 'servicedesk.sqlite'));
    db.prepare('DELETE FROM audit_log WHERE seq > 9').run();
    db.close();
    expect(await auditVerify(dataDir)).toMatchObject({ code: 1, out: expect.stringMatching(/ab Eintrag 10: Ende abgeschnitten: 3 Einträge nach 9 fehlen/) });

    const again = new Database(path.join(dataDir, 'servicedesk.sqlite'));
    again.prepare("UPDATE sync_state SET value = json_object('seq', 9, 'hash', (SELECT hash FROM audit_log WHERE seq = 9)) WHERE key = 'audit.head'").run();
    again.prepare("UPDATE audit_log SET details = '{\"rule\":\"erased\"}' WHERE seq = 4").run();
    again.close();
    expect(await auditVerify(dataDir)).toMatchObject({ code: 1, out: expect.stringMatching(/ab Eintrag 4: Inhalt verändert/) });
  });
});
