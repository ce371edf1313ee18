// What a lookup found: the summary, sends per day and customer against the quota (the quota is
// per customer), the chart, the addresses with the other customers seen there, and the records
// to pick for a disclosure (the kit's table, virtualised when long). An empty result says so.
import { useStore } from 'zustand';
import type { SmsLookupReport } from '../../../../shared/officer-views';
import { formatDateTime, formatLocalDate } from '../../format/datetime';
import { plural } from '../../format/plural';
import type { SmsDeskStore } from '../../store/officer/sms-desk-store';
import { Empty } from '../../ui/StateMessage';
import { DataTable } from '../../ui/table/DataTable';
import { deskColumnHelper } from '../../ui/table/table-features';
import { SmsTimeline } from './SmsTimeline';

type SmsRow = SmsLookupReport['records'][number];
const helper = deskColumnHelper<SmsRow>();
const recordColumns = helper.columns([
  helper.accessor('sentAt', { id: 'sentAt', header: 'Versandzeit', cell: (i) => formatDateTime(i.getValue()), meta: { className: 'col-date' } }),
  helper.accessor('customerNumber', { id: 'customer', header: 'Kundennummer', meta: { className: 'mono' } }),
  helper.accessor('ip', { id: 'ip', header: 'IP-Adresse', meta: { className: 'mono' } }),
]);

export function SmsLookupResults({ store }: { store: SmsDeskStore }) {
  const { report, selected, toggle, selectAll } = useStore(store);
  if (!report) return null;
  const shared = report.ipUsage.filter((u) => u.shared);
  const over = report.perDay.filter((d) => d.overQuota);
  if (report.records.length === 0) {
    return (
      <section aria-labelledby="lookup-results-heading" data-testid="lookup-results" className="panel">
        <h2 id="lookup-results-heading">Ergebnis</h2>
        <Empty testId="lookup-empty">Für diese Abfrage gibt es im SMS-Protokoll der letzten 90 Tage keine SMS.</Empty>
      </section>
    );
  }
  return (
    <section aria-labelledby="lookup-results-heading" data-testid="lookup-results" className="panel">
      <h2 id="lookup-results-heading">Ergebnis</h2>
      <p data-testid="lookup-summary">
        {plural(report.records.length, 'SMS', 'SMS')} · <strong data-testid="customers-over-quota">{plural(report.customersOverQuota ?? 0, 'Kundennummer', 'Kundennummern')}</strong> an{' '}
        <strong data-testid="days-over-quota">{report.daysOverQuota}</strong> {report.daysOverQuota === 1 ? 'Tag' : 'Tagen'} über dem Freikontingent von {report.freeQuotaPerDay} SMS je Kundennummer und Tag ·{' '}
        {plural(report.ips.length, 'IP-Adresse', 'IP-Adressen')} · <span data-testid="shared-ip-count">{shared.length}</span> davon von mehreren Kundennummern genutzt
        {report.truncated && ' · Ergebnis gekürzt: bitte den Zeitraum eingrenzen'}
        {(report.restricted ?? 0) > 0 && <span data-testid="lookup-restricted">{` · ${plural(report.restricted ?? 0, 'weitere SMS ist', 'weitere SMS sind')} eingeschränkt (Art. 18 DSGVO) und nicht angezeigt`}</span>}
      </p>
      <SmsTimeline report={report} />
      <div className="officer-columns">
        <table className="desk-table officer-table" data-testid="per-day">
          <caption>Über dem Freikontingent (je Kundennummer und Tag)</caption>
          <thead>
            <tr>
              <th scope="col">Tag</th>
              <th scope="col">Kundennummer</th>
              <th scope="col">SMS</th>
            </tr>
          </thead>
          <tbody>
            {over.length === 0 ? (
              <tr>
                <td colSpan={3}>Niemand hat das Freikontingent überschritten.</td>
              </tr>
            ) : (
              over.map((d) => (
                <tr key={`${d.date}-${d.customerNumber}`} data-over-quota="true">
                  <td>{formatLocalDate(d.date)}</td>
                  <td className="mono">{d.customerNumber}</td>
                  <td>
                    {d.sends} (+{d.sends - report.freeQuotaPerDay})
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
        <table className="desk-table officer-table" data-testid="ip-usage">
          <caption>IP-Adressen</caption>
          <thead>
            <tr>
              <th scope="col">Adresse</th>
              <th scope="col">SMS</th>
              <th scope="col">Weitere Kundennummern</th>
            </tr>
          </thead>
          <tbody>
            {report.ipUsage.map((u) => (
              <tr key={u.ip} data-shared={u.shared}>
                <td className="mono">{u.ip}</td>
                <td>{u.sends}</td>
                <td className="mono">{u.otherCustomers.join(', ') || '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3 id="sms-records-heading">Datensätze ({selected.length} für eine Offenlegung ausgewählt)</h3>
      <label className="checkbox">
        <input type="checkbox" checked={selected.length > 0 && selected.length === report.records.length} onChange={(e) => selectAll(e.target.checked)} />
        Alle auswählen
      </label>
      <DataTable
        labelledBy="sms-records-heading"
        testId="sms-records"
        columns={recordColumns}
        data={report.records}
        getRowId={(r) => r.id}
        initialSorting={[{ id: 'sentAt', desc: false }]}
        virtualizeAbove={200}
        rowAction={(r) => (
          <input type="checkbox" aria-label={`SMS vom ${formatDateTime(r.sentAt)} auswählen`} checked={selected.includes(r.id)} onChange={() => toggle(r.id)} />
        )}
      />
    </section>
  );
}
