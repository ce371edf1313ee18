// Everything kept past its normal purge: who set it, why, until when. SMS legal holds wait
// for a supervisor's confirmation or rejection (not the officer who asked; the backend checks),
// decided here on her own workstation with the officer's justification in view (issue 16).
import { useStore } from 'zustand';
import type { HoldView } from '../../../shared/retention';
import { formatLocalDate } from '../format/datetime';
import type { RetentionStore } from '../store/retention/retention-store';
import { HoldRejectForm } from './HoldRejectForm';
import { HOLD_REASON_LABELS, kindLabel } from './retention-labels';

export function HoldsPanel({ store, holds }: { store: RetentionStore; holds: HoldView[] }) {
  const busy = useStore(store, (s) => s.busy);
  return (
    <section aria-labelledby="holds-heading">
      <h3 id="holds-heading">Aufbewahrungen und Sicherungen</h3>
      {holds.length === 0 ? (
        <p>Keine.</p>
      ) : (
        <table className="desk-table retention-table" data-testid="holds-table">
          <thead>
            <tr>
              <th scope="col">Art</th>
              <th scope="col">Grund</th>
              <th scope="col">Begründung</th>
              <th scope="col">Aktenzeichen</th>
              <th scope="col">Bis</th>
              <th scope="col">Gesetzt von</th>
              <th scope="col">Bestätigt von</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {holds.map((h) => (
              <tr key={h.id}>
                <td>{kindLabel(h.kind)}</td>
                <td>{HOLD_REASON_LABELS[h.reason]}</td>
                <td data-testid="hold-note">{h.note ?? '–'}</td>
                <td>{h.caseRef ?? '–'}</td>
                <td>{formatLocalDate(h.until)}</td>
                <td>{h.setBy ?? '–'}</td>
                <td>{h.confirmedBy ?? '–'}</td>
                <td>
                  {h.status === 'active' ? (
                    'wirksam'
                  ) : (
                    <>
                      <button type="button" disabled={busy} onClick={() => void store.getState().confirmHold(h.id)}>
                        Bestätigen
                      </button>
                      <HoldRejectForm store={store} holdId={h.id} busy={busy} />
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
