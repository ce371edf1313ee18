// Closing a contact request with retention: reason, until (within DESIGN.md's limits) and a
// required note. Without the box ticked the case closes and its personal data is purged.
import { useState } from 'react';
import { RETENTION_REASONS, type RetentionReason } from '../../../shared/domain';
import { RETENTION_REASON_LABELS } from '../format/labels';
import type { Retention } from '../services/desk';
import { berlinToday, latestRetentionDate, retentionProblem } from './retention-limits';

export function useRetention() {
  const [enabled, setEnabled] = useState(false);
  const [reason, setReason] = useState<RetentionReason>('proof');
  const [until, setUntil] = useState('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  return {
    enabled,
    setEnabled,
    reason,
    setReason,
    until,
    setUntil,
    note,
    setNote,
    problem,
    validate(): Retention | null {
      const input = { reason, until, note };
      const found = retentionProblem(input, berlinToday(new Date()));
      setProblem(found);
      return found ? null : { reason, until, note: note.trim() };
    },
  };
}

type RetentionState = ReturnType<typeof useRetention>;

export function RetentionFields({ state }: { state: RetentionState }) {
  const today = berlinToday(new Date());
  return (
    <fieldset className="retention">
      <legend className="visually-hidden">Aufbewahrung</legend>
      <label className="checkbox">
        <input type="checkbox" checked={state.enabled} onChange={(e) => state.setEnabled(e.target.checked)} />
        Daten nach Abschluss aufbewahren
      </label>
      {state.enabled && (
        <>
          <label htmlFor="retention-reason">Aufbewahrungsgrund</label>
          <select id="retention-reason" value={state.reason} onChange={(e) => state.setReason(e.target.value as RetentionReason)}>
            {RETENTION_REASONS.map((reason) => (
              <option key={reason} value={reason}>
                {RETENTION_REASON_LABELS[reason]}
              </option>
            ))}
          </select>
          <label htmlFor="retention-until">Aufbewahren bis</label>
          <input
            id="retention-until"
            type="date"
            value={state.until}
            min={today}
            max={latestRetentionDate(state.reason, today)}
            onChange={(e) => state.setUntil(e.target.value)}
            aria-describedby="retention-limit"
          />
          <p className="hint" id="retention-limit">
            Spätestens {latestRetentionDate(state.reason, today).split('-').reverse().join('.')}.
          </p>
          <label htmlFor="retention-note">Begründung (Pflicht)</label>
          <textarea id="retention-note" value={state.note} onChange={(e) => state.setNote(e.target.value)} rows={3} maxLength={2000} required />
          {state.problem && (
            <p className="banner banner-error" role="alert" data-testid="retention-problem">
              {state.problem}
            </p>
          )}
        </>
      )}
    </fieldset>
  );
}
