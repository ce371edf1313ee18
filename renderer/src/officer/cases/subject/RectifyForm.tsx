// Berichtigung of one included request of the person (Art. 16 GDPR): the officer changes what is
// wrong; only changed fields are sent, checked by intake's own rules (phone normalised like the
// website does: the core checks with the shared schema, the renderer stays without the phone-number
// library). The old values are kept nowhere, the backend records only which fields changed.
import { useState } from 'react';
import type { RectifiableField } from '../../../../../shared/subject-rights';
import type { SubjectHit } from '../../../../../shared/subject-requests';
import { toDeskFailure } from '../../../services/desk-error';
import { useDesk } from '../../../store/StoresContext';
import { Field } from '../../../ui/Field';

type RequestHit = Extract<SubjectHit, { source: 'request' }>;
const LABELS: Record<RectifiableField, string> = { name: 'Name', email: 'E-Mail', phone: 'Telefon', subject: 'Betreff', message: 'Nachricht (leer: unverändert)' };
const FIELDS_OF = (kind: RequestHit['kind']): RectifiableField[] => (kind === 'callback' ? ['name', 'phone'] : ['name', 'email', 'subject', 'message']);

export function RectifyForm({ requestId, hit, onDone }: { requestId: string; hit: RequestHit; onDone: () => Promise<void> }) {
  const { service } = useDesk();
  const fields = FIELDS_OF(hit.kind);
  const initial: Record<RectifiableField, string> = { name: hit.name ?? '', email: hit.email ?? '', phone: hit.phone ?? '', subject: hit.subject ?? '', message: '' };
  const [values, setValues] = useState(initial);
  const [problems, setProblems] = useState<Partial<Record<RectifiableField | 'form', string>>>({});
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `rectify-${hit.requestId}`;

  const submit = async () => {
    const changes = Object.fromEntries(fields.filter((f) => values[f].trim() !== '' && values[f] !== initial[f]).map((f) => [f, values[f]]));
    if (Object.keys(changes).length === 0) return setProblems({ form: 'Bitte mindestens ein Feld berichtigen.' });
    setProblems({});
    setBusy(true);
    try {
      const result = await service.subjectRights.rectify(requestId, hit.requestId, changes);
      setDone(`Berichtigt: ${result.fields.map((f) => LABELS[f].replace(/ \(.*\)$/, '')).join(', ')}. Eine neue Suche zeigt den berichtigten Stand.`);
      await onDone();
    } catch (e) {
      setProblems({ form: toDeskFailure(e).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <details data-testid="rectify">
      <summary>Berichtigen</summary>
      <form
        className="form"
        aria-label="Daten berichtigen"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {fields.map((f) => (
          <Field key={f} id={`${id}-${f}`} label={LABELS[f]} error={problems[f]}>
            {f === 'message' ? (
              <textarea rows={3} value={values[f]} onChange={(e) => setValues({ ...values, [f]: e.target.value })} />
            ) : (
              <input type={f === 'email' ? 'email' : f === 'phone' ? 'tel' : 'text'} autoComplete="off" value={values[f]} onChange={(e) => setValues({ ...values, [f]: e.target.value })} />
            )}
          </Field>
        ))}
        {problems.form && (
          <p className="field-error" role="alert">
            {problems.form}
          </p>
        )}
        {done && (
          <p role="status" data-testid="rectify-done">
            {done}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button-secondary" disabled={busy}>
            Berichtigung speichern
          </button>
        </div>
      </form>
    </details>
  );
}
