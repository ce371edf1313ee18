// The SMS misuse lookup: by customer number or by IP address / network, in a time range, always
// with a case reference and a purpose (the core audits each lookup). Results and the records
// from which a disclosure is assembled.
import { useState } from 'react';
import { useStore } from 'zustand';
import type { SmsDeskStore } from '../../store/officer/sms-desk-store';
import { DisclosureForm } from './DisclosureForm';
import { EMPTY_FIELDS, IP_FIELD_HINT, toLookupQuery, type LookupFields } from './lookup-form';
import { SmsLookupResults } from './SmsLookupResults';

export function SmsLookupScreen({ store, onOpenDisclosures }: { store: SmsDeskStore; onOpenDisclosures: () => void }) {
  const { report, busy, error, lookup } = useStore(store);
  const [fields, setFields] = useState<LookupFields>(EMPTY_FIELDS);
  const [problem, setProblem] = useState<string | null>(null);
  const set = (patch: Partial<LookupFields>) => setFields((f) => ({ ...f, ...patch }));
  const submit = () => {
    const built = toLookupQuery(fields);
    if ('problem' in built) return setProblem(built.problem);
    setProblem(null);
    void lookup(built.query);
  };
  return (
    <main className="officer-page" aria-labelledby="lookup-heading">
      <h2 id="lookup-heading">SMS-Missbrauchsabfrage</h2>
      <form
        className="lookup-form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <fieldset>
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
        <label htmlFor="lookup-value">{fields.by === 'customer' ? 'Kundennummer' : 'IP-Adresse / Netz'}</label>
        <input
          id="lookup-value"
          value={fields.value}
          onChange={(e) => set({ value: e.target.value })}
          placeholder={fields.by === 'ip' ? 'z. B. 203.0.113.7 oder 2001:db8::/48' : ''}
          aria-describedby={fields.by === 'ip' ? 'lookup-ip-hint' : undefined}
        />
        {fields.by === 'ip' && (
          <p id="lookup-ip-hint" className="hint">
            {IP_FIELD_HINT}
          </p>
        )}
        <label htmlFor="lookup-from">Von</label>
        <input id="lookup-from" type="date" value={fields.from} onChange={(e) => set({ from: e.target.value })} />
        <label htmlFor="lookup-to">Bis</label>
        <input id="lookup-to" type="date" value={fields.to} onChange={(e) => set({ to: e.target.value })} />
        <label htmlFor="lookup-case">Fallnummer</label>
        <input id="lookup-case" value={fields.caseRef} maxLength={100} onChange={(e) => set({ caseRef: e.target.value })} />
        <label htmlFor="lookup-purpose">Zweck der Abfrage</label>
        <input id="lookup-purpose" value={fields.purpose} maxLength={500} onChange={(e) => set({ purpose: e.target.value })} />
        <button type="submit" disabled={busy}>
          Abfragen
        </button>
        <p className="hint">Jede Abfrage wird mit Fallnummer und Zweck protokolliert. Das SMS-Protokoll reicht 90 Tage zurück.</p>
      </form>
      {(problem ?? error) && <p role="alert">{problem ?? error}</p>}
      {report && <SmsLookupResults store={store} />}
      {report && <DisclosureForm store={store} onCreated={onOpenDisclosures} />}
    </main>
  );
}
