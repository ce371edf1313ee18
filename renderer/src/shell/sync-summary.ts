// The header's sync status as short German lines, derived from `sync.state`.
import type { SyncState } from '../../../shared/views';

export interface SyncSummary {
  lines: string[];
  tone: 'ok' | 'pending' | 'error' | 'unknown';
}

export function syncSummary(
  state: SyncState | null,
  readError: string | null,
  syncing: boolean,
  formatInstant: (iso: string) => string,
): SyncSummary {
  if (!state) {
    return readError
      ? { lines: [`Sync-Status nicht verfügbar: ${readError}`], tone: 'error' }
      : { lines: ['Sync-Status wird geladen …'], tone: 'unknown' };
  }
  const { status } = state;
  const lines = [
    syncing
      ? 'Synchronisierung läuft …'
      : state.lastSyncAt
        ? `Letzte Synchronisierung: ${formatInstant(state.lastSyncAt)}`
        : 'Noch nicht synchronisiert',
    status.pendingEvents === 0
      ? 'Alle Änderungen gesendet'
      : status.pendingEvents === 1
        ? '1 Änderung ausstehend'
        : `${status.pendingEvents} Änderungen ausstehend`,
  ];
  if (status.quarantined > 0) lines.push(`${status.quarantined} zurückgestellt`);
  const error = state.lastError ?? readError;
  if (error) lines.push(`Fehler: ${error}`);
  const tone = error ? 'error' : status.pendingEvents > 0 || status.quarantined > 0 ? 'pending' : 'ok';
  return { lines, tone };
}
