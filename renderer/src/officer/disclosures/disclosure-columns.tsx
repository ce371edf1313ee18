// The disclosure register in the kit's table: case, authority and their reference, legal basis,
// records, who asked and when, status, decision, export. Ids and names only, never SMS values.
import type { DisclosureEntry, DisclosureStatus } from '../../../../shared/officer-views';
import { formatDateTimeCompact } from '../../format/datetime';
import { deskColumnHelper } from '../../ui/table/table-features';
import { DISCLOSURE_STATUS_LABELS } from './disclosure-labels';

const helper = deskColumnHelper<DisclosureEntry>();

/** The queue's badge colours: waiting like a pending claim, approved like a claimed case, rejected muted. */
const STATUS_BADGES: Record<DisclosureStatus, string> = { pending: 'badge-claim_pending', approved: 'badge-claimed', rejected: 'badge-closed' };

export const disclosureColumns = helper.columns([
  helper.accessor('caseRef', { id: 'caseRef', header: 'Fall' }),
  helper.accessor((row) => `${row.authority} · ${row.authorityRef}`, { id: 'authority', header: 'Behörde / Aktenzeichen', meta: { className: 'col-subject' } }),
  helper.accessor('legalBasis', { id: 'legalBasis', header: 'Rechtsgrundlage', meta: { className: 'col-subject' } }),
  helper.accessor('records', { id: 'records', header: 'Datensätze', meta: { className: 'col-number' } }),
  helper.accessor('requestedAt', {
    id: 'requested',
    header: 'Beantragt',
    cell: (info) => `${info.row.original.requestedBy}, ${formatDateTimeCompact(info.getValue())}`,
    sortDescFirst: true,
  }),
  helper.accessor((row) => DISCLOSURE_STATUS_LABELS[row.status], {
    id: 'status',
    header: 'Status',
    cell: (info) => <span className={`badge ${STATUS_BADGES[info.row.original.status]}`}>{info.getValue()}</span>,
  }),
  helper.accessor((row) => row.decidedAt ?? '', {
    id: 'decided',
    header: 'Entschieden',
    cell: (info) => (info.row.original.decidedBy ? `${info.row.original.decidedBy}, ${formatDateTimeCompact(info.getValue())}` : '–'),
  }),
  helper.accessor((row) => row.exportedAt ?? '', {
    id: 'exported',
    header: 'Exportiert',
    cell: (info) => (info.getValue() ? formatDateTimeCompact(info.getValue()) : '–'),
    meta: { className: 'col-date' },
  }),
  // Issue 16: when the exported folder goes (or went).
  helper.accessor((row) => row.exportPurgedAt ?? row.exportEndsAt ?? '', {
    id: 'exportEnd',
    header: 'Exportordner bis',
    cell: (info) => (!info.getValue() ? '–' : info.row.original.exportPurgedAt ? `gelöscht ${formatDateTimeCompact(info.getValue())}` : formatDateTimeCompact(info.getValue())),
    meta: { className: 'col-date' },
  }),
]);
