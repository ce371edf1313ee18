// Issue 6, item 5: `audit verify` detects every one of 1,000 random edits, deletions, insertions,
// reorders and truncations of the audit log (fast-check). Each run tampers inside a transaction
// that is rolled back afterwards, so all runs share one real SQLite file.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DeskDb } from '../db/open';
import { readState } from '../db/state';
import { fixedClock, tempDatabase } from '../test-support/fixtures';
import { appendAudit, AUDIT_HEAD_KEY, auditHead, entryHash, recordHeadSent, verifyAudit, type AuditAnchor } from './audit-log';

const ENTRIES = 40;
/** The head reported to the backend with the last receipts (a sync after entry 30). */
const SENT_AT = 30;
const COLUMNS = ['at', 'actor', 'action', 'subject', 'details', 'prev_hash', 'hash'] as const;

let db: DeskDb;
let sent: AuditAnchor;

beforeAll(() => {
  db = tempDatabase().db;
  const clock = fixedClock('2026-11-24T08:00:00Z');
  for (let i = 1; i <= ENTRIES; i++) {
    appendAudit(db, clock, { actor: `u${i % 3}`, action: i % 2 ? 'purge' : 'rule.change', subject: `r${i}`, details: { rule: 'case_closed', n: i } });
    clock.advance(60_000);
    if (i === SENT_AT) {
      sent = auditHead(db)!;
      recordHeadSent(db, sent);
    }
  }
});

type Row = { seq: number; at: string; actor: string; action: string; subject: string | null; details: string; prev_hash: string; hash: string };
const rowAt = (seq: number) => db.$client.prepare('SELECT * FROM audit_log WHERE seq = ?').get(seq) as Row;
const run = (sql: string, ...params: unknown[]) => db.$client.prepare(sql).run(...params);

type Tamper =
  | { kind: 'edit'; seq: number; column: (typeof COLUMNS)[number]; suffix: string }
  | { kind: 'delete'; seq: number }
  | { kind: 'insert'; at: 'end-forged' | 'end-random' | 'before-start' | 'gap'; seq: number }
  | { kind: 'reorder'; a: number; b: number }
  | { kind: 'renumber'; seq: number; to: number }
  | { kind: 'truncate'; keep: number }
  | { kind: 'truncate-and-fix-head'; keep: number };

const seqArb = fc.integer({ min: 1, max: ENTRIES });
const tamperArb: fc.Arbitrary<Tamper> = fc.oneof(
  fc.record({ kind: fc.constant('edit' as const), seq: seqArb, column: fc.constantFrom(...COLUMNS), suffix: fc.string({ minLength: 1, maxLength: 5 }) }),
  fc.record({ kind: fc.constant('delete' as const), seq: seqArb }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.constantFrom('end-forged' as const, 'end-random' as const, 'before-start' as const, 'gap' as const), seq: seqArb }),
  fc.record({ kind: fc.constant('reorder' as const), a: seqArb, b: seqArb }).filter((t) => t.a !== t.b),
  fc.record({ kind: fc.constant('renumber' as const), seq: seqArb, to: fc.integer({ min: ENTRIES + 1, max: ENTRIES + 50 }) }),
  fc.record({ kind: fc.constant('truncate' as const), keep: fc.integer({ min: 0, max: ENTRIES - 1 }) }),
  // A careful attacker also rewrites the head kept beside the log: the head sent to the backend still shows it.
  fc.record({ kind: fc.constant('truncate-and-fix-head' as const), keep: fc.integer({ min: 0, max: SENT_AT - 1 }) }),
);

