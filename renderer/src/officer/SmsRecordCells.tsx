// The three columns of an SMS log record, the same in the lookup's results and a disclosure.
import { formatDateTime } from '../format/datetime';

export function SmsRecordHeaders() {
  return (
    <>
      <th scope="col">Versandzeit</th>
      <th scope="col">Kundennummer</th>
      <th scope="col">IP-Adresse</th>
    </>
  );
}

export function SmsRecordCells({ record }: { record: { sentAt: string; customerNumber: string; ip: string } }) {
  return (
    <>
      <td>{formatDateTime(record.sentAt)}</td>
      <td className="mono">{record.customerNumber}</td>
      <td className="mono">{record.ip}</td>
    </>
  );
}
