// Extends the deadline once, by one or two months, with the reasons; the person must be told of
// the extension and its reasons within the first month (Art. 12(3) GDPR): either already done
// (a date) or recorded later with "Person informiert".
import { useState } from 'react';
import { EXTENSION_REASON_MIN } from '../../../../../shared/subject-labels';
import type { SubjectChange } from '../../../services/subject-requests';
import { DateField } from '../../../ui/DateField';
import { Field } from '../../../ui/Field';

const REASON_MAX = 500;

export function SubjectExtensionForm({ busy, onSubmit }: { busy: boolean; onSubmit: (change: SubjectChange) => Promise<boolean> }) {
  const [months, setMonths] = useState(2);
  const [reason, setReason] = useState('');
  const [informedOn, setInformedOn] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = () => {
    const text = reason.trim();
    const found = text.length < EXTENSION_REASON_MIN ? `Bitte die Gründe angeben (mindestens ${EXTENSION_REASON_MIN} Zeichen).` : text.length > REASON_MAX ? `Höchstens ${REASON_MAX} Zeichen.` : null;
    setProblem(found);
    if (!found) void onSubmit({ action: 'extend', months, reason: text, personInformedOn: informedOn || null });
  };
  return (
    <form
      className="form"
      aria-label="Frist verlängern"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Field id="subject-extend-months" label="Verlängern um">
        <select value={months} onChange={(e) => setMonths(Number(e.target.value))}>
          <option value={1}>1 Monat</option>
          <option value={2}>2 Monate</option>
        </select>
      </Field>
      <Field id="subject-extend-reason" label="Gründe (werden der Person mitgeteilt)" error={problem} hint={`${reason.length} von höchstens ${REASON_MAX} Zeichen`}>
        <textarea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <DateField id="subject-extend-informed" label="Person informiert am (leer: noch nicht)" value={informedOn} onChange={setInformedOn} />
      <div className="form-actions">
        <button type="submit" className="button-secondary" disabled={busy}>
          Frist einmalig verlängern
        </button>
      </div>
    </form>
  );
}

export function SubjectInformedForm({ busy, onSubmit, today }: { busy: boolean; onSubmit: (change: SubjectChange) => Promise<boolean>; today: string }) {
  const [on, setOn] = useState(today);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <form
      className="form"
      aria-label="Mitteilung der Verlängerung vermerken"
      onSubmit={(e) => {
        e.preventDefault();
        if (!on) return setProblem('Bitte das Datum angeben.');
        setProblem(null);
        void onSubmit({ action: 'informed', on });
      }}
    >
      <DateField id="subject-informed-on" label="Person über die Verlängerung informiert am" value={on} onChange={setOn} error={problem} required />
      <div className="form-actions">
        <button type="submit" className="button-secondary" disabled={busy}>
          Mitteilung vermerken
        </button>
      </div>
    </form>
  );
}
