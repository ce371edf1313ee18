// One confidential case: claim it, read the message (as text: React never interprets it as
// HTML), keep internal notes, hand it back, and close it with a retention decision (the close
// waits a few seconds with an undo before the data is purged).
import { useState } from 'react';
import { useStore } from 'zustand';
import type { Outcome } from '../../../../shared/domain';
import { formatDateTime, formatLocalDate } from '../../format/datetime';
import { KIND_LABELS, OUTCOME_LABELS, RETENTION_REASON_LABELS, STATUS_LABELS } from '../../format/labels';
import { PersonalDataSection } from '../../queue/PersonalDataSection';
import { RetainedCaseViewer } from '../../queue/RetainedCaseViewer';
import { closeOutcomes } from '../../queue/request-actions';
import { RetentionFields, useRetention } from '../../queue/RetentionFields';
import { useDesk } from '../../store/StoresContext';
import type { OfficerCasesStore } from '../../store/officer/officer-cases-store';
import { Field } from '../../ui/Field';
import { ErrorBanner } from '../../ui/StateMessage';
import { CaseNotes } from './CaseNotes';
import { SubjectRequestSection } from './subject/SubjectRequestSection';

export function CasePanel({ store }: { store: OfficerCasesStore }) {
  const { open, rows, busy, error, claim, addNote, editNote, close, release } = useStore(store);
  const { stores } = useDesk();
  const pendingClose = useStore(stores.pendingClose, (s) => s.pending);
  const [outcome, setOutcome] = useState<Outcome>('resolved');
  const retention = useRetention();
  if (!open) {
    return (
      <aside className="panel detail" aria-label="Fall">
        <p className="placeholder">Einen Fall in der Liste wählen (Maus, ↑/↓ oder Enter), um ihn zu öffnen.</p>
        {error && <ErrorBanner>{error}</ErrorBanner>}
      </aside>
    );
  }
  const { row, personal } = open.detail;
  const mine = row.status === 'claimed' && row.owner?.mine === true;
  const closing = pendingClose?.requestId === row.id;
  const submitClose = () => {
    const kept = retention.enabled ? retention.validate() : null;
    if (retention.enabled && !kept) return;
    void close(outcome, kept);
  };
  return (
    <aside className="panel detail" aria-labelledby="case-heading" data-testid="officer-case">
      <h2 id="case-heading" tabIndex={-1}>
        {KIND_LABELS[row.kind]}
      </h2>
      <dl className="facts">
        <dt>Status</dt>
        <dd>
          <span className={`badge badge-${row.status}`}>{STATUS_LABELS[row.status]}</span>
        </dd>
        <dt>Eingang</dt>
        <dd>{formatDateTime(row.receivedAt)}</dd>
        {row.closedAt && (
          <>
            <dt>Abgeschlossen</dt>
            <dd>
              {formatDateTime(row.closedAt)}
              {row.outcome && ` (${OUTCOME_LABELS[row.outcome]})`}
            </dd>
          </>
        )}
        {open.detail.retention && (
          <>
            <dt>Aufbewahrt</dt>
            <dd data-testid="case-retention">
              {RETENTION_REASON_LABELS[open.detail.retention.reason]}, bis {formatLocalDate(open.detail.retention.until)}
              {open.detail.retention.note && <span className="text-block">{`\n${open.detail.retention.note}`}</span>}
            </dd>
          </>
        )}
      </dl>
      {row.status === 'closed' && open.detail.retention && <RetainedCaseViewer requestId={row.id} />}
      {error && <ErrorBanner>{error}</ErrorBanner>}
      {row.restricted && (
        <p className="banner banner-info" data-testid="case-restricted">
          Eingeschränkt (Art. 18 DSGVO): Der Vorgang wird nur gespeichert und kann nicht übernommen werden, bis die Einschränkung aufgehoben ist.
        </p>
      )}
      {row.status === 'open' && !row.restricted && (
        <button type="button" className="button-primary" disabled={busy} onClick={() => void claim()}>
          Übernehmen
        </button>
      )}
      {personal && <PersonalDataSection personal={personal} />}
      <SubjectRequestSection key={row.id} row={rows.find((r) => r.id === row.id) ?? null} held={mine && personal !== null} />
      {personal && <CaseNotes notes={open.notes} editable={mine && !closing} busy={busy} onAdd={addNote} onEdit={editNote} />}
      {mine && (
        <section aria-labelledby="close-heading" className="actions">
          <h3 id="close-heading">Abschließen</h3>
          {closing && <p className="banner banner-info">Wird abgeschlossen … Unten lässt sich der Abschluss noch rückgängig machen.</p>}
          <Field id="case-outcome" label="Abschlussergebnis">
            <select value={outcome} onChange={(e) => setOutcome(e.target.value as Outcome)}>
              {closeOutcomes(row.kind).map((o) => (
                <option key={o} value={o}>
                  {OUTCOME_LABELS[o]}
                </option>
              ))}
            </select>
          </Field>
          <RetentionFields state={retention} idPrefix="case-retention" />
          <div className="form-actions">
            <button type="button" className="button-primary" disabled={busy || closing} onClick={submitClose}>
              Abschließen
            </button>
            <button type="button" className="button-secondary" disabled={busy || closing} onClick={() => void release()}>
              Freigeben
            </button>
          </div>
          <p className="hint">Ohne Aufbewahrung werden Kontaktdaten, Nachricht und Notizen beim Abschluss gelöscht. Freigeben gibt den Fall zurück in die Liste und löscht die Daten hier.</p>
        </section>
      )}
    </aside>
  );
}
