// What a lookup found: the summary, per-day counts against the quota (table and chart), the
// addresses with the other customers seen there, and the records to pick for a disclosure.
import { useStore } from 'zustand';
import { formatDateTime, formatLocalDate } from '../../format/datetime';
import type { SmsDeskStore } from '../../store/officer/sms-desk-store';
import { SmsRecordCells, SmsRecordHeaders } from '../SmsRecordCells';
import { SmsTimeline } from './SmsTimeline';

export function SmsLookupResults({ store }: { store: SmsDeskStore }) {
  const { report, selected, toggle, selectAll } = useStore(store);
  if (!report) return null;
  const shared = report.ipUsage.filter((u) => u.shared);
  return (
    <section aria-labelledby="lookup-results-heading" data-testid="lookup-results">
      <h3 id="lookup-results-heading">Ergebnis</h3>
      <p data-testid="lookup-summary">
        {report.records.length} SMS · <strong data-testid="days-over-quota">{report.daysOverQuota}</strong> Tage über dem Freikontingent von {report.freeQuotaPerDay} ·{' '}
        {report.ips.length} IP-Adressen · <span data-testid="shared-ip-count">{shared.length}</span> davon von mehreren Kundennummern genutzt
        {report.truncated && ' · Ergebnis gekürzt: bitte den Zeitraum eingrenzen'}
      </p>
      {report.records.length > 0 && <SmsTimeline report={report} />}
      <div className="officer-columns">
        <table className="officer-table" data-testid="per-day">
          <caption>SMS je Tag</caption>
          <thead>
            <tr>
              <th scope="col">Tag</th>
              <th scope="col">SMS</th>
              <th scope="col">Freikontingent</th>
            </tr>
          </thead>
          <tbody>
            {report.perDay.map((d) => (
              <tr key={d.date} data-over-quota={d.overQuota}>
                <td>{formatLocalDate(d.date)}</td>
                <td>{d.sends}</td>
                <td>{d.overQuota ? `überschritten (+${d.sends - report.freeQuotaPerDay})` : 'eingehalten'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="officer-table" data-testid="ip-usage">
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
      <table className="officer-table" data-testid="sms-records">
        <caption>Datensätze ({selected.length} für eine Offenlegung ausgewählt)</caption>
        <thead>
          <tr>
            <th scope="col">
              <input
                type="checkbox"
                aria-label="Alle auswählen"
                checked={selected.length > 0 && selected.length === report.records.length}
                onChange={(e) => selectAll(e.target.checked)}
              />
            </th>
            <SmsRecordHeaders />
          </tr>
        </thead>
        <tbody>
          {report.records.map((r) => (
            <tr key={r.id}>
              <td>
                <input type="checkbox" aria-label={`SMS vom ${formatDateTime(r.sentAt)} auswählen`} checked={selected.includes(r.id)} onChange={() => toggle(r.id)} />
              </td>
              <SmsRecordCells record={r} />
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
