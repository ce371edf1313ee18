// Widerspruch (Art. 21 GDPR): the officer records against what the person objects, her decision
// and its date. Granted against contact or customer care, the app stops what it can: the person's
// included open callbacks (or contact requests) are restricted and can no longer be claimed. A
// refusal states the compelling legitimate grounds.
import { useState } from 'react';
import type { Objection } from '../../../../../shared/subject-rights';
import { formatDateTime, formatLocalDate } from '../../../format/datetime';
import { toDeskFailure } from '../../../services/desk-error';
import type { ObjectionDraft } from '../../../services/subject-rights';
import { useDesk } from '../../../store/StoresContext';
import { DateField } from '../../../ui/DateField';
import { Field } from '../../../ui/Field';

const SCOPES: Record<Objection['scope'], string> = {
  callback_contact: 'Kontaktaufnahme (Rückrufe)',
  customer_care: 'Kundenbetreuung (Kontaktanfragen)',
  other_purpose: 'Anderer Zweck',
};
const GROUNDS_MIN = 10;

export function ObjectionForm({ requestId, today, onDone }: { requestId: string; today: string; onDone: () => Promise<void> }) {
  const { service } = useDesk();
  const [draft, setDraft] = useState<ObjectionDraft>({ scope: 'callback_contact', purpose: null, decision: 'granted', reason: '', decidedOn: today });
  const [problems, setProblems] = useState<Partial<Record<'purpose' | 'reason' | 'decidedOn' | 'form', string>>>({});
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const found: typeof problems = {};
    if (draft.scope === 'other_purpose' && (draft.purpose ?? '').trim().length < 3) found.purpose = 'Bitte den Zweck angeben, dem widersprochen wird.';
    if (draft.decision === 'refused' && draft.reason.trim().length < GROUNDS_MIN) found.reason = `Eine Ablehnung braucht zwingende schutzwürdige Gründe (mindestens ${GROUNDS_MIN} Zeichen).`;
    if (!draft.decidedOn) found.decidedOn = 'Bitte das Datum der Entscheidung angeben.';
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await service.subjectRights.object(requestId, { ...draft, purpose: draft.scope === 'other_purpose' ? draft.purpose : null });
      setDraft({ ...draft, reason: '' });
      await onDone();
    } catch (e) {
      setProblems({ form: toDeskFailure(e).message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="form"
      aria-label="Widerspruch erfassen"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Field id="objection-scope" label="Widerspruch gegen">
        <select value={draft.scope} onChange={(e) => setDraft({ ...draft, scope: e.target.value as Objection['scope'] })}>
          {Object.entries(SCOPES).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </Field>
      {draft.scope === 'other_purpose' && (
        <Field id="objection-purpose" label="Zweck" error={problems.purpose}>
          <input type="text" value={draft.purpose ?? ''} onChange={(e) => setDraft({ ...draft, purpose: e.target.value })} />
        </Field>
      )}
      <Field id="objection-decision" label="Entscheidung">
        <select value={draft.decision} onChange={(e) => setDraft({ ...draft, decision: e.target.value as Objection['decision'] })}>
          <option value="granted">Stattgegeben: Verarbeitung endet</option>
          <option value="refused">Abgelehnt: zwingende schutzwürdige Gründe</option>
        </select>
      </Field>
      <Field id="objection-reason" label={draft.decision === 'refused' ? 'Zwingende schutzwürdige Gründe' : 'Begründung (optional)'} error={problems.reason}>
        <textarea rows={2} value={draft.reason} onChange={(e) => setDraft({ ...draft, reason: e.target.value })} />
      </Field>
      <DateField id="objection-date" label="Entschieden am" value={draft.decidedOn} onChange={(decidedOn) => setDraft({ ...draft, decidedOn })} error={problems.decidedOn} required />
      {problems.form && (
        <p className="field-error" role="alert">
          {problems.form}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button-secondary" disabled={busy}>
          Widerspruch erfassen
        </button>
      </div>
    </form>
  );
}

export function ObjectionList({ objections }: { objections: Objection[] }) {
  if (objections.length === 0) return null;
  return (
    <ul aria-label="Erfasste Widersprüche" data-testid="objections">
      {objections.map((o) => (
        <li key={o.id} data-testid="objection">
          {SCOPES[o.scope]}
          {o.purpose ? ` („${o.purpose}“)` : ''}: {o.decision === 'granted' ? 'stattgegeben' : 'abgelehnt'} am {formatLocalDate(o.decidedOn)}
          {o.reason ? ` – ${o.reason}` : ''}
          {o.restrictedRequests > 0 ? ` – ${o.restrictedRequests} Anfrage(n) gesperrt (keine Übernahme mehr)` : ''} ({o.by.displayName}, {formatDateTime(o.at)})
        </li>
      ))}
    </ul>
  );
}
