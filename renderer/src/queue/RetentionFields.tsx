// Closing a contact request with retention: reason, until (within DESIGN.md's limits, typed as
// TT.MM.JJJJ) and a required note, each with its error next to it. Without the box ticked the
// case closes and its personal data is purged.
import { useState } from 'react';
import { RETENTION_REASONS, type RetentionReason } from '../../../shared/domain';
import { RETENTION_REASON_LABELS } from '../format/labels';
import type { Retention } from '../services/desk';
import { DateField } from '../ui/DateField';
import { Field } from '../ui/Field';
import { berlinToday, latestRetentionDate, RETENTION_NOTE_MAX, retentionProblems, type RetentionProblems } from './retention-limits';

export function useRetention() {
  const [enabled, setEnabled] = useState(false);
  const [reason, setReason] = useState<RetentionReason>('proof');
  const [until, setUntil] = useState('');
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<RetentionProblems>({});
  return {
    enabled,
    setEnabled,
    reason,
    setReason,
    until,
    setUntil,
    note,
    setNote,
    problems,
    validate(): Retention | null {
      const found = retentionProblems({ reason, until, note }, berlinToday(new Date()));
      setProblems(found);
      return found.until || found.note ? null : { reason, until, note: note.trim() };
    },
  };
}

type RetentionState = ReturnType<typeof useRetention>;

export function RetentionFields({ state, idPrefix = 'retention' }: { state: RetentionState; idPrefix?: string }) {
  const today = berlinToday(new Date());
  const latest = latestRetentionDate(state.reason, today).split('-').reverse().join('.');
  return (
    <fieldset className="retention">
      <legend className="visually-hidden">Aufbewahrung</legend>
      <label className="checkbox">
        <input type="checkbox" checked={state.enabled} onChange={(e) => state.setEnabled(e.target.checked)} />
        Daten nach Abschluss aufbewahren
      </label>
      {state.enabled && (
        <>
          <Field id={`${idPrefix}-reason`} label="Aufbewahrungsgrund">
            <select value={state.reason} onChange={(e) => state.setReason(e.target.value as RetentionReason)}>
              {RETENTION_REASONS.map((reason) => (
                <option key={reason} value={reason}>
                  {RETENTION_REASON_LABELS[reason]}
                </option>
              ))}
            </select>
          </Field>
          <DateField
            id={`${idPrefix}-until`}
            label="Aufbewahren bis"
            value={state.until}
            onChange={state.setUntil}
            hint={`TT.MM.JJJJ, spätestens ${latest}`}
            error={state.problems.until}
          />
          <Field
            id={`${idPrefix}-note`}
            label="Begründung (Pflicht)"
            hint={`${state.note.length} von höchstens ${RETENTION_NOTE_MAX} Zeichen`}
            error={state.problems.note}
          >
            <textarea value={state.note} onChange={(e) => state.setNote(e.target.value)} rows={3} required />
          </Field>
        </>
      )}
    </fieldset>
  );
}
