// The desk's start() runs the one retention scheduler: what is due goes at once, later writes
// re-arm it, and close() leaves no timer behind.
import { describe, expect, it } from 'vitest';
import { openDesk } from '../desk';
import { smsLog } from '../db/schema';
import { tempDir } from '../test-support/fixtures';
import { seedSms } from './test-world';

describe('desk retention scheduler', () => {
  it('sweeps at start and stops on close', async () => {
    const dir = tempDir();
    const first = openDesk({ dataDir: dir, host: 'web' });
    const old = seedSms(first.db, new Date(Date.now() - 100 * 86_400_000).toISOString());
    const recent = seedSms(first.db, new Date(Date.now() - 86_400_000).toISOString());
    await first.close();

    const desk = openDesk({ dataDir: dir, host: 'web' });
    desk.start();
    expect(desk.db.select({ id: smsLog.id }).from(smsLog).all().map((r) => r.id)).toEqual([recent]);
    expect(old).not.toBe(recent);
    await desk.close(); // a leaked timer would keep the process (and this test file) alive
  });
});
