// What a portal lookup found: a summary per action, flagged days of failed logins, customers with
// logins from many addresses, addresses used by several customers, and the records (the kit's
// table, virtualised when long). An empty result says so in a sentence.
import type { PortalLookupReport } from '../../../../shared/officer-views';
import { PORTAL_ACTION_LABELS } from '../../../../shared/labels';
import { formatDateTime, formatLocalDate } from '../../format/datetime';
import { plural } from '../../format/plural';
import { Empty } from '../../ui/StateMessage';
import { DataTable } from '../../ui/table/DataTable';
import { deskColumnHelper } from '../../ui/table/table-features';

type PortalRow = PortalLookupReport['records'][number];
const helper = deskColumnHelper<PortalRow>();
const recordColumns = helper.columns([
  helper.accessor('at', { id: 'at', header: 'Zeitpunkt', cell: (i) => formatDateTime(i.getValue()), meta: { className: 'col-date' } }),
  helper.accessor('customerNumber', { id: 'customer', header: 'Kundennummer', meta: { className: 'mono' } }),
  helper.accessor('ip', { id: 'ip', header: 'IP-Adresse', meta: { className: 'mono' } }),
  helper.accessor('action', { id: 'action', header: 'Vorgang', cell: (i) => PORTAL_ACTION_LABELS[i.getValue()] }),
]);

export function PortalLookupResults({ report }: { report: PortalLookupReport }) {
  if (report.records.length === 0) {
    return (
      <section aria-labelledby="portal-results-heading" data-testid="portal-results" className="panel">
        <h2 id="portal-results-heading">Ergebnis</h2>
        <Empty testId="portal-empty">Für diese Abfrage gibt es im Portal-Protokoll der letzten 90 Tage keine Zugriffe.</Empty>
      </section>
    );
  }
  const flagged = report.failedLoginsPerDay.filter((d) => d.flagged);
  return (
    <section aria-labelledby="portal-results-heading" data-testid="portal-results" className="panel">
      <h2 id="portal-results-heading">Ergebnis</h2>
      <p data-testid="portal-summary">
        {plural(report.records.length, 'Zugriff', 'Zugriffe')}: {report.actions.map((a) => `${a.count} × ${PORTAL_ACTION_LABELS[a.action]}`).join(', ')}
        {report.truncated && ' · Ergebnis gekürzt: bitte den Zeitraum eingrenzen'}
      </p>
      <div className="officer-columns">
        <table className="desk-table officer-table" data-testid="portal-failed-logins">
          <caption>
            Fehlgeschlagene Anmeldungen: Tage mit {report.failedLoginThreshold} oder mehr je Kundennummer
          </caption>
          <thead>
            <tr>
              <th scope="col">Tag</th>
              <th scope="col">Kundennummer</th>
              <th scope="col">Fehlversuche</th>
            </tr>
          </thead>
          <tbody>
            {flagged.length === 0 ? (
              <tr>
                <td colSpan={3}>Kein Tag mit auffällig vielen Fehlversuchen.</td>
              </tr>
            ) : (
              flagged.map((d) => (
                <tr key={`${d.date}-${d.customerNumber}`}>
                  <td>{formatLocalDate(d.date)}</td>
                  <td className="mono">{d.customerNumber}</td>
                  <td>{d.failed}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
        <table className="desk-table officer-table" data-testid="portal-many-addresses">
          <caption>Anmeldungen von {report.manyAddressesThreshold} oder mehr Adressen</caption>
          <thead>
            <tr>
              <th scope="col">Kundennummer</th>
              <th scope="col">Adressen</th>
              <th scope="col">Anmeldungen</th>
            </tr>
          </thead>
          <tbody>
            {report.loginsFromManyAddresses.length === 0 ? (
              <tr>
                <td colSpan={3}>Keine Kundennummer mit Anmeldungen von vielen Adressen.</td>
              </tr>
            ) : (
              report.loginsFromManyAddresses.map((c) => (
                <tr key={c.customerNumber}>
                  <td className="mono">{c.customerNumber}</td>
                  <td>{c.addresses}</td>
                  <td>{c.logins}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
        <table className="desk-table officer-table" data-testid="portal-shared-addresses">
          <caption>Von mehreren Kundennummern genutzte Adressen</caption>
          <thead>
            <tr>
              <th scope="col">IP-Adresse</th>
              <th scope="col">Kundennummern</th>
              <th scope="col">Zugriffe</th>
            </tr>
          </thead>
          <tbody>
            {report.sharedAddresses.length === 0 ? (
              <tr>
                <td colSpan={3}>Keine Adresse wurde von mehreren Kundennummern genutzt.</td>
              </tr>
            ) : (
              report.sharedAddresses.map((a) => (
                <tr key={a.ip}>
                  <td className="mono">{a.ip}</td>
                  <td className="mono">{a.customers.join(', ')}</td>
                  <td>{a.records}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <h3 id="portal-records-heading">Zugriffe</h3>
      <DataTable
        labelledBy="portal-records-heading"
        testId="portal-records"
        columns={recordColumns}
        data={report.records}
        getRowId={(r) => r.id}
        initialSorting={[{ id: 'at', desc: false }]}
        virtualizeAbove={200}
      />
    </section>
  );
}
