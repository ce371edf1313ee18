// The deletion self-test: canary records go through the normal purge, then every file of the
// data directory is scanned for them. Shows the latest results.
import { useStore } from 'zustand';
import type { SelfTestResult } from '../../../shared/retention';
import { formatDateTime } from '../format/datetime';
import type { RetentionStore } from '../store/retention/retention-store';

export function SelfTestPanel({ store, results }: { store: RetentionStore; results: SelfTestResult[] }) {
  const busy = useStore(store, (s) => s.busy);
  return (
    <section aria-labelledby="selftest-heading">
      <h3 id="selftest-heading">Löschtest</h3>
      <button type="button" disabled={busy} onClick={() => void store.getState().runSelfTest()}>
        Löschtest starten
      </button>
      {results.length === 0 ? (
        <p>Noch kein Löschtest an diesem Arbeitsplatz.</p>
      ) : (
        <ul className="selftest-results" data-testid="selftest-results">
          {results.map((r) => (
            <li key={r.at} data-passed={r.passed}>
              {formatDateTime(r.at)}: <strong>{r.passed ? 'bestanden' : 'FEHLGESCHLAGEN'}</strong>, {r.files.length} Dateien geprüft ({r.files.join(', ')})
              {r.findings.length > 0 && `; Spuren in ${[...new Set(r.findings.map((f) => f.file))].join(', ')}`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