function apply(t: Tamper): void {
  switch (t.kind) {
    case 'edit':
      run(`UPDATE audit_log SET ${t.column} = coalesce(${t.column}, '') || ? WHERE seq = ?`, t.suffix, t.seq);
      return;
    case 'delete':
      run('DELETE FROM audit_log WHERE seq = ?', t.seq);
      return;
    case 'insert': {
      const last = rowAt(ENTRIES);
      const forged = { seq: ENTRIES + 1, at: '2026-11-25T00:00:00.000Z', actor: 'x', action: 'purge', subject: null, details: '{}', prevHash: last.hash };
      if (t.at === 'end-forged') {
        run('INSERT INTO audit_log (seq, at, actor, action, subject, details, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?)', ...Object.values(forged), entryHash(forged));
      } else if (t.at === 'end-random') {
        run('INSERT INTO audit_log (seq, at, actor, action, subject, details, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?)', ...Object.values(forged), 'f'.repeat(64));
      } else if (t.at === 'before-start') {
        run("INSERT INTO audit_log (seq, at, actor, action, subject, details, prev_hash, hash) VALUES (0, 'x', 'x', 'x', NULL, '{}', ?, ?)", '0'.repeat(64), 'e'.repeat(64));
      } else {
        // Make room in the middle (shift the later entries up), then insert a forged entry there.
        run('UPDATE audit_log SET seq = -seq WHERE seq >= ?', t.seq);
        run('UPDATE audit_log SET seq = -seq + 1 WHERE seq < 0');
        const prev = t.seq > 1 ? rowAt(t.seq - 1).hash : '0'.repeat(64);
        const entry = { ...forged, seq: t.seq, prevHash: prev };
        run('INSERT INTO audit_log (seq, at, actor, action, subject, details, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?)', ...Object.values(entry), entryHash(entry));
      }
      return;
    }
    case 'reorder': {
      const a = rowAt(t.a);
      const b = rowAt(t.b);
      const set = 'UPDATE audit_log SET at = ?, actor = ?, action = ?, subject = ?, details = ?, prev_hash = ?, hash = ? WHERE seq = ?';
      run(set, b.at, b.actor, b.action, b.subject, b.details, b.prev_hash, b.hash, t.a);
      run(set, a.at, a.actor, a.action, a.subject, a.details, a.prev_hash, a.hash, t.b);
      return;
    }
    case 'renumber':
      run('UPDATE audit_log SET seq = ? WHERE seq = ?', t.to, t.seq);
      return;
    case 'truncate':
      run('DELETE FROM audit_log WHERE seq > ?', t.keep);
      return;
    case 'truncate-and-fix-head': {
      run('DELETE FROM audit_log WHERE seq > ?', t.keep);
      if (t.keep === 0) run('DELETE FROM sync_state WHERE key = ?', AUDIT_HEAD_KEY);
      else run('UPDATE sync_state SET value = ? WHERE key = ?', JSON.stringify({ seq: t.keep, hash: rowAt(t.keep).hash }), AUDIT_HEAD_KEY);
      return;
    }
  }
}

/** Runs `work` on the tampered log and undoes the tampering afterwards. */
function tampered<T>(t: Tamper, work: () => T): T {
  run('SAVEPOINT tamper');
  try {
    apply(t);
    return work();
  } finally {
    run('ROLLBACK TO tamper');
    run('RELEASE tamper');
  }
}

describe('audit verify against random tampering', () => {
  it('accepts the untouched log, with the head beside it and the head sent to the backend', () => {
    expect(verifyAudit(db)).toMatchObject({ ok: true, entries: ENTRIES });
    expect(JSON.parse(readState(db, AUDIT_HEAD_KEY)!)).toEqual({ seq: ENTRIES, hash: rowAt(ENTRIES).hash });
    expect(verifyAudit(db, { anchors: [sent] })).toMatchObject({ ok: true });
  });

  it('detects every one of 1,000 random edits, deletions, insertions, reorders and truncations', () => {
    const seen = new Map<string, number>();
    fc.assert(
      fc.property(tamperArb, (t) => {
        const verdict = tampered(t, () => verifyAudit(db));
        seen.set(t.kind, (seen.get(t.kind) ?? 0) + 1);
        expect(verdict.ok, JSON.stringify(t)).toBe(false);
        if (!verdict.ok) expect(verdict.reason).toBeTruthy();
      }),
      { numRuns: 1000, seed: Number(process.env.AUDIT_FUZZ_SEED ?? Date.now() % 2 ** 31) },
    );
    // Every kind of tampering was tried many times.
    for (const kind of ['edit', 'delete', 'insert', 'reorder', 'renumber', 'truncate', 'truncate-and-fix-head']) expect(seen.get(kind) ?? 0).toBeGreaterThan(50);
    // ...and the log is intact again afterwards (no false alarm from the harness itself).
    expect(verifyAudit(db).ok).toBe(true);
  });

  it('a truncation behind the head sent to the backend shows even if the local anchors are rebuilt', () => {
    // The attacker removes entries 21..40 and rewrites both local anchors: the backend's copy of the head still shows it.
    const verdict = tampered({ kind: 'truncate-and-fix-head', keep: 20 }, () => {
      run("DELETE FROM sync_state WHERE key = 'audit.head_sent'");
      return { local: verifyAudit(db), withBackend: verifyAudit(db, { anchors: [sent] }) };
    });
    expect(verdict.local.ok).toBe(true); // nothing local is left to compare with...
    expect(verdict.withBackend).toMatchObject({ ok: false, reason: expect.stringMatching(/Ende abgeschnitten/) }); // ...but the backend's head is
  });
});
