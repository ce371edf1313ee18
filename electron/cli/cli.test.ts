// The CLI as outside tests call it: a real process, a real data directory, the real backend.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningBackend } from '../../backend/server';
import { portalAccess } from '../../backend/db/schema';
import { backendRequestIds } from '../../backend/testing/inspect';
import { PortalLookupReport } from '../../shared/officer-views';
import { startBackendForTest } from '../../backend/testing/test-backend';
import { tempDir } from '../core/test-support/fixtures';
import { runCli } from './cli-process';

const cli = runCli;

let backend: RunningBackend;
beforeAll(async () => {
  backend = await startBackendForTest({ seed: 3, demo: { callbacks: 8, contacts: 4, dpo: 1, equality: 1, sms: 50, portal: 60 } });
});
afterAll(() => backend.close());

// Each call is a fresh Node process compiling TypeScript: generous timeouts for loaded CI machines.
describe('cli', { timeout: 180_000 }, () => {
  it('bad arguments: a clear message, exit 2, nothing written', async () => {
    const dataDir = path.join(tempDir(), 'never-created');
    const calls = [
      ['frobnicate'],
      ['attempt', 'not-a-uuid', '--disposition', 'reached'],
      ['attempt', '7d1b5c8e-2f4a-4c3e-9b1d-0a2b3c4d5e6f', '--disposition', 'maybe'],
      ['close', '7d1b5c8e-2f4a-4c3e-9b1d-0a2b3c4d5e6f', '--outcome', 'resolved', '--until', '2027-01-01'],
      ['sms', 'lookup', '--customer', '123', '--ip', '10.0.0.1', '--case', 'AZ-1', '--json'],
      ['login', '--backend', 'ftp://x', '--username', 'a', '--password', 'b'],
    ];
    const results = await Promise.all(calls.map((args) => cli(dataDir, ...args)));
    results.forEach((result, i) => {
      expect(result.code, calls[i]!.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/Aufruf: npm run --silent cli/);
    });
    expect(existsSync(dataDir)).toBe(false);
  });

  it('login, sync, status --json, claim, attempt, close: the personal data is gone afterwards', async () => {
    const dataDir = tempDir();
    expect((await cli(dataDir, 'login', '--backend', backend.url, '--username', 'agent', '--password', 'agent')).code).toBe(0);
    const sync = await cli(dataDir, 'sync');
    expect(sync.code).toBe(0);
    const status = JSON.parse((await cli(dataDir, 'status', '--json')).stdout) as Record<string, number>;
    expect(status).toEqual({ requests: 12, withPersonalData: 0, sms: 0, tombstones: 0, pendingEvents: 0, pendingReceipts: 0, quarantined: 0 });

    const callbackId = (await backendRequestIds(backend.database.db, 'callback'))[0]!;
    expect((await cli(dataDir, 'claim', callbackId)).code).toBe(0);
    expect(JSON.parse((await cli(dataDir, 'status', '--json')).stdout)).toMatchObject({ withPersonalData: 1 });
    expect((await cli(dataDir, 'attempt', callbackId, '--disposition', 'reached')).code).toBe(0);
    expect((await cli(dataDir, 'close', callbackId, '--outcome', 'resolved')).code).toBe(0);
    expect(JSON.parse((await cli(dataDir, 'status', '--json')).stdout)).toMatchObject({ requests: 11, withPersonalData: 0, tombstones: 1, pendingReceipts: 1 });
    expect((await cli(dataDir, 'sync')).code).toBe(0);
    expect(JSON.parse((await cli(dataDir, 'status', '--json')).stdout)).toMatchObject({ pendingReceipts: 0 });
    const audit = await cli(dataDir, 'audit', 'verify');
    expect(audit.code).toBe(0);
    expect(audit.stdout).toMatch(/in Ordnung/);
  });

  it('an agent is refused the SMS lookup; the DPO gets JSON', async () => {
    const agentDir = tempDir();
    await cli(agentDir, 'login', '--backend', backend.url, '--username', 'agent', '--password', 'agent');
    const refused = await cli(agentDir, 'sms', 'lookup', '--customer', '1234', '--case', 'AZ-2026-1', '--json');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Rolle/);

    const dpoDir = tempDir();
    await cli(dpoDir, 'login', '--backend', backend.url, '--username', 'dpo', '--password', 'dpo');
    await cli(dpoDir, 'sync');
    const lookup = await cli(dpoDir, 'sms', 'lookup', '--ip', '203.0.113.0/24', '--case', 'AZ-2026-1', '--json');
    // The whole log is no misuse lookup: refused before anything is read (issue 12, item 3).
    const whole = await cli(dpoDir, 'sms', 'lookup', '--ip', '0.0.0.0/0', '--case', 'AZ-2026-1', '--json');
    expect(whole.code).toBe(2);
    expect(whole.stderr).toMatch(/zu groß/);
    expect(lookup.code).toBe(0);
    const result = JSON.parse(lookup.stdout) as { records: unknown[]; freeQuotaPerDay: number };
    expect(result.freeQuotaPerDay).toBe(5);
  });

  it('looks up the portal access log with the same options as the SMS log (issue 15)', async () => {
    const dpoDir = tempDir();
    await cli(dpoDir, 'login', '--backend', backend.url, '--username', 'dpo', '--password', 'dpo');
    await cli(dpoDir, 'sync');
    const [known] = await backend.database.db.select({ customerNumber: portalAccess.customerNumber }).from(portalAccess).limit(1);
    const portal = await cli(dpoDir, 'portal', 'lookup', '--customer', known!.customerNumber, '--case', 'AZ-2026-1', '--json');
    expect(portal.code).toBe(0);
    const report = PortalLookupReport.parse(JSON.parse(portal.stdout));
    expect(report.records.length).toBeGreaterThan(0);
    expect(report.records.every((r) => r.customerNumber === known!.customerNumber)).toBe(true);
    const text = await cli(dpoDir, 'portal', 'lookup', '--customer', known!.customerNumber, '--case', 'AZ-2026-1');
    expect(text.stdout).toMatch(/^\d+ Portal-Zugriffe, \d+ Tage mit 5 oder mehr fehlgeschlagenen Anmeldungen\./);
  });

  it('sync exits non-zero with a clear message when the backend stays unreachable', async () => {
    const dataDir = tempDir();
    await cli(dataDir, 'login', '--backend', backend.url, '--username', 'agent', '--password', 'agent');
    backend.setFaults({ error503Rate: 1, retryAfterSeconds: 0 });
    try {
      const result = await cli(dataDir, 'sync');
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/nicht erreichbar/);
    } finally {
      backend.setFaults({});
    }
  });
});
