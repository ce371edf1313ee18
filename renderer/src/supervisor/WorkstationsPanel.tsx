// The service center's workstations as the backend knows them (issue 16, item 5): when each was
// last in contact, the cases it holds and the deletion proofs it still owes. A workstation that
// will not come back (lost, reinstalled) is retired here, with a reason: it can no longer log in,
// and what it owed is recorded as "stillgelegt" instead of staying overdue forever.
import { useCallback, useState } from 'react';
import type { WorkstationRow } from '../../../shared/channels/workstation-channels';
import { formatDateTime } from '../format/datetime';
import { plural } from '../format/plural';
import { toDeskFailure } from '../services/desk-error';
import { useDesk } from '../store/StoresContext';
import { Empty, ErrorBanner, Loading } from '../ui/StateMessage';
import { Field } from '../ui/Field';
import { useBackendList } from './use-backend-list';

const REASON_MIN = 5;
const REASON_MAX = 500;
const short = (id: string) => id.slice(0, 8);

export function WorkstationsPanel() {
  const { service, stores } = useDesk();
  const { rows, error, reload: load } = useBackendList(useCallback(() => service.workstations.list(), [service]));
  const [retiring, setRetiring] = useState<WorkstationRow | null>(null);

  return (
    <section aria-labelledby="workstations-heading" data-testid="workstations">
      <h3 id="workstations-heading">Arbeitsplätze</h3>
      {error && (
        <ErrorBanner
          action={
            <button type="button" className="button-secondary" onClick={() => void load()}>
              Erneut versuchen
            </button>
          }
        >
          {error}
        </ErrorBanner>
      )}
      {rows === null && !error && <Loading>Arbeitsplätze werden geladen …</Loading>}
      {rows?.length === 0 && <Empty>Noch kein Arbeitsplatz hat sich angemeldet.</Empty>}
      {rows && rows.length > 0 && (
        <table className="retention-table" aria-describedby="workstations-hint">
          <thead>
            <tr>
              <th scope="col">Arbeitsplatz</th>
              <th scope="col">Zuletzt in Verbindung</th>
              <th scope="col">Hält Fälle</th>
              <th scope="col">Fehlende Löschnachweise</th>
              <th scope="col">Letzter Löschtest</th>
              <th scope="col">Status</th>
              <th scope="col">Aktion</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((w) => (
              <tr key={w.id} data-testid={`workstation-${w.id}`} data-retired={w.retired ? 'true' : 'false'}>
                <td className="mono" title={w.id}>
                  {short(w.id)}
                  {w.thisOne && ' (dieser)'}
                </td>
                <td>{w.lastSeenAt ? formatDateTime(w.lastSeenAt) : 'noch nie synchronisiert'}</td>
                <td>{w.holding}</td>
                <td className={w.missingReceipts > 0 && !w.retired ? 'cell-warning' : undefined}>{w.missingReceipts}</td>
                <td data-testid="last-self-test" className={w.lastSelfTest && !w.lastSelfTest.passed ? 'cell-warning' : undefined}>
                  {!w.lastSelfTest
                    ? 'noch keiner'
                    : w.lastSelfTest.passed
                      ? `bestanden, ${formatDateTime(w.lastSelfTest.at)}`
                      : `${plural(w.lastSelfTest.findings, 'Spur', 'Spuren')} gefunden, ${formatDateTime(w.lastSelfTest.at)}`}
                </td>
                <td>
                  {w.retired ? (
                    <>
                      Stillgelegt am {formatDateTime(w.retired.at)} von {w.retired.by.displayName}
                      <span className="text-block muted">{w.retired.reason}</span>
                    </>
                  ) : (
                    'aktiv'
                  )}
                </td>
                <td>
                  {!w.retired && !w.thisOne && (
                    <button type="button" className="button-secondary" onClick={() => setRetiring(w)} aria-label={`Arbeitsplatz ${short(w.id)} stilllegen`}>
                      Stilllegen …
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="hint" id="workstations-hint">
        „Fehlende Löschnachweise“: Vorgänge, deren Daten der Arbeitsplatz hatte und hätte löschen müssen, ohne dass seine Bestätigung vorliegt.
      </p>
      {retiring && (
        <RetireForm
          workstation={retiring}
          onCancel={() => setRetiring(null)}
          onRetire={async (reason) => {
            const result = await service.workstations.retire(retiring.id, reason);
            setRetiring(null);
            stores.notice
              .getState()
              .announce(
                `Arbeitsplatz ${short(retiring.id)} stillgelegt: ${plural(result.recordedAsRetired, 'fehlender Löschnachweis', 'fehlende Löschnachweise')} als „stillgelegt“ vermerkt, ${plural(result.released, 'Fall', 'Fälle')} an die Warteschlange zurückgegeben.`,
                'success',
              );
            await load();
          }}
        />
      )}
    </section>
  );
}

function RetireForm({ workstation, onRetire, onCancel }: { workstation: WorkstationRow; onRetire: (reason: string) => Promise<void>; onCancel: () => void }) {
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const text = reason.trim();
    if (text.length < REASON_MIN) return setProblem(`Bitte den Grund nennen (mindestens ${REASON_MIN} Zeichen).`);
    if (text.length > REASON_MAX) return setProblem(`Höchstens ${REASON_MAX} Zeichen (jetzt ${text.length}).`);
    setBusy(true);
    try {
      await onRetire(text);
    } catch (e) {
      setProblem(toDeskFailure(e).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="retire-form"
      aria-labelledby="retire-heading"
      data-testid="retire-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <h4 id="retire-heading">Arbeitsplatz {short(workstation.id)} stilllegen</h4>
      <p>
        Er kann sich danach nicht mehr anmelden, seine Sitzungen enden sofort, übernommene Fälle ({workstation.holding}) gehen an die Warteschlange zurück, und jeder
        Löschnachweis, den er noch schuldet, wird als „Arbeitsplatz stillgelegt (kein Löschnachweis)“ mit Ihrem Namen vermerkt. Das lässt sich nicht rückgängig machen.
      </p>
      <Field id="retire-reason" label="Grund (z. B. gestohlen, neu aufgesetzt)" error={problem}>
        <textarea value={reason} rows={2} maxLength={REASON_MAX + 50} autoFocus onChange={(e) => (setReason(e.target.value), setProblem(null))} />
      </Field>
      <div className="form-actions">
        <button type="submit" className="button-danger" disabled={busy} aria-busy={busy}>
          Endgültig stilllegen
        </button>
        <button type="button" className="button-secondary" disabled={busy} onClick={onCancel}>
          Abbrechen
        </button>
      </div>
    </form>
  );
}
