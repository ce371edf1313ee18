// The supervisors' audit view in the core: filters, paging, the chain's verdict, and the CSV
// export (content, no personal data, audited itself). Real SQLite, fixed clock.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedClock, tempDatabase } from '../test-support/fixtures';
import { exportAudit } from './audit-export';
import { keyedHash } from './audit-keys';
import { appendAudit, verifyAudit } from './audit-log';
import { listAudit } from './audit-query';

/** Four days of entries around Berlin midnight: 23:30 UTC on the 23rd is already the 24th in Berlin. */
function world() {
  const { db, dir } = tempDatabase();
  const clock = fixedClock('2026-11-23T10:00:00Z');
  const add = (at: string, actor: string, action: string, subject: string | null = null, details = {}) => {
    clock.set(at);
    appendAudit(db, clock, { actor, action, subject, details });
  };
  add('2026-11-23T10:00:00Z', 'u-agent', 'login', null, { roles: 'agent' }); // 1
  add('2026-11-23T23:30:00Z', 'system', 'purge', 'r-1', { rule: 'callback_closed' }); // 2: Berlin 24th
  add('2026-11-24T09:00:00Z', 'u-dpo', 'hold.set', 'h-1', { customer: keyedHash(db, clock, '4711') }); // 3
  add('2026-11-24T10:00:00Z', 'u-sup', 'hold.confirm', 'h-1', { until: '2026-12-31' }); // 4
  add('2026-11-25T08:00:00Z', 'u-sup', 'login', null, { roles: 'supervisor' }); // 5
  add('2026-11-26T08:00:00Z', 'u-sup', 'rule.change', 'callback_expiry', { from: 14, to: 0 }); // 6
  return { db, dir, clock };
}

const seqs = (page: { entries: { seq: number }[] }) => page.entries.map((e) => e.seq);

describe('audit view: list', () => {
  it('shows entries newest first, exactly as stored, with the actions for the filter', () => {
    const { db } = world();
    const page = listAudit(db, { limit: 200 });
    expect(seqs(page)).toEqual([6, 5, 4, 3, 2, 1]);
    expect(page.entries[0]).toEqual({ seq: 6, at: '2026-11-26T08:00:00.000Z', actor: 'u-sup', action: 'rule.change', subject: 'callback_expiry', details: '{"from":14,"to":0}', actorName: null });
    expect(page.actions).toEqual(['hold.confirm', 'hold.set', 'login', 'purge', 'rule.change']);
    expect(page.verdict).toEqual({ ok: true, entries: 6 });
    expect(page.more).toBe(false);
  });

  it('filters by Berlin calendar days, both ends inclusive', () => {
    const { db } = world();
    expect(seqs(listAudit(db, { from: '2026-11-24', to: '2026-11-24', limit: 200 }))).toEqual([4, 3, 2]);
    expect(seqs(listAudit(db, { to: '2026-11-23', limit: 200 }))).toEqual([1]);
    expect(seqs(listAudit(db, { from: '2026-11-25', limit: 200 }))).toEqual([6, 5]);
  });

  it('filters by action (exact or a family like hold.*) and by actor', () => {
    const { db } = world();
    expect(seqs(listAudit(db, { action: 'login', limit: 200 }))).toEqual([5, 1]);
    expect(seqs(listAudit(db, { action: 'hold.*', limit: 200 }))).toEqual([4, 3]);
    expect(seqs(listAudit(db, { action: 'hold', limit: 200 }))).toEqual([]);
    expect(seqs(listAudit(db, { actor: 'u-sup', limit: 200 }))).toEqual([6, 5, 4]);
    expect(seqs(listAudit(db, { actor: 'u-sup', action: 'login', from: '2026-11-25', limit: 200 }))).toEqual([5]);
  });

  it('pages backwards by sequence number and says when more follow', () => {
    const { db } = world();
    const first = listAudit(db, { limit: 4 });
    expect(seqs(first)).toEqual([6, 5, 4, 3]);
    expect(first.more).toBe(true);
    const second = listAudit(db, { limit: 4, beforeSeq: 3 });
    expect(seqs(second)).toEqual([2, 1]);
    expect(second.more).toBe(false);
  });

  it('reports a tampered chain with the first broken entry, also when the page does not show it', () => {
    const { db } = world();
    db.$client.prepare(`UPDATE audit_log SET details = '{"rule":"erased"}' WHERE seq = 2`).run();
    const page = listAudit(db, { action: 'login', limit: 200 });
    expect(page.verdict).toMatchObject({ ok: false, brokenAt: 2, reason: 'Inhalt verändert' });
    // The view shows what is stored, tampering included.
    expect(listAudit(db, { limit: 200 }).entries.find((e) => e.seq === 2)?.details).toBe('{"rule":"erased"}');
  });
});

