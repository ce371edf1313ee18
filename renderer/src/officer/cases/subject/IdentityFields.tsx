// How the identity was checked: a choice and a short note. There is deliberately no upload: a
// copy of an identity document is never stored (data minimisation, Art. 5(1)(c) GDPR).
import { IDENTITY_METHOD_LABELS, IDENTITY_METHODS, IDENTITY_NOTE_MAX, type IdentityMethod } from '../../../../../shared/subject-labels';
import { Field } from '../../../ui/Field';

export interface IdentityDraft {
  method: IdentityMethod | '';
  note: string;
}

export function identityProblem(draft: IdentityDraft): string | null {
  if (draft.note.length > IDENTITY_NOTE_MAX) return `Höchstens ${IDENTITY_NOTE_MAX} Zeichen; jetzt ${draft.note.length}.`;
  if (draft.method === 'other' && draft.note.trim() === '') return 'Bei „Anders“ bitte im Vermerk sagen, wie.';
  return null;
}

export function IdentityFields({ draft, onChange, problem, idPrefix }: { draft: IdentityDraft; onChange: (d: IdentityDraft) => void; problem: string | null; idPrefix: string }) {
  return (
    <>
      <Field id={`${idPrefix}-method`} label="Identität geprüft durch">
        <select value={draft.method} onChange={(e) => onChange({ ...draft, method: e.target.value as IdentityMethod | '' })}>
          <option value="">– noch nicht geprüft –</option>
          {IDENTITY_METHODS.map((m) => (
            <option key={m} value={m}>
              {IDENTITY_METHOD_LABELS[m]}
            </option>
          ))}
        </select>
      </Field>
      <Field id={`${idPrefix}-note`} label="Vermerk zur Prüfung" error={problem} hint={`Kurz, ohne Ausweisnummer; keine Kopie eines Ausweises ablegen. ${draft.note.length} von höchstens ${IDENTITY_NOTE_MAX} Zeichen.`}>
        <input type="text" value={draft.note} onChange={(e) => onChange({ ...draft, note: e.target.value })} />
      </Field>
    </>
  );
}
