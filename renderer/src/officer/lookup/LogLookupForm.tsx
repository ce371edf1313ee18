// The lookup form shared by the SMS and the portal log: customer number or address/network, a
// period within the log's 90 days, the case reference and a purpose from the fixed list (the core
// audits each lookup). Errors stand next to their fields; errors drop the old result.
import { useState } from 'react';
import { LOOKUP_PURPOSES, type LookupPurpose } from '../../../../shared/domain';
import { LOOKUP_PURPOSE_LABELS } from '../../../../shared/labels';
import { berlinToday } from '../../queue/retention-limits';
import type { SmsLookupQuery } from '../../services/officer';
import { DateField } from '../../ui/DateField';
import { Field } from '../../ui/Field';
import { EMPTY_FIELDS, IP_FIELD_HINT, toLookupQuery, type LookupFields, type LookupProblems } from './lookup-form';

export interface LogLookupFormProps {
  /** "Das SMS-Protokoll", "Das Portal-Protokoll": how messages and hints name the log. */
  log: string;
  busy: boolean;
  onQuery: (query: SmsLookupQuery) => void;
  /** The form found errors: an old result next to them would read as the answer to them. */
  onInvalid: () => void;
}

export function LogLookupForm({ log, busy, onQuery, onInvalid }: LogLookupFormProps) {
  const [fields, setFields] = useState<LookupFields>(EMPTY_FIELDS);
  const [problems, setProblems] = useState<LookupProblems>({});
  const set = (patch: Partial<LookupFields>) => setFields((f) => ({ ...f, ...patch }));
  const submit = () => {
    const built = toLookupQuery(fields, berlinToday(new Date()), log);
    if ('problems' in built) {
      setProblems(built.problems);
      onInvalid();
      return;
    }
    setProblems({});
    onQuery(built.query);
  };
  return (
        <form
          className="lookup-form-grid"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <fieldset className="field-wide">
            <legend>Suchen nach</legend>
            <label className="checkbox">
              <input type="radio" name="lookup-by" checked={fields.by === 'customer'} onChange={() => set({ by: 'customer' })} />
              nach Kundennummer
            </label>
            <label className="checkbox">
              <input type="radio" name="lookup-by" checked={fields.by === 'ip'} onChange={() => set({ by: 'ip' })} />
              nach IP-Adresse oder Netz (CIDR)
            </label>
          </fieldset>
          <div className="form-grid">
            <Field id="lookup-value" label={fields.by === 'customer' ? 'Kundennummer' : 'IP-Adresse / Netz'} error={problems.value} hint={fields.by === 'ip' ? IP_FIELD_HINT : undefined}>
              <input
                value={fields.value}
                inputMode={fields.by === 'customer' ? 'numeric' : 'text'}
                onChange={(e) => set({ value: e.target.value })}
                placeholder={fields.by === 'ip' ? 'z. B. 203.0.113.7 oder 2001:db8::/48' : 'nur Ziffern'}
              />
            </Field>
            <DateField id="lookup-from" label="Von" value={fields.from} onChange={(from) => set({ from })} error={problems.from} hint="TT.MM.JJJJ, leer: 90 Tage zurück" />
            <DateField id="lookup-to" label="Bis" value={fields.to} onChange={(to) => set({ to })} error={problems.to} hint="TT.MM.JJJJ, leer: bis heute" />
            <Field id="lookup-case" label="Fallnummer" error={problems.caseRef}>
              <input value={fields.caseRef} onChange={(e) => set({ caseRef: e.target.value })} />
            </Field>
            <Field id="lookup-purpose-category" label="Zweck der Abfrage" error={problems.purposeCategory}>
              <select value={fields.purposeCategory} onChange={(e) => set({ purposeCategory: e.target.value as LookupPurpose | '' })}>
                <option value="">Bitte wählen …</option>
                {LOOKUP_PURPOSES.map((p) => (
                  <option key={p} value={p}>
                    {LOOKUP_PURPOSE_LABELS[p]}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="lookup-purpose" label="Anlass (Freitext)" error={problems.purpose} hint="Wird nur verschlüsselt protokolliert.">
              <input value={fields.purpose} onChange={(e) => set({ purpose: e.target.value })} />
            </Field>
          </div>
          <div className="form-actions">
            <button type="submit" className="button-primary" disabled={busy}>
              Abfragen
            </button>
            <p className="hint">Jede Abfrage wird mit Fallnummer und Zweck protokolliert. {log} reicht 90 Tage zurück.</p>
          </div>
        </form>
  );
}