describe('audit view: CSV export', () => {
  it('writes the filtered entries oldest first, with BOM and `;`, into exports/', () => {
    const { db, dir, clock } = world();
    clock.set('2026-11-27T09:00:00Z');
    const file = exportAudit(db, clock, dir, 'u-sup', { from: '2026-11-24', to: '2026-11-25' });
    expect(file).toMatchObject({ fileName: 'pruefprotokoll-2026-11-24_2026-11-25.csv', mimeType: 'text/csv', rows: 4 });
    expect(file.path).toBe(path.join(dir, 'exports', file.fileName));
    const text = readFileSync(file.path, 'utf8');
    expect(Buffer.from(file.base64, 'base64').toString('utf8')).toBe(text);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('nr;zeitpunkt_berlin;benutzer;aktion;gegenstand;details;zeitpunkt_utc;aktion_gespeichert;details_gespeichert;hash');
    expect(lines.slice(1).map((l) => l.split(';')[0])).toEqual(['2', '3', '4', '5']);
    // German first (Berlin time, action and details as the screen shows them), then as stored,
    // so the entry's hash can be recomputed from the file; JSON details quoted as CSV wants.
    expect(lines[1]).toContain('24.11.2026 00:30:00;system;Löschung;r-1;Regel: Rückruf abgeschlossen;2026-11-23T23:30:00.000Z;purge;"{""rule"":""callback_closed""}";');
    // The keyed hash is exported, the customer number never was stored.
    expect(text).toContain(keyedHash(db, clock, '4711'));
    expect(text).not.toContain('4711;');
  });

  it('is audited itself, without the typed filter texts in clear, and the chain stays intact', () => {
    const { db, dir, clock } = world();
    clock.set('2026-11-27T09:00:00Z');
    const file = exportAudit(db, clock, dir, 'u-sup', { action: 'hold.*', actor: 'Erika Mustermann' });
    expect(file.rows).toBe(0);
    const last = listAudit(db, { limit: 1 }).entries[0]!;
    expect(last).toMatchObject({ seq: 7, actor: 'u-sup', action: 'audit.export', subject: file.fileName, at: '2026-11-27T09:00:00.000Z' });
    const details = JSON.parse(last.details) as Record<string, unknown>;
    expect(details).toMatchObject({ rows: 0, from: null, to: null, action: 'hold.*', actor: keyedHash(db, clock, 'Erika Mustermann'), chainOk: true });
    expect(last.details).not.toContain('Erika');
    expect(verifyAudit(db)).toMatchObject({ ok: true, entries: 7 });
    expect(file.fileName).toBe('pruefprotokoll-anfang_2026-11-27.csv');
  });

  it('neutralises a tampered value that a spreadsheet would run as a formula', () => {
    const { db, dir, clock } = world();
    db.$client.prepare(`UPDATE audit_log SET subject = '=HYPERLINK("http://x")' WHERE seq = 2`).run();
    const text = readFileSync(exportAudit(db, clock, dir, 'u-sup', {}).path, 'utf8');
    expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(listAudit(db, { action: 'audit.export', limit: 1 }).entries[0]?.details).toContain('"chainOk":false');
  });
});
