import { describe, expect, it, vi } from 'vitest';
import type { AuditEntryView, AuditPage } from '../../../../shared/channels/audit-channels';
import { createDeskService } from '../../services/desk';
import { createFakeDeskApi, deskError } from '../../testing/fake-desk-api';
import { auditActionChoices, auditActionLabel, formatAuditDetails } from '../../../../shared/audit-labels';
import { createAuditStore } from './audit-store';

const entry = (seq: number, action = 'login'): AuditEntryView => ({ seq, at: '2026-11-26T08:00:00.000Z', actor: 'u-sup', action, subject: null, details: '{}' });
const page = (entries: AuditEntryView[], more = false): AuditPage => ({ entries, verdict: { ok: true, entries: 5 }, more, actions: ['login', 'purge'] });

function setup() {
  const api = createFakeDeskApi({
    'audit.list': (input) => (input.beforeSeq ? page([entry(2), entry(1)]) : page([entry(5), entry(4), entry(3)], true)),
    'audit.export': () => ({ fileName: 'pruefprotokoll.csv', path: '/x/exports/pruefprotokoll.csv', mimeType: 'text/csv', base64: '', rows: 5 }),
  });
  const announce = vi.fn();
  const onAuthLost = vi.fn();
  const store = createAuditStore({ service: createDeskService(api), announce, onAuthLost });
  return { api, store, announce, onAuthLost };
}

describe('audit store', () => {
  it('sends only the filled filters, pages backwards from the last shown entry', async () => {
    const { api, store } = setup();
    store.getState().setFilter({ action: 'hold.*', actor: '  ' });
    await store.getState().load();
    expect(api.calls.at(-1)?.input).toEqual({ action: 'hold.*', limit: 100 });
    expect(store.getState().more).toBe(true);
    await store.getState().loadMore();
    expect(api.calls.at(-1)?.input).toEqual({ action: 'hold.*', limit: 100, beforeSeq: 3 });
    expect(store.getState().entries.map((e) => e.seq)).toEqual([5, 4, 3, 2, 1]);
    expect(store.getState().more).toBe(false);
  });

  it('exports with the same filter, announces it and reloads (the export is an entry itself)', async () => {
    const { api, store, announce } = setup();
    store.getState().setFilter({ from: '2026-11-01', to: '2026-11-30' });
    const file = await store.getState().exportCsv();
    expect(file?.rows).toBe(5);
    expect(api.calls.find((c) => c.channel === 'audit.export')?.input).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(announce).toHaveBeenCalledWith('Prüfprotokoll exportiert: 5 Einträge.', 'success');
    expect(api.calls.at(-1)?.channel).toBe('audit.list');
  });

  it('shows a refusal inline and hands a lost session back', async () => {
    const { api, store, onAuthLost } = setup();
    api.handlers['audit.list'] = () => {
      throw deskError('session_expired', 'Die Sitzung ist abgelaufen.');
    };
    await store.getState().load();
    expect(store.getState().error).toMatch(/abgelaufen/);
    expect(onAuthLost).toHaveBeenCalled();
    expect(store.getState().busy).toBe(false);
  });
});

describe('audit labels', () => {
  it('names common actions in German and falls back to the stored name', () => {
    expect(auditActionLabel('purge')).toBe('Löschung');
    expect(auditActionLabel('sms.lookup')).toBe('SMS-Abfrage');
    expect(auditActionLabel('hold.*')).toBe('Sicherung (alle)');
    expect(auditActionLabel('something.new')).toBe('something.new');
  });

  it('offers a family where two actions share a prefix', () => {
    const values = auditActionChoices(['hold.confirm', 'hold.set', 'login']).map((c) => c.value);
    expect(values).toContain('hold.*');
    expect(values).not.toContain('login.*');
  });

  it('shows details as key: value, and anything else raw', () => {
    expect(formatAuditDetails('{"rule":"callback_closed","rows":3}')).toBe('Regel: Rückruf abgeschlossen · Zeilen: 3');
    expect(formatAuditDetails('kaputt')).toBe('kaputt');
  });
});
