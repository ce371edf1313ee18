// The SMS misuse lookup: by customer number or by IP address / network, in a time range, always
// with a case reference and a purpose from a fixed list (the core audits each lookup). Errors
// stand next to their fields; a new lookup or error replaces the old result.
import { useState } from 'react';
import { useStore } from 'zustand';
import { LOOKUP_PURPOSES, type LookupPurpose } from '../../../../shared/domain';
import { LOOKUP_PURPOSE_LABELS } from '../../../../shared/labels';
import { berlinToday } from '../../queue/retention-limits';
import type { SmsDeskStore } from '../../store/officer/sms-desk-store';
import { DateField } from '../../ui/DateField';
import { Field } from '../../ui/Field';
import { ErrorBanner, Loading } from '../../ui/StateMessage';
import { DisclosureForm } from './DisclosureForm';
import { EMPTY_FIELDS, IP_FIELD_HINT, toLookupQuery, type LookupFields, type LookupProblems } from './lookup-form';
import { SmsLookupResults } from './SmsLookupResults';

export function SmsLookupScreen({ store, onOpenDisclosures }: { store: SmsDeskStore; onOpenDisclosures: () => void }) {
  const { report, busy, error, lookup, clearReport } = useStore(store);
  const [fields, setFields] = useState<LookupFields>(EMPTY_FIELDS);
  const [problems, setProblems] = useState<LookupProblems>({});
  const set = (patch: Partial<LookupFields>) => setFields((f) => ({ ...f, ...patch }));
  const submit = () => {
    const built = toLookupQuery(fields, berlinToday(new Date()));
    if ('problems' in built) {
      setProblems(built.problems);
      clearReport(); // an old result next to new errors would read as the answer to them
      return;
    }
    setProblems({});
    void lookup(built.query);
  };
  return (
    <main className="workspace workspace-single officer-page" aria-labelledby="lookup-heading">
      <section className="panel">
        <h1 id="lookup-heading" className="queue-heading">
          SMS-Missbrauchsabfrage
        </h1>
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
            <p className="hint">Jede Abfrage wird mit Fallnummer und Zweck protokolliert. Das SMS-Protokoll reicht 90 Tage zurück.</p>
          </div>
        </form>
      </section>
      {busy && <Loading>Abfrage läuft …</Loading>}
      {error && !busy && <ErrorBanner testId="lookup-error">{error}</ErrorBanner>}
      {report && <SmsLookupResults store={store} />}
      {report && report.records.length > 0 && <DisclosureForm store={store} onCreated={onOpenDisclosures} />}
    </main>
  );
}
