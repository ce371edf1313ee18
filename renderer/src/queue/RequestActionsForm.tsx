// The buttons of the detail panel: claim, record a call attempt, forward, close with an outcome
// (contact requests optionally with retention), release; plus the suggested close.
import { useState, type KeyboardEvent } from 'react';
import { useStore } from 'zustand';
import type { Department, Disposition, Outcome } from '../../../shared/domain';
import type { RequestDetail } from '../../../shared/views';
import { DEPARTMENT_LABELS, DISPOSITION_LABELS, KIND_LABELS, labelOptions, OUTCOME_LABELS } from '../format/labels';
import { plural } from '../format/plural';
import { useDesk, useQueue } from '../store/StoresContext';
import { closeOutcomes, type CloseSuggestion, type RequestActions } from './request-actions';
import { RescheduleForm } from './RescheduleForm';
import { RetentionFields, useRetention } from './RetentionFields';

// A rescheduled attempt has its own form (date and window), not a line in the select.
const DISPOSITION_OPTIONS = labelOptions(DISPOSITION_LABELS).filter((o) => o.value !== 'rescheduled');
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
  const { stores } = useDesk();
  const pendingClose = useStore(stores.pendingClose, (s) => s.pending);
  // Null: follow the suggestion (after "Keine Antwort" … "x" then Enter closes as suggested).
  const [chosenOutcome, setOutcome] = useState<Outcome | null>(null);
  const [disposition, setDisposition] = useState<Disposition>('no_answer');
  const [department, setDepartment] = useState<Department>('billing');
  const retention = useRetention();
  const kind = detail?.row.kind ?? 'callback';
  const outcomes = closeOutcomes(kind, detail?.row.topic);
  const outcome: Outcome = chosenOutcome ?? suggestion?.outcome ?? outcomes[0]!;
  const closing = detail !== undefined && pendingClose?.requestId === detail.row.id;
  const busy = pending !== null || closing;
  const retry = detail?.retry;
  const attemptBlocked = retry ? !retry.allowed : false;
  const mayRetain = detail ? detail.row.kind !== 'callback' : false;

  if (!actions.claim && !actions.release && !actions.attempt && !actions.close && !actions.forward) return null;

  /** Closing purges the personal data: it waits a few seconds with an undo before it is sent. */
  const scheduleClose = (chosen: Outcome) => {
    if (!detail) return;
    const id = detail.row.id;
    let kept = null;
    if (mayRetain && retention.enabled) {
      kept = retention.validate();
      if (!kept) return;
    }
    const what = `${KIND_LABELS[detail.row.kind]} wird als „${OUTCOME_LABELS[chosen]}“ abgeschlossen${kept ? '' : ', die personenbezogenen Daten werden gelöscht'}.`;
    stores.pendingClose.getState().schedule(id, what, () => close(chosen, kept, id));
  };
  const submitClose = () => scheduleClose(outcome);

  return (
    <section aria-labelledby="actions-heading" className="actions" aria-busy={busy}>
      <h3 id="actions-heading">Bearbeitung</h3>
      {closing && (
        <p className="banner banner-info" data-testid="close-pending">
          Wird abgeschlossen … Unten lässt sich der Abschluss noch rückgängig machen.
        </p>
      )}
      {actions.claim && (
        <button type="button" className="button-primary" disabled={busy} onClick={() => void claim()} aria-keyshortcuts="c">
          Übernehmen
        </button>
      )}
      {suggestion && (
        <div className="banner banner-info suggestion" data-testid="close-suggestion">
          <span>{suggestion.why}</span>
          <button type="button" className="button-primary" disabled={busy} onClick={() => scheduleClose(suggestion.outcome)}>
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
          <RescheduleForm disabled={busy || attemptBlocked} onSave={(slot) => recordAttempt('rescheduled', slot)} />
          {retry && (
            <p className="hint" id="retry-reason">
              {retry.allowed ? `Noch ${plural(retry.attemptsLeft, 'Versuch', 'Versuche')} erlaubt.` : retry.reason}
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
            {outcomes.map((o) => (
              <option key={o} value={o}>
                {OUTCOME_LABELS[o]}
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
