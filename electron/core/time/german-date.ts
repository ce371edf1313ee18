// Dates as German readers write them, for text the core produces (messages, PDFs, exports):
// "01.12.2026" in running text and tables, "1. Dezember 2026" in a letter's date line. Never the
// wire's ISO form "2026-12-01", which reads as a technical value.
import { berlinDate } from './berlin';

const MONTHS = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: string): [string, string, string] {
  const match = ISO_DATE.exec(date);
  if (!match) throw new Error(`not a calendar date: ${date}`);
  return [match[1]!, match[2]!, match[3]!];
}

/** "2026-12-01" → "01.12.2026". */
export function germanDate(date: string): string {
  const [y, m, d] = parts(date);
  return `${d}.${m}.${y}`;
}

/** "2026-12-01" → "1. Dezember 2026". */
export function germanLongDate(date: string): string {
  const [y, m, d] = parts(date);
  return `${Number(d)}. ${MONTHS[Number(m) - 1]} ${y}`;
}

/** The Berlin calendar day of an instant, written out: "1. Dezember 2026". */
export function berlinLongDate(at: Date): string {
  return germanLongDate(berlinDate(at));
}
