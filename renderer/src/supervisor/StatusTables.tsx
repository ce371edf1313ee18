// Status per request kind and the overdue purges (due, but no receipt from the owning
// workstation within 24 hours).
import { REQUEST_KINDS } from '../../../shared/domain';
import type { DeletionDashboard } from '../../../shared/retention';
import { formatDateTime } from '../format/datetime';
import { KIND_LABELS } from '../format/labels';

export function KindStatusTable({ dashboard }: { dashboard: DeletionDashboard }) {
  return (
    <section aria-labelledby="kind-status-heading">
      <h3 id="kind-status-heading">Stand je Art</h3>
      <table className="desk-table retention-table">
        <thead>
          <tr>
            <th scope="col">Art</th>
            <th scope="col">Offen</th>
            <th scope="col">Abgeschlossen, Löschung ausstehend</th>
            <th scope="col">Aufbewahrt: Nachweis</th>
            <th scope="col">Kundenbetreuung</th>
            <th scope="col">Gesetzlich</th>
            <th scope="col">Grund unbekannt</th>
            <th scope="col">Gelöscht (30 Tage)</th>
          </tr>
        </thead>
        <tbody>
          {REQUEST_KINDS.map((kind) => {
            const row = dashboard.perKind.find((k) => k.kind === kind);
            if (!row) return null;
            return (
              <tr key={kind} data-testid={`kind-status-${kind}`}>
                <th scope="row">{KIND_LABELS[kind]}</th>
                <td data-testid="open">{row.open}</td>
                <td data-testid="awaiting">{row.awaitingPurge}</td>
                <td>{row.held.proof}</td>
                <td>{row.held.customer_care}</td>
                <td>{row.held.statutory}</td>
                <td>{row.held.unknown}</td>
                <td data-testid="purged30d">{row.purged30d}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

export function OverdueTable({ dashboard }: { dashboard: DeletionDashboard }) {
  return (
    <section aria-labelledby="overdue-heading">
      <h3 id="overdue-heading">Überfällige Löschungen</h3>
      {dashboard.overdue.length === 0 ? (
        <p data-testid="overdue-none">Keine: Jede fällige Löschung ist innerhalb von 24 Stunden belegt.</p>
      ) : (
        <table className="desk-table retention-table" data-testid="overdue-table">
          <thead>
            <tr>
              <th scope="col">Vorgang</th>
              <th scope="col">Art</th>
              <th scope="col">Fällig seit</th>
              <th scope="col">Arbeitsplatz</th>
            </tr>
          </thead>
          <tbody>
            {dashboard.overdue.map((o) => (
              <tr key={`${o.requestId}-${o.workstation}`}>
                <td className="mono">{o.requestId}</td>
                <td>{KIND_LABELS[o.kind]}</td>
                <td>{formatDateTime(o.dueAt)}</td>
                <td className="mono">{o.workstation}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
