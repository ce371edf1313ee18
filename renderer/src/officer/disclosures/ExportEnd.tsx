// The exported folder's end (issue 16): DISCLOSURE_EXPORT_DAYS after the first export the
// retention sweep deletes it; the manifest's hash stays in the register as proof.
import { DISCLOSURE_EXPORT_DAYS } from '../../../../shared/disclosures';
import type { DisclosureEntry } from '../../../../shared/officer-views';
import { formatDateTime } from '../../format/datetime';

export function ExportEnd({ entry, endsAt }: { entry: DisclosureEntry; endsAt: string | null }) {
  if (entry.exportPurgedAt) {
    return <p data-testid="export-end">Exportordner am {formatDateTime(entry.exportPurgedAt)} gelöscht (Frist {DISCLOSURE_EXPORT_DAYS} Tage nach dem ersten Export).</p>;
  }
  const end = endsAt ?? entry.exportEndsAt;
  if (!end) return entry.status === 'approved' ? <p>Der Exportordner wird {DISCLOSURE_EXPORT_DAYS} Tage nach dem ersten Export gelöscht.</p> : null;
  return <p data-testid="export-end">Der Exportordner wird am {formatDateTime(end)} gelöscht ({DISCLOSURE_EXPORT_DAYS} Tage nach dem ersten Export).</p>;
}
