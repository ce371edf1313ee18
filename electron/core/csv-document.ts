// The one CSV writer of every export (Löschprotokoll, Prüfprotokoll, disclosures): papaparse with
// `;` and CRLF and a UTF-8 BOM, as spreadsheet programs on German desktops read them, and with
// formulae escaped: a cell that starts with =, +, -, @, tab or CR gets a leading apostrophe, so a
// value from the backend or typed by someone is shown as text and never runs as a formula.
import Papa from 'papaparse';

export function csvDocument(fields: readonly string[], rows: readonly (readonly string[])[]): Buffer {
  const text = Papa.unparse({ fields: [...fields], data: rows.map((row) => [...row]) }, { delimiter: ';', newline: '\r\n', escapeFormulae: true });
  return Buffer.from(`\uFEFF${text}\r\n`, 'utf8');
}
