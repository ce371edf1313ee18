// The audit entries, newest first: number, Berlin time, the staff member by name (id beside it),
// the action and its details in German, the subject (case reference or request id). Ids and keyed
// hashes only; no personal data.
import { formatDateTime } from '../format/datetime';
import type { AuditEntryView } from '../../../shared/channels/audit-channels';
import { AUDIT_ACTION_LABELS, formatAuditDetails } from '../../../shared/audit-labels';

export function AuditTable({ entries }: { entries: readonly AuditEntryView[] }) {
  if (entries.length === 0) return <p data-testid="audit-empty">Keine Einträge für diesen Filter.</p>;
  return (
    <table className="desk-table audit-table" data-testid="audit-table">
      <caption className="visually-hidden">Prüfprotokoll, neueste Einträge zuerst</caption>
      <thead>
        <tr>
          <th scope="col">Nr.</th>
          <th scope="col">Zeitpunkt</th>
          <th scope="col">Benutzer</th>
          <th scope="col">Aktion</th>
          <th scope="col">Gegenstand</th>
          <th scope="col">Details</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.seq} data-testid={`audit-row-${e.seq}`} data-action={e.action}>
            <td>{e.seq}</td>
            <td title={e.at}>{formatDateTime(e.at)}</td>
            <td className="audit-actor">
              {e.actorName ?? e.actor}
              {e.actorName && <span className="muted"> ({e.actor})</span>}
            </td>
            <td>{AUDIT_ACTION_LABELS[e.action] ?? e.action}</td>
            <td className="audit-subject">{e.subject ?? '–'}</td>
            <td className="audit-details">{formatAuditDetails(e.details)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
