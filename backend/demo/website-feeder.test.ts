// npm start's demo data goes through the website's endpoints like real data: every request
// carries the consent a form sends, and the logs arrive through ingest (old records expire there).
import { isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requests } from '../db/schema';
import { type RunningBackend } from '../server';
import { startTestBackend, type TestClock } from '../test-support';
import { feedDemoThroughWebsite } from './website-feeder';

let backend: RunningBackend;
let clock: TestClock;
beforeAll(async () => {
  ({ backend, clock } = await startTestBackend({ demo: false, intakePerMinute: 0 }));
});
afterAll(() => backend.close());

describe('the demo through the website', () => {
  it('sends forms through intake and the logs through ingest', async () => {
    const fed = await feedDemoThroughWebsite(backend, { callbacks: 12, contacts: 6, dpo: 2, equality: 2, sms: 300, portal: 120 }, 5, clock.now());
    expect(fed.forms).toBe(22);
    const stats = await backend.stats();
    expect(stats.requests.total).toBe(22);
    const withConsent = await backend.database.db.select({ id: requests.id }).from(requests).where(isNotNull(requests.consentNoticeVersion));
    expect(withConsent).toHaveLength(22);
    // The SMS history reaches 100 days back: what is older than 90 days is not stored.
    expect(fed.sms.accepted + fed.sms.expired).toBeGreaterThanOrEqual(300);
    expect(fed.sms.expired).toBeGreaterThan(0);
    expect(stats.sms.records).toBe(fed.sms.accepted);
    expect(stats.portal.records).toBe(fed.portal.accepted);
    expect(fed.portal.accepted).toBeGreaterThan(100);
  });
});
