// Exports: the Löschprotokoll for a date range (CSV, PDF) and the Löschkonzept (PDF). The core
// writes the file into the data directory's exports/ folder and returns its content, which is
// offered here as a download.
import { useState } from 'react';
import { useStore } from 'zustand';
import type { ExportFile, ExportInput } from '../../../shared/retention';
import type { RetentionStore } from '../store/retention/retention-store';
import { downloadExport as download } from './download-file';

function berlinToday(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(new Date());
}

export function ExportPanel({ store }: { store: RetentionStore }) {
  const busy = useStore(store, (s) => s.busy);
  const today = berlinToday();
  const [from, setFrom] = useState(() => `${today.slice(0, 8)}01`);
  const [to, setTo] = useState(today);
  const [last, setLast] = useState<ExportFile | null>(null);
  const run = async (document: ExportInput['document']) => {
    const file = await store.getState().exportFile(document === 'concept_pdf' ? { document } : { document, from, to });
    if (!file) return;
    setLast(file);
    download(file);
  };
  return (
    <section aria-labelledby="export-heading">
      <h3 id="export-heading">Nachweise exportieren</h3>
      <div className="export-range">
        <label>
          Von
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          Bis
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <button type="button" disabled={busy} onClick={() => void run('protocol_csv')}>
          Löschprotokoll (CSV)
        </button>
        <button type="button" disabled={busy} onClick={() => void run('protocol_pdf')}>
          Löschprotokoll (PDF)
        </button>
        <button type="button" disabled={busy} onClick={() => void run('concept_pdf')}>
          Löschkonzept (PDF)
        </button>
      </div>
      {last && (
        <p role="status" data-testid="export-done">
          {last.fileName} gespeichert ({last.rows} Zeilen), auch unter {last.path}.
        </p>
      )}
    </section>
  );
}
