// The buttons of the detail panel: claim, record a call attempt, close with an outcome, release.
import { useState } from 'react';
import type { Disposition, Outcome } from '../../../shared/domain';
import { DISPOSITION_LABELS, labelOptions, OUTCOME_LABELS } from '../format/labels';
import { useQueue } from '../store/StoresContext';
import type { RequestActions } from './request-actions';

const OUTCOME_OPTIONS = labelOptions(OUTCOME_LABELS);
const DISPOSITION_OPTIONS = labelOptions(DISPOSITION_LABELS);

export function RequestActionsForm({ actions }: { actions: RequestActions }) {
  const pending = useQueue((s) => s.pendingAction);
  const claim = useQueue((s) => s.claim);
  const release = useQueue((s) => s.release);
  const recordAttempt = useQueue((s) => s.recordAttempt);
  const close = useQueue((s) => s.close);
  const [outcome, setOutcome] = useState<Outcome>('resolved');
  const [disposition, setDisposition] = useState<Disposition>('reached');
  const busy = pending !== null;

  if (!actions.claim && !actions.release && !actions.attempt && !actions.close) return null;

  return (
    <section aria-labelledby="actions-heading" className="actions" aria-busy={busy}>
      <h3 id="actions-heading">Bearbeitung</h3>
      {actions.claim && (
        <button type="button" className="button-primary" disabled={busy} onClick={() => void claim()}>
          Übernehmen
        </button>
      )}
      {actions.attempt && (
        <div className="action-row">
          <label htmlFor="attempt-disposition">Anrufversuch</label>
          <select id="attempt-disposition" value={disposition} onChange={(e) => setDisposition(e.target.value as Disposition)}>
            {DISPOSITION_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
          <button type="button" className="button-secondary" disabled={busy} onClick={() => void recordAttempt(disposition)}>
            Versuch erfassen
          </button>
        </div>
      )}
      {actions.close && (
        <div className="action-row">
          <label htmlFor="close-outcome">Abschlussergebnis</label>
          <select id="close-outcome" value={outcome} onChange={(e) => setOutcome(e.target.value as Outcome)}>
            {OUTCOME_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
          <button type="button" className="button-primary" disabled={busy} onClick={() => void close(outcome)}>
            Abschließen
          </button>
        </div>
      )}
      {actions.release && (
        <button type="button" className="button-secondary" disabled={busy} onClick={() => void release()}>
          Freigeben
        </button>
      )}
    </section>
  );
}
