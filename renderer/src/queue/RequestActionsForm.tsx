// The buttons of the detail panel: claim, record a call attempt, forward, close with an outcome
// (contact requests optionally with retention), release; plus the suggested close.
import { useState, type KeyboardEvent } from 'react';
import type { Department, Disposition, Outcome } from '../../../shared/domain';
import type { RequestDetail } from '../../../shared/views';
import { DEPARTMENT_LABELS, DISPOSITION_LABELS, labelOptions, OUTCOME_LABELS } from '../format/labels';
import { useQueue } from '../store/StoresContext';
import type { CloseSuggestion, RequestActions } from './request-actions';
import { RetentionFields, useRetention } from './RetentionFields';

const OUTCOME_OPTIONS = labelOptions(OUTCOME_LABELS);
const DISPOSITION_OPTIONS = labelOptions(DISPOSITION_LABELS);
const DEPARTMENT_OPTIONS = labelOptions(DEPARTMENT_LABELS);

/** After "a" or "x" put focus on the select, Enter there records the attempt or closes. */
const onEnter = (run: () => unknown) => (event: KeyboardEvent<HTMLSelectElement>) => {
  if (event.key !== 'Enter') return;
  event.preventDefault();
  run();
};

interface Props {
  actions: RequestActions;
  detail?: RequestDetail;
  suggestion?: CloseSuggestion | null;
}

export function RequestActionsForm({ actions, detail, suggestion = null }: Props) {
  const pending = useQueue((s) => s.pendingAction);
  const claim = useQueue((s) => s.claim);
  const release = useQueue((s) => s.release);
  const recordAttempt = useQueue((s) => s.recordAttempt);
  const forward = useQueue((s) => s.forward);
  const close = useQueue((s) => s.close);
  const [outcome, setOutcome] = useState<Outcome>(suggestion?.outcome ?? 'resolved');
  const [disposition, setDisposition] = useState<Disposition>('no_answer');
  const [department, setDepartment] = useState<Department>('billing');
  const retention = useRetention();
  const busy = pending !== null;
  const retry = detail?.retry;
  const attemptBlocked = retry ? !retry.allowed : false;
  const mayRetain = detail ? detail.row.kind !== 'callback' : false;

  if (!actions.claim && !actions.release && !actions.attempt && !actions.close && !actions.forward) return null;

  const submitClose = () => {
    if (mayRetain && retention.enabled) {
      const checked = retention.validate();
      if (!checked) return;
      void close(outcome, checked);
      return;
    }
    void close(outcome);
  };

  return (
    <section aria-labelledby="actions-heading" className="actions" aria-busy={busy}>
      <h3 id="actions-heading">Bearbeitung</h3>
      {actions.claim && (
        <button type="button" className="button-primary" disabled={busy} onClick={() => void claim()} aria-keyshortcuts="c">
          Übernehmen
        </button>
      )}
      {suggestion && (
        <div className="banner banner-info suggestion" data-testid="close-suggestion">
          <span>{suggestion.why}</span>
          <button type="button" className="button-primary" disabled={busy} onClick={() => void close(suggestion.outcome)}>
            Als „{OUTCOME_LABELS[suggestion.outcome]}“ abschließen
          </button>
        </div>
      )}
      {actions.attempt && (
        <div className="action-row">
          <label htmlFor="attempt-disposition">Anrufversuch</label>
          <select
            id="attempt-disposition"
            value={disposition}
            onChange={(e) => setDisposition(e.target.value as Disposition)}
            aria-keyshortcuts="a"
            onKeyDown={onEnter(() => !busy && !attemptBlocked && void recordAttempt(disposition))}
          >
            {DISPOSITION_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button-secondary"
            disabled={busy || attemptBlocked}
            aria-describedby={attemptBlocked ? 'retry-reason' : undefined}
            onClick={() => void recordAttempt(disposition)}
          >
            Versuch erfassen
          </button>
          {retry && (
            <p className="hint" id="retry-reason">
              {retry.allowed ? `Noch ${retry.attemptsLeft} Versuch(e) erlaubt.` : retry.reason}
            </p>
          )}
        </div>
      )}
      {actions.forward && (
        <div className="action-row">
          <label htmlFor="forward-department">Fachabteilung</label>
          <select id="forward-department" value={department} onChange={(e) => setDepartment(e.target.value as Department)}>
            {DEPARTMENT_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
          <button type="button" className="button-secondary" disabled={busy} onClick={() => void forward(department)}>
            Weiterleiten
          </button>
        </div>
      )}
      {actions.close && (
        <div className="action-row">
          <label htmlFor="close-outcome">Abschlussergebnis</label>
          <select
            id="close-outcome"
            value={outcome}
            onChange={(e) => setOutcome(e.target.value as Outcome)}
            aria-keyshortcuts="x"
            onKeyDown={onEnter(() => !busy && submitClose())}
          >
            {OUTCOME_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
          <button type="button" className="button-primary" disabled={busy} onClick={submitClose}>
            Abschließen
          </button>
          {mayRetain && <RetentionFields state={retention} />}
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
