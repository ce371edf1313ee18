// The case's restrictions (Art. 18 GDPR) with their reasons; an active one is lifted with a reason,
// after which the record is processed again everywhere (the feed tells every workstation).
import { useState } from 'react';
import type { Restriction } from '../../../../../shared/subject-rights';
import { formatDateTime } from '../../../format/datetime';
import { toDeskFailure } from '../../../services/desk-error';
import { useDesk } from '../../../store/StoresContext';
import { Field } from '../../../ui/Field';

const SOURCE_LABELS: Record<Restriction['source'], string> = { request: 'Anfrage', sms: 'SMS-Datensatz', portal: 'Portal-Datensatz' };
const REASON_MIN = 10;

export function RestrictionList({ requestId, restrictions, onDone }: { requestId: string; restrictions: Restriction[]; onDone: () => Promise<void> }) {
  if (restrictions.length === 0) return <p className="muted">Noch nichts eingeschränkt.</p>;
  return (
    <ul className="subject-restrictions" aria-label="Einschränkungen" data-testid="restrictions">
      {restrictions.map((r) => (
        <RestrictionItem key={r.id} requestId={requestId} restriction={r} onDone={onDone} />
      ))}
    </ul>
  );
}

function RestrictionItem({ requestId, restriction: r, onDone }: { requestId: string; restriction: Restriction; onDone: () => Promise<void> }) {
  const { service } = useDesk();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const lift = async () => {
    if (reason.trim().length < REASON_MIN) return setProblem(`Bitte den Grund der Aufhebung angeben (mindestens ${REASON_MIN} Zeichen).`);
    setProblem(null);
    setBusy(true);
    try {
      await service.subjectRights.lift(requestId, r.id, reason.trim());
      await onDone();
    } catch (e) {
      setProblem(toDeskFailure(e).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <li data-testid="restriction" data-active={r.active}>
      <p>
        <strong>{SOURCE_LABELS[r.source]}</strong> {r.active ? 'eingeschränkt' : 'aufgehoben'} – {r.reason} ({r.by.displayName}, {formatDateTime(r.since)})
      </p>
      {!r.active && (
        <p className="muted">
          Aufgehoben {formatDateTime(r.liftedAt)}: {r.liftReason} ({r.liftedBy?.displayName})
        </p>
      )}
      {r.active && (
        <form
          className="form"
          aria-label="Einschränkung aufheben"
          onSubmit={(e) => {
            e.preventDefault();
            void lift();
          }}
        >
          <Field id={`lift-${r.id}-reason`} label="Grund der Aufhebung" error={problem}>
            <input type="text" value={reason} onChange={(e) => setReason(e.target.value)} />
          </Field>
          <div className="form-actions">
            <button type="submit" className="button-secondary" disabled={busy}>
              Aufheben
            </button>
          </div>
        </form>
      )}
    </li>
  );
}
