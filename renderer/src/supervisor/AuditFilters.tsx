// The audit view's filters: Zeitraum (Berlin days, typed as TT.MM.JJJJ), Aktion (from the actions
// in the log, with families like "Sicherung (alle)") and Benutzer (a name or the staff id).
// Applied on submit.
import { useStore } from 'zustand';
import { EMPTY_FILTER, type AuditStore } from '../store/audit/audit-store';
import { DateField } from '../ui/DateField';
import { Field } from '../ui/Field';
import { auditActionChoices } from '../../../shared/audit-labels';

export function AuditFilters({ store }: { store: AuditStore }) {
  const filter = useStore(store, (s) => s.filter);
  const actions = useStore(store, (s) => s.actions);
  const busy = useStore(store, (s) => s.busy);
  const { setFilter, load } = store.getState();
  const rangeProblem = filter.from && filter.to && filter.from > filter.to ? '„bis“ liegt vor „Zeitraum von“.' : null;
  return (
    <form
      className="audit-filters form-grid"
      aria-label="Filter"
      onSubmit={(event) => {
        event.preventDefault();
        if (!rangeProblem) void load();
      }}
    >
      <DateField id="audit-from" label="Zeitraum von" value={filter.from} onChange={(from) => setFilter({ from })} />
      <DateField id="audit-to" label="bis" value={filter.to} onChange={(to) => setFilter({ to })} error={rangeProblem} />
      <Field id="audit-action" label="Aktion">
        <select value={filter.action} onChange={(e) => setFilter({ action: e.target.value })}>
          <option value="">Alle Aktionen</option>
          {/* A filter chosen before may no longer be in the log; keep it selectable. */}
          {filter.action && !auditActionChoices(actions).some((c) => c.value === filter.action) && <option value={filter.action}>{filter.action}</option>}
          {auditActionChoices(actions).map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </Field>
      <Field id="audit-actor" label="Benutzer">
        <input type="text" value={filter.actor} maxLength={100} placeholder="Name oder Kennung" onChange={(e) => setFilter({ actor: e.target.value })} />
      </Field>
      <div className="form-actions field-wide">
        <button type="submit" className="button-primary" disabled={busy}>
          Anzeigen
        </button>
        <button
          type="button"
          className="button-secondary"
          disabled={busy}
          onClick={() => {
            setFilter(EMPTY_FILTER);
            void load();
          }}
        >
          Filter zurücksetzen
        </button>
      </div>
    </form>
  );
}
