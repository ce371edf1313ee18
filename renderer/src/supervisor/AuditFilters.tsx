// The audit view's filters: Zeitraum (Berlin days), Aktion (from the actions in the log, with
// families like "Sicherung (alle)") and Benutzer (the staff id as stored). Applied on submit.
import { useStore } from 'zustand';
import { EMPTY_FILTER, type AuditStore } from '../store/audit/audit-store';
import { auditActionChoices } from './audit-labels';

export function AuditFilters({ store }: { store: AuditStore }) {
  const filter = useStore(store, (s) => s.filter);
  const actions = useStore(store, (s) => s.actions);
  const busy = useStore(store, (s) => s.busy);
  const { setFilter, load } = store.getState();
  return (
    <form
      className="audit-filters"
      aria-label="Filter"
      onSubmit={(event) => {
        event.preventDefault();
        void load();
      }}
    >
      <label>
        Zeitraum von
        <input type="date" value={filter.from} onChange={(e) => setFilter({ from: e.target.value })} />
      </label>
      <label>
        bis
        <input type="date" value={filter.to} onChange={(e) => setFilter({ to: e.target.value })} />
      </label>
      <label>
        Aktion
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
      </label>
      <label>
        Benutzer
        <input type="text" value={filter.actor} placeholder="Kennung, z. B. u-sup" onChange={(e) => setFilter({ actor: e.target.value })} />
      </label>
      <button type="submit" disabled={busy}>
        Anzeigen
      </button>
      <button
        type="button"
        disabled={busy}
        onClick={() => {
          setFilter(EMPTY_FILTER);
          void load();
        }}
      >
        Filter zurücksetzen
      </button>
    </form>
  );
}
