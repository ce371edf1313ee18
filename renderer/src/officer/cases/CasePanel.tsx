// One confidential case: claim it, read the message (as text: React never interprets it as
// HTML), keep internal notes, and close it with a retention decision.
import { useState } from 'react';
import { useStore } from 'zustand';
import { OUTCOMES, type Outcome } from '../../../../shared/domain';
import { formatDateTime } from '../../format/datetime';
import { KIND_LABELS, OUTCOME_LABELS, STATUS_LABELS } from '../../format/labels';
import { PersonalDataSection } from '../../queue/PersonalDataSection';
import { RetentionFields, useRetention } from '../../queue/RetentionFields';
import type { OfficerCasesStore } from '../../store/officer/officer-cases-store';

export function CasePanel({ store }: { store: OfficerCasesStore }) {
  const { open, busy, error, claim, addNote, close } = useStore(store);
  const [note, setNote] = useState('');
  const [outcome, setOutcome] = useState<Outcome>('resolved');
  const retention = useRetention();
  if (!open) {
    return (
      <aside className="panel" aria-label="Fall">
        <p>Einen Fall auswählen.</p>
        {error && <p role="alert">{error}</p>}
      </aside>
    );
  }
  const { row, personal } = open.detail;
  const mine = row.status === 'claimed' && row.owner?.mine === true;
  const submitClose = () => {
    const kept = retention.enabled ? retention.validate() : null;
    if (retention.enabled && !kept) return;
    void close(outcome, kept);
  };
  return (
    <aside className="panel" aria-labelledby="case-heading" data-testid="officer-case">
      <h2 id="case-heading">{KIND_LABELS[row.kind]}</h2>
      <p>
        Eingang {formatDateTime(row.receivedAt)} · {STATUS_LABELS[row.status]}
      </p>
      {error && <p role="alert">{error}</p>}
      {row.status === 'open' && (
        <button type="button" disabled={busy} onClick={() => void claim()}>
          Übernehmen
        </button>
      )}
      {personal && <PersonalDataSection personal={personal} />}
      {personal && (
        <section aria-labelledby="notes-heading" data-testid="case-notes">
          <h3 id="notes-heading">Interne Notizen</h3>
          <ul className="notes">
            {open.notes.map((n) => (
              <li key={n.id}>
                <span className="text-block">{n.text}</span>
                <small>
                  {n.author}, {formatDateTime(n.createdAt)}
                </small>
              </li>
            ))}
          </ul>
          {mine && (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void addNote(note).then((ok) => ok && setNote(''));
              }}
            >
              <label htmlFor="case-note">Neue Notiz</label>
              <textarea id="case-note" value={note} maxLength={5000} onChange={(e) => setNote(e.target.value)} />
              <button type="submit" disabled={busy || note.trim() === ''}>
                Notiz speichern
              </button>
            </form>
          )}
        </section>
      )}
      {mine && (
        <section aria-labelledby="close-heading">
          <h3 id="close-heading">Abschließen</h3>
          <label htmlFor="case-outcome">Abschlussergebnis</label>
          <select id="case-outcome" value={outcome} onChange={(e) => setOutcome(e.target.value as Outcome)}>
            {OUTCOMES.filter((o) => o !== 'expired').map((o) => (
              <option key={o} value={o}>
                {OUTCOME_LABELS[o]}
              </option>
            ))}
          </select>
          <RetentionFields state={retention} />
          <button type="button" disabled={busy} onClick={submitClose}>
            Abschließen
          </button>
          <p className="hint">Ohne Aufbewahrung werden Kontaktdaten, Nachricht und Notizen beim Abschluss gelöscht.</p>
        </section>
      )}
    </aside>
  );
}
