// Last sync, outbox and errors, as text (not colour alone).
import { formatDateTimeShort } from '../format/datetime';
import { useSync } from '../store/StoresContext';
import { syncSummary } from './sync-summary';

export function SyncStatus() {
  const state = useSync((s) => s.state);
  const error = useSync((s) => s.error);
  const syncing = useSync((s) => s.syncing);
  const summary = syncSummary(state, error, syncing, (iso) => formatDateTimeShort(iso, new Date()));

  return (
    <div className={`sync-status sync-${summary.tone}`} data-testid="sync-status">
      {summary.lines.map((line) => (
        <span key={line}>{line}</span>
      ))}
    </div>
  );
}
