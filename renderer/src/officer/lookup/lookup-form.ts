// The lookup form's fields turned into a query the core accepts, with a German message next to
// each field that is wrong. The core validates again; this only spares a round trip.
import { SMS_RETENTION_DAYS, type LookupPurpose } from '../../../../shared/domain';
import { IpLookupRange, MIN_LOOKUP_PREFIX } from '../../../../shared/ip-range';
import type { SmsLookupQuery } from '../../services/officer';

/** What the form says about the address field: the strict forms and the widest network. */
export const IP_FIELD_HINT = `IPv4 als a.b.c.d, IPv6 wie 2001:db8::1; Netze höchstens /${MIN_LOOKUP_PREFIX.ipv4} (IPv4) bzw. /${MIN_LOOKUP_PREFIX.ipv6} (IPv6).`;

export interface LookupFields {
  by: 'customer' | 'ip';
  value: string;
  from: string;
  to: string;
  caseRef: string;
  purposeCategory: LookupPurpose | '';
  purpose: string;
}

export type LookupProblems = Partial<Record<keyof LookupFields, string>>;

export const EMPTY_FIELDS: LookupFields = { by: 'customer', value: '', from: '', to: '', caseRef: '', purposeCategory: '', purpose: '' };

const german = (iso: string) => iso.split('-').reverse().join('.');

function shiftDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** `today`: the Berlin date; the log reaches back 90 days from it. */
export function toLookupQuery(f: LookupFields, today: string, log = 'Das SMS-Protokoll'): { query: SmsLookupQuery } | { problems: LookupProblems } {
  const value = f.value.trim();
  const problems: LookupProblems = {};
  const first = shiftDays(today, -SMS_RETENTION_DAYS + 1);
  if (f.by === 'customer' && !/^\d{1,20}$/.test(value)) problems.value = 'Die Kundennummer besteht nur aus Ziffern (höchstens 20).';
  if (f.by === 'ip' && value.length < 2) problems.value = 'Bitte eine IP-Adresse oder ein Netz (CIDR) angeben.';
  else if (f.by === 'ip') {
    // The contract's own check, so the form says at once what the core would refuse.
    const ip = IpLookupRange.safeParse(value);
    if (!ip.success) problems.value = ip.error.issues[0]?.message ?? 'Ungültige IP-Adresse.';
  }
  for (const key of ['from', 'to'] as const) {
    if (f[key] && f[key] < first) problems[key] = `${log} reicht ${SMS_RETENTION_DAYS} Tage zurück: frühestens ${german(first)}. Ältere Datensätze gibt es nur, wo eine Sicherung sie hält.`;
    else if (f[key] && f[key] > today) problems[key] = `Höchstens bis heute (${german(today)}).`;
  }
  if (f.from && f.to && f.from > f.to && !problems.to) problems.to = '„Bis“ liegt vor „Von“.';
  if (f.caseRef.trim().length < 3) problems.caseRef = 'Bitte die Fallnummer (Aktenzeichen) angeben.';
  if (f.caseRef.length > 100) problems.caseRef = `Höchstens 100 Zeichen; jetzt ${f.caseRef.length}.`;
  if (!f.purposeCategory) problems.purposeCategory = 'Bitte den Zweck der Abfrage wählen.';
  if (f.purpose.trim().length < 3) problems.purpose = 'Bitte den Anlass kurz beschreiben (wird nur verschlüsselt protokolliert).';
  if (f.purpose.length > 500) problems.purpose = `Höchstens 500 Zeichen; jetzt ${f.purpose.length}.`;
  if (Object.keys(problems).length > 0 || !f.purposeCategory) return { problems };
  return {
    query: {
      ...(f.by === 'customer' ? { customerNumber: value } : { ip: value }),
      ...(f.from ? { from: f.from } : {}),
      ...(f.to ? { to: f.to } : {}),
      caseRef: f.caseRef.trim(),
      purposeCategory: f.purposeCategory,
      purpose: f.purpose.trim(),
    },
  };
}
