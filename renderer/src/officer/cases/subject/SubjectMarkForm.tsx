// Marks the held dpo case as a data subject's request: its type and, if already done, how the
// identity was checked. The deadline follows from the receipt (the backend computes it).
import { useState } from 'react';
import { SUBJECT_REQUEST_LABELS, SUBJECT_REQUEST_TYPES, type SubjectRequestType } from '../../../../../shared/subject-labels';
import type { SubjectChange } from '../../../services/subject-requests';
import { Field } from '../../../ui/Field';
import { IdentityFields, identityProblem, type IdentityDraft } from './IdentityFields';

export function SubjectMarkForm({ busy, onSubmit }: { busy: boolean; onSubmit: (change: SubjectChange) => Promise<boolean> }) {
  const [type, setType] = useState<SubjectRequestType | ''>('');
  const [identity, setIdentity] = useState<IdentityDraft>({ method: '', note: '' });
  const [problems, setProblems] = useState<{ type: string | null; identity: string | null }>({ type: null, identity: null });
  const submit = () => {
    const found = { type: type === '' ? 'Bitte die Art des Antrags wählen.' : null, identity: identityProblem(identity) };
    setProblems(found);
    if (found.type || found.identity || type === '') return;
    void onSubmit({ action: 'mark', type, identity: identity.method ? { method: identity.method, note: identity.note } : null });
  };
  return (
    <form
      className="form"
      aria-label="Als Betroffenenantrag kennzeichnen"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Field id="subject-type" label="Art des Antrags" error={problems.type}>
        <select value={type} onChange={(e) => setType(e.target.value as SubjectRequestType | '')}>
          <option value="">– bitte wählen –</option>
          {SUBJECT_REQUEST_TYPES.map((t) => (
            <option key={t} value={t}>
              {SUBJECT_REQUEST_LABELS[t]}
            </option>
          ))}
        </select>
      </Field>
      <IdentityFields draft={identity} onChange={setIdentity} problem={problems.identity} idPrefix="subject-identity" />
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={busy}>
          Als Betroffenenantrag kennzeichnen
        </button>
      </div>
      <p className="hint">Die Frist beträgt einen Monat ab Eingang (Art. 12 Abs. 3 DSGVO); endet sie an einem Tag, den der Monat nicht hat, am letzten Tag des Monats.</p>
    </form>
  );
}
