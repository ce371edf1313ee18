import { describe, expect, it } from 'vitest';
import { fixedClock, tempDatabase } from '../test-support/fixtures';
import { keyedHash } from './audit-keys';
import { appendAudit, verifyAudit } from './audit-log';

function seeded(n: number) {
  const { db } = tempDatabase();
  const clock = fixedClock('2026-11-24T08:00:00Z');
  for (let i = 0; i < n; i++) {
    appendAudit(db, clock, { actor: 'u1', action: 'purge', subject: `r${i}`, details: { rule: 'callback_closed' } });
    clock.advance(1000);
  }
  return db;
}

describe('audit log', () => {
  it('verifies an untouched chain and reports its head', () => {
    const verdict = verifyAudit(seeded(5));
    expect(verdict).toMatchObject({ ok: true, entries: 5 });
    expect(verdict.ok && verdict.head).toMatch(/^[0-9a-f]{64}$/);
  });

  it('names the first edited entry', () => {
    const db = seeded(5);
    db.$client.prepare("UPDATE audit_log SET details = '{\"rule\":\"erased\"}' WHERE seq = 3").run();
    expect(verifyAudit(db)).toMatchObject({ ok: false, brokenAt: 3 });
  });

  it('detects a deleted entry in the middle', () => {
    const db = seeded(5);
    db.$client.prepare('DELETE FROM audit_log WHERE seq = 2').run();
    expect(verifyAudit(db)).toMatchObject({ ok: false, brokenAt: 3 });
  });

  it('keyed hashes are stable per installation and month and differ between installations', () => {
    const a = seeded(0);
    const b = seeded(0);
    const clock = fixedClock('2026-11-24T08:00:00Z');
    expect(keyedHash(a, clock, '4711')).toBe(keyedHash(a, clock, '4711'));
    expect(keyedHash(a, clock, '4711')).not.toBe(keyedHash(b, clock, '4711'));
    expect(keyedHash(a, clock, '4711')).not.toContain('4711');
    // Another month, another key.
    expect(keyedHash(a, fixedClock('2026-12-01T00:00:00Z'), '4711')).not.toBe(keyedHash(a, clock, '4711'));
  });
});
