// Issue 6, item 7: fast-check fuzzes every feed event schema. Thousands of broken events (each
// type with fields removed, replaced by hostile values, or extra; broken envelopes; arbitrary
// values) go through a real sync: the sync never crashes, nothing but the quarantine (id, type,
// reason) is written from them, and every one is either quarantined with a reason or skipped as
// an unknown type. Valid events with hostile but allowed text apply without trouble.
import { createHash, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEED_EVENT_TYPES, FeedEvent } from '../../../shared/sync-api';
import { openDesk, type Desk } from '../desk';
import { tempDir } from '../test-support/fixtures';
import { queuedEvent, SCRIPTED_URL, scriptedBackend, smsEvent, type ScriptedBackend } from '../test-support/scripted-backend';

const INVALID_EVENTS = Number(process.env.FUZZ_FEED_EVENTS ?? 3000);
const PAGE = 500;
const AT = '2026-11-24T08:00:00.000Z';
const REQUEST_ID = randomUUID();
const ACTOR = { userId: 'u2', displayName: 'Ben Berater' };

/** One valid event of every type, about a request this workstation has. */
const TEMPLATES: Record<string, () => Record<string, unknown>> = {
  'request.queued': () => queuedEvent('contact'),
  'request.claimed': () => ({ id: randomUUID(), type: 'request.claimed', at: AT, requestId: REQUEST_ID, by: ACTOR, workstation: randomUUID(), leaseUntil: AT }),
  'request.released': () => ({ id: randomUUID(), type: 'request.released', at: AT, requestId: REQUEST_ID }),
  'request.attempted': () => ({ id: randomUUID(), type: 'request.attempted', at: AT, requestId: REQUEST_ID, attemptNo: 1, disposition: 'busy', by: ACTOR }),
  'request.forwarded': () => ({ id: randomUUID(), type: 'request.forwarded', at: AT, requestId: REQUEST_ID, department: 'grid' }),
  'request.closed': () => ({ id: randomUUID(), type: 'request.closed', at: AT, requestId: REQUEST_ID, outcome: 'resolved', retainedUntil: null }),
  'request.erased': () => ({ id: randomUUID(), type: 'request.erased', at: AT, requestId: REQUEST_ID, reason: 'erasure_request' }),
  'sms.logged': () => smsEvent('4711000000', '198.51.100.7'),
  'receipt.recorded': () => ({ id: randomUUID(), type: 'receipt.recorded', at: AT, receipt: { requestId: REQUEST_ID, workstation: randomUUID(), purgedAt: AT, rule: 'case_closed' } }),
  'portal.logged': () => ({ id: randomUUID(), type: 'portal.logged', at: AT, access: { id: randomUUID(), customerNumber: '4711000000', at: AT, ip: '198.51.100.7', action: 'login_failed' } }),
  'hold.updated': () => ({
    id: randomUUID(),
    type: 'hold.updated',
    at: AT,
    hold: {
      id: randomUUID(),
      caseRef: 'AZ-2026-7',
      customerNumber: '4711000000',
      reason: 'Anfrage der Staatsanwaltschaft',
      until: '2027-03-01',
      status: 'confirmed',
      requestedBy: ACTOR,
      requestedAt: AT,
      decidedBy: { userId: 'u-lead', displayName: 'Lars Teamleitung' },
      decidedAt: AT,
      decisionNote: null,
    },
  }),
  'disclosure.updated': () => ({
    id: randomUUID(),
    type: 'disclosure.updated',
    at: AT,
    disclosure: {
      id: randomUUID(),
      caseRef: 'DS-2026-17',
      authority: 'Polizeipräsidium Bochum',
      authorityRef: 'KK 11 – 4711/26',
      legalBasis: '§ 100g StPO',
      smsIds: [randomUUID(), randomUUID()],
      status: 'approved',
      requestedBy: ACTOR,
      requestedAt: AT,
      decidedBy: { userId: 'u-lead', displayName: 'Lars Teamleitung' },
      decidedAt: AT,
      decisionNote: 'Beschluss liegt vor',
    },
  }),
  'audit.refused': () => ({ id: randomUUID(), type: 'audit.refused', at: AT, workstation: randomUUID(), expected: { seq: 3, hash: 'a'.repeat(64) }, offered: { seq: 4, hash: 'b'.repeat(64) } }),
  'rules.updated': () => ({
    id: randomUUID(),
    type: 'rules.updated',
    at: AT,
    rules: {
      version: 1,
      retention: [
        { key: 'retention_proof', period: 1, changedBy: { userId: 'u-lead', displayName: 'Lars Teamleitung' }, changedAt: AT },
        { key: 'rule_of_a_newer_backend', period: 5, changedBy: null, changedAt: null },
      ],
      retry: { maxAttempts: 2, minGapMinutes: 60, changedBy: { userId: 'u-lead', displayName: 'Lars Teamleitung' }, changedAt: AT },
    },
  }),
  'sms.erased': () => ({ id: randomUUID(), type: 'sms.erased', at: AT, erasureId: randomUUID(), smsIds: [randomUUID()], reason: 'subject_erasure' }),
  'portal.erased': () => ({ id: randomUUID(), type: 'portal.erased', at: AT, erasureId: randomUUID(), accessIds: [randomUUID()], reason: 'subject_erasure' }),
  'request.rectified': () => ({ id: randomUUID(), type: 'request.rectified', at: AT, requestId: REQUEST_ID, fields: ['name'], values: { name: 'Jörg Nowak' } }),
  'restriction.updated': () => ({
    id: randomUUID(),
    type: 'restriction.updated',
    at: AT,
    restriction: { id: randomUUID(), source: 'request', recordId: REQUEST_ID, active: true, since: AT, liftedAt: null },
  }),
  'subject.updated': () => ({
    id: randomUUID(),
    type: 'subject.updated',
    at: AT,
    subject: {
      requestId: REQUEST_ID,
      type: 'access',
      receivedOn: '2026-11-24',
      deadline: '2026-12-24',
      extendedUntil: '2027-02-24',
      personInformedOn: null,
      identityMethod: 'customer_data',
      markedBy: ACTOR,
      markedAt: AT,
      updatedAt: AT,
    },
  }),
};

