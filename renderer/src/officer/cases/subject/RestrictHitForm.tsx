// Einschränkung of one included hit (Art. 18 GDPR): with a reason, until lifted. Shown as restricted
// when the case restricted it already.
import { useState } from 'react';
import type { Restriction } from '../../../../../shared/subject-rights';
import { formatDateTime } from '../../../format/datetime';
import { toDeskFailure } from '../../../services/desk-error';
import { useDesk } from '../../../store/StoresContext';
import { Field } from '../../../ui/Field';

const REASON_MIN = 10;

export function RestrictHitForm({ requestId, hitId, active, onDone }: { requestId: string; hitId: string; active: Restriction | null; onDone: () => Promise<void> }) {
  const { service } = useDesk();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (active) {
    return (
      <p className="badge-restricted" data-testid="hit-restricted">
        Eingeschränkt seit {formatDateTime(active.since)}
      </p>
    );
  }
  const submit = async () => {
    if (reason.trim().length < REASON_MIN) return setProblem(`Bitte den Grund der Einschränkung angeben (mindestens ${REASON_MIN} Zeichen).`);
    setProblem(null);
    setBusy(true);
    try {
      await service.subjectRights.restrict(requestId, [hitId], reason.trim());
      await onDone();
    } catch (e) {
      setProblem(toDeskFailure(e).message);
    } finally {
      setBusy(false);
    }
  };
  const id = `restrict-${hitId.replace(/[^a-z0-9]/gi, '-')}`;
  return (
    <form
      className="form"
      aria-label="Einschränken"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Field id={`${id}-reason`} label="Grund der Einschränkung" error={problem}>
        <input type="text" value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <div className="form-actions">
        <button type="submit" className="button-secondary" disabled={busy}>
          Einschränken
        </button>
      </div>
    </form>
  );
}
