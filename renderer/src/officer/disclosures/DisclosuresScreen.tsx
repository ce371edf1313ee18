// The disclosure register: what was disclosed, when, to whom, approved by whom. It shows no SMS
// values; the opened package shows its records to the officer and the deciding supervisor.
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { formatDateTime } from '../../format/datetime';
import type { SmsDeskStore } from '../../store/officer/sms-desk-store';
import { DisclosurePanel } from './DisclosurePanel';
import { DISCLOSURE_STATUS_LABELS } from './disclosure-labels';

export function DisclosuresScreen({ store }: { store: SmsDeskStore }) {
  const { register, detail, loadRegister, openDisclosure } = useStore(store);
  useEffect(() => {
    void loadRegister();
  }, [loadRegister]);
  return (
    <main className="officer-page" aria-labelledby="register-heading">
      <h2 id="register-heading">Offenlegungen an Behörden</h2>
      {register.length === 0 ? (
        <p>Noch keine Offenlegungen.</p>
      ) : (
        <table className="officer-table" data-testid="disclosure-register">
          <thead>
            <tr>
              <th scope="col">Fall</th>
              <th scope="col">Behörde / Aktenzeichen</th>
              <th scope="col">Rechtsgrundlage</th>
              <th scope="col">Datensätze</th>
              <th scope="col">Beantragt</th>
              <th scope="col">Status</th>
              <th scope="col">Entschieden</th>
              <th scope="col">Exportiert</th>
            </tr>
          </thead>
          <tbody>
            {register.map((d) => (
              <tr key={d.id} data-testid={`disclosure-${d.id}`} data-status={d.status} aria-selected={detail?.entry.id === d.id}>
                <td>
                  <button type="button" className="button-link" onClick={() => void openDisclosure(d.id)}>
                    {d.caseRef}
                  </button>
                </td>
                <td>
                  {d.authority} · {d.authorityRef}
                </td>
                <td>{d.legalBasis}</td>
                <td>{d.records}</td>
                <td>
                  {d.requestedBy}, {formatDateTime(d.requestedAt)}
                </td>
                <td>{DISCLOSURE_STATUS_LABELS[d.status]}</td>
                <td>{d.decidedBy ? `${d.decidedBy}, ${formatDateTime(d.decidedAt)}` : '–'}</td>
                <td>{formatDateTime(d.exportedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {detail && <DisclosurePanel store={store} />}
    </main>
  );
}