const nasty = fc.oneof(
  fc.anything({ maxDepth: 2 }),
  fc.constantFrom('', '<script>alert(1)</script>', "'; DROP TABLE requests; --", 'x'.repeat(50_000), '__proto__', NaN, -1, 1e308, [], {}, null, true, 'pizza'),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

/** Replaces, removes or adds a field at any depth of the event. */
function mutate(event: Record<string, unknown>): fc.Arbitrary<unknown> {
  const paths: string[][] = [];
  const walk = (value: unknown, at: string[]) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, child] of Object.entries(value)) {
        paths.push([...at, key]);
        walk(child, [...at, key]);
      }
    }
  };
  walk(event, []);
  const setAt = (root: unknown, path: string[], value: unknown, remove: boolean): unknown => {
    const copy = structuredClone(root) as Record<string, unknown>;
    let node = copy;
    for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
    const last = path.at(-1)!;
    if (remove) delete node[last];
    else node[last] = value;
    return copy;
  };
  return fc.oneof(
    fc.tuple(fc.constantFrom(...paths), nasty).map(([path, value]) => setAt(event, path, value, false)),
    fc.constantFrom(...paths).map((path) => setAt(event, path, undefined, true)),
  );
}

const invalidEvent: fc.Arbitrary<unknown> = fc
  .oneof(
    { weight: 8, arbitrary: fc.constantFrom(...FEED_EVENT_TYPES).chain((type) => mutate(TEMPLATES[type]!())) },
    { weight: 1, arbitrary: nasty },
    { weight: 1, arbitrary: fc.record({ id: fc.string({ minLength: 1, maxLength: 20 }), type: fc.string({ minLength: 1, maxLength: 20 }), at: fc.string() }) },
  )
  // As the event arrives: through JSON (NaN becomes null, undefined fields vanish).
  .map((raw) => (JSON.parse(JSON.stringify([raw])) as unknown[])[0])
  .filter((raw) => !FeedEvent.safeParse(raw).success);

