// Retentions over one year wait for a supervisor (issue 16, item 3): until she decides, the backend
// keeps such a case for one year only. She confirms the date asked for or sets an earlier one;
// the person who closed the case cannot decide on it (four eyes, enforced by the backend).
import { useCallback, useState } from 'react';
import type { PendingRetention } from '../../../shared/retained';
import { formatDateTime, formatLocalDate } from '../format/datetime';
import { KIND_LABELS, RETENTION_REASON_LABELS } from '../format/labels';
import { toDeskFailure } from '../services/desk-error';
import { useDesk } from '../store/StoresContext';
import { DateField } from '../ui/DateField';
import { ErrorBanner, Loading } from '../ui/StateMessage';
import { useBackendList } from './use-backend-list';

export function LongRetentionsPanel() {
  const { service, stores } = useDesk();
  const { rows, error, reload: load } = useBackendList(useCallback(() => service.workstations.longRetentions(), [service]));
  const [shortening, setShortening] = useState<string | null>(null);
  const [until, setUntil] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const decide = async (row: PendingRetention, date: string) => {
    setBusy(true);
    setProblem(null);
    try {
      const result = await service.workstations.decideLongRetention(row.requestId, date);
      stores.notice.getState().announce(`Aufbewahrung von ${row.reference} gilt bis ${formatLocalDate(result.retainedUntil)}.`, 'success');
      setShortening(null);
      await load();
    } catch (e) {
      setProblem(toDeskFailure(e).message);
    } finally {
      setBusy(false);
    }
  };

  // Nothing waiting: the section stays out of the way.
  if (rows !== null && rows.length === 0 && !error) return null;
  return (
    <section aria-labelledby="long-retentions-heading" data-testid="long-retentions">
      <h3 id="long-retentions-heading">Aufbewahrung über ein Jahr: Entscheidung der Leitung</h3>
      {error && <ErrorBanner>{error}</ErrorBanner>}
      {rows === null && !error && <Loading>Wird geladen …</Loading>}
      {rows && rows.length > 0 && (
        <>
          <p className="hint">Bis zur Entscheidung gilt ein Jahr ab Abschluss. Wer den Fall abgeschlossen hat, entscheidet nicht selbst.</p>
          <table className="retention-table">
            <thead>
              <tr>
                <th scope="col">Vorgang</th>
                <th scope="col">Grund</th>
                <th scope="col">Abgeschlossen</th>
                <th scope="col">Beantragt bis</th>
                <th scope="col">Gilt bis jetzt</th>
                <th scope="col">Aktion</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.requestId} data-testid={`long-retention-${row.requestId}`}>
                  <td>
                    {KIND_LABELS[row.kind]} {row.reference}
                  </td>
                  <td>{RETENTION_REASON_LABELS[row.reason]}</td>
                  <td>{formatDateTime(row.closedAt)}</td>
                  <td>{formatLocalDate(row.requestedUntil)}</td>
                  <td>{formatLocalDate(row.countsUntil)}</td>
                  <td>
                    <button type="button" className="button-primary" disabled={busy} onClick={() => void decide(row, row.requestedUntil)}>
                      Bestätigen
                    </button>{' '}
                    <button
                      type="button"
                      className="button-secondary"
                      disabled={busy}
                      onClick={() => {
                        setShortening(row.requestId);
                        setUntil(row.countsUntil);
                        setProblem(null);
                      }}
                    >
                      Kürzen …
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {problem && !shortening && <ErrorBanner>{problem}</ErrorBanner>}
          {shortening && (
            <form
              className="retire-form"
              data-testid="shorten-retention"
              onSubmit={(e) => {
                e.preventDefault();
                const row = rows.find((r) => r.requestId === shortening);
                if (!row) return;
                if (!until) return setProblem('Bitte ein Datum angeben (TT.MM.JJJJ).');
                void decide(row, until);
              }}
              onKeyDown={(e) => {
                if (e.key === 'Escape') setShortening(null);
              }}
            >
              <DateField id="shorten-until" label="Aufbewahren bis" value={until} onChange={setUntil} error={problem} required />
              <div className="form-actions">
                <button type="submit" className="button-primary" disabled={busy}>
                  Datum festlegen
                </button>
                <button type="button" className="button-secondary" disabled={busy} onClick={() => setShortening(null)}>
                  Abbrechen
                </button>
              </div>
            </form>
          )}
        </>
      )}
    </section>
  );
}
