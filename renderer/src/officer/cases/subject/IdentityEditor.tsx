// Records or corrects how the identity of a marked case's person was checked.
import { useState } from 'react';
import type { SubjectRequestRecord } from '../../../../../shared/subject-requests';
import type { SubjectChange } from '../../../services/subject-requests';
import { IdentityFields, identityProblem, type IdentityDraft } from './IdentityFields';

export function IdentityEditor({ record, busy, onSubmit }: { record: SubjectRequestRecord; busy: boolean; onSubmit: (change: SubjectChange) => Promise<boolean> }) {
  const [draft, setDraft] = useState<IdentityDraft>({ method: record.identityMethod ?? '', note: record.identityNote ?? '' });
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <form
      className="form"
      aria-label="Identitätsprüfung"
      onSubmit={(e) => {
        e.preventDefault();
        const found = draft.method === '' ? 'Bitte wählen, wie die Identität geprüft wurde.' : identityProblem(draft);
        setProblem(found);
        if (!found && draft.method !== '') void onSubmit({ action: 'identity', identity: { method: draft.method, note: draft.note } });
      }}
    >
      <IdentityFields draft={draft} onChange={setDraft} problem={problem} idPrefix="subject-identity-edit" />
      <div className="form-actions">
        <button type="submit" className="button-secondary" disabled={busy}>
          Identitätsprüfung speichern
        </button>
      </div>
    </form>
  );
}
