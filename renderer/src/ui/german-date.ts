// The desk's own date entry: German "dd.mm.yyyy" (also "d.m.yyyy"), whatever the browser's
// language, turned into the wire's YYYY-MM-DD. Never the browser's date input, which shows
// "mm/dd/yyyy" and English messages in an English browser.

const GERMAN = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export type GermanDateParse = { ok: true; iso: string } | { ok: false; message: string };

/** "01.12.2026" → "2026-12-01", or a German message saying what is wrong. */
export function parseGermanDate(text: string): GermanDateParse {
  const match = GERMAN.exec(text.trim());
  if (!match) return { ok: false, message: 'Bitte das Datum als TT.MM.JJJJ eingeben, z. B. 24.12.2026.' };
  const [, d, m, y] = match;
  const day = Number(d);
  const month = Number(m);
  const year = Number(y);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || probe.getUTCDate() !== day || probe.getUTCMonth() !== month - 1) {
    return { ok: false, message: `Den ${text.trim()} gibt es nicht.` };
  }
  return { ok: true, iso: `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}

/** "2026-12-01" → "01.12.2026"; anything else unchanged. */
export function formatGermanDate(iso: string | null | undefined): string {
  const match = iso ? ISO.exec(iso) : null;
  if (!match) return iso ?? '';
  const [, y, m, d] = match;
  return `${d}.${m}.${y}`;
}