let desk: Desk;
let backend: ScriptedBackend;
beforeAll(async () => {
  backend = scriptedBackend({ id: 'u-lead', displayName: 'Lars Teamleitung', roles: ['agent', 'dpo', 'supervisor'] });
  desk = openDesk({ dataDir: tempDir(), host: 'cli', fetch: backend.fetch });
  await desk.invoke('session.login', { backendUrl: SCRIPTED_URL, username: 'lead', password: 'lead' });
  backend.feed = [queuedEvent('contact', REQUEST_ID), smsEvent('4711000001', '198.51.100.8')];
  await desk.invoke('sync.now', {});
});
afterAll(() => desk.close());

/** Every table the feed may write to, hashed: quarantine and sync state (cursor) excluded. */
function domainFingerprint(): string {
  const hash = createHash('sha256');
  for (const table of ['requests', 'personal_data', 'callback_attempts', 'sms_log', 'tombstones', 'receipts', 'outbox', 'audit_log']) {
    hash.update(JSON.stringify(desk.db.$client.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all()));
  }
  return hash.digest('hex');
}

describe('fuzzing the feed', () => {
  it(`${INVALID_EVENTS} broken events of every type: no crash, nothing written but the quarantine`, async () => {
    const events = fc.sample(invalidEvent, { numRuns: INVALID_EVENTS, seed: Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31) });
    const fingerprint = domainFingerprint();
    const quarantinedBefore = (desk.db.$client.prepare('SELECT count(*) AS n FROM quarantine').get() as { n: number }).n;
    let pulled = 0;
    let quarantined = 0;
    for (let i = 0; i < events.length; i += PAGE) {
      backend.feed = events.slice(i, i + PAGE);
      const report = await desk.invoke('sync.now', {});
      expect(report.offline).toBeNull();
      expect(report.applied).toBe(0);
      pulled += report.pulled;
      quarantined += report.quarantined;
      expect(report.quarantined + report.skipped).toBe(report.pulled);
    }
    expect(pulled).toBe(events.length);
    expect(domainFingerprint()).toBe(fingerprint);
    const rows = desk.db.$client.prepare('SELECT event_id AS eventId, event_type AS eventType, reason FROM quarantine').all() as { eventId: string | null; eventType: string | null; reason: string }[];
    expect(rows.length - quarantinedBefore).toBe(quarantined);
    expect(quarantined).toBeGreaterThan(events.length / 2);
    for (const row of rows) {
      expect(row.reason).toMatch(/^(Umschlag ungültig|Schema verletzt)$/);
      // Only the envelope is kept, never content: a type is one of ours or null.
      if (row.eventType !== null) expect(FEED_EVENT_TYPES).toContain(row.eventType);
    }
    expect(desk.db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('valid events with hostile but allowed text (reasons, names, event ids) apply without trouble', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 500 }), fc.string({ minLength: 1, maxLength: 200 }), fc.string({ minLength: 1, maxLength: 200 }), async (reason, displayName, eventId) => {
        const id = randomUUID();
        backend.feed = [
          { ...queuedEvent('callback', id), id: eventId },
          { id: randomUUID(), type: 'request.attempted', at: AT, requestId: id, attemptNo: 1, disposition: 'busy', by: { userId: 'u9', displayName } },
          { id: randomUUID(), type: 'request.erased', at: AT, requestId: id, reason },
        ];
        const report = await desk.invoke('sync.now', {});
        expect(report.offline).toBeNull();
        expect(report.quarantined).toBe(0);
        // Erased: the entry is gone, only the tombstone is left.
        expect(desk.db.$client.prepare('SELECT count(*) AS n FROM requests WHERE id = ?').get(id)).toEqual({ n: 0 });
      }),
      { numRuns: 100 },
    );
  });
});
