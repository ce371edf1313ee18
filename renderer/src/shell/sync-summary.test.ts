import { describe, expect, it } from 'vitest';
import { syncState } from '../testing/fake-desk-api';
import { syncSummary } from './sync-summary';

const fmt = (iso: string) => `<${iso}>`;

describe('syncSummary', () => {
  it('says when it last synced and that nothing is pending', () => {
    expect(syncSummary(syncState(), null, false, fmt)).toEqual({
      lines: ['Letzte Synchronisierung: <2025-03-12T09:30:00Z>', 'Alle Änderungen gesendet'],
      tone: 'ok',
    });
  });

  it('counts pending events and shows errors', () => {
    const state = syncState({ lastError: 'Backend nicht erreichbar' });
    state.status.pendingEvents = 3;
    expect(syncSummary(state, null, false, fmt)).toEqual({
      lines: ['Letzte Synchronisierung: <2025-03-12T09:30:00Z>', '3 Änderungen ausstehend', 'Fehler: Backend nicht erreichbar'],
      tone: 'error',
    });
  });

  it('covers never synced, syncing and unknown', () => {
    expect(syncSummary(syncState({ lastSyncAt: null }), null, false, fmt).lines[0]).toBe('Noch nicht synchronisiert');
    expect(syncSummary(syncState(), null, true, fmt).lines[0]).toBe('Synchronisierung läuft …');
    expect(syncSummary(null, null, false, fmt).tone).toBe('unknown');
    expect(syncSummary(null, 'kaputt', false, fmt)).toEqual({ lines: ['Sync-Status nicht verfügbar: kaputt'], tone: 'error' });
  });
});
