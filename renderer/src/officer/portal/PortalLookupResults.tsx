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
        {(report.restricted ?? 0) > 0 && <span data-testid="portal-restricted">{` · ${plural(report.restricted ?? 0, 'weiterer Zugriff ist', 'weitere Zugriffe sind')} eingeschränkt (Art. 18 DSGVO) und nicht angezeigt`}</span>}
      </p>
      <div className="officer-columns">
        <FindingsTable
          testId="portal-failed-logins"
          caption={`Fehlgeschlagene Anmeldungen: Tage mit ${report.failedLoginThreshold} oder mehr je Kundennummer`}
          headers={['Tag', 'Kundennummer', 'Fehlversuche']}
          empty="Kein Tag mit auffällig vielen Fehlversuchen."
          rows={flagged.map((d) => ({ key: `${d.date}-${d.customerNumber}`, cells: [formatLocalDate(d.date), { mono: d.customerNumber }, d.failed] }))}
        />
        <FindingsTable
          testId="portal-many-addresses"
          caption={`Anmeldungen von ${report.manyAddressesThreshold} oder mehr Adressen`}
          headers={['Kundennummer', 'Adressen', 'Anmeldungen']}
          empty="Keine Kundennummer mit Anmeldungen von vielen Adressen."
          rows={report.loginsFromManyAddresses.map((c) => ({ key: c.customerNumber, cells: [{ mono: c.customerNumber }, c.addresses, c.logins] }))}
        />
        <FindingsTable
          testId="portal-shared-addresses"
          caption="Von mehreren Kundennummern genutzte Adressen"
          headers={['IP-Adresse', 'Kundennummern', 'Zugriffe']}
          empty="Keine Adresse wurde von mehreren Kundennummern genutzt."
          rows={report.sharedAddresses.map((a) => ({ key: a.ip, cells: [{ mono: a.ip }, { mono: a.customers.join(', ') }, a.records] }))}
        />
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

/** A cell's value; `{ mono }` for numbers and addresses read digit by digit. */
type Cell = string | number | { mono: string };

/** One of the findings: a small table with its caption, or one row saying there is nothing. */
function FindingsTable({ testId, caption, headers, empty, rows }: { testId: string; caption: string; headers: string[]; empty: string; rows: { key: string; cells: Cell[] }[] }) {
  return (
    <table className="desk-table officer-table" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {headers.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={headers.length}>{empty}</td>
          </tr>
        ) : (
          rows.map((row) => (
            <tr key={row.key}>
              {row.cells.map((cell, i) =>
                typeof cell === 'object' ? (
                  <td key={i} className="mono">
                    {cell.mono}
                  </td>
                ) : (
                  <td key={i}>{cell}</td>
                ),
              )}
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
