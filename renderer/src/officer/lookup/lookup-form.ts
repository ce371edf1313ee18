// The lookup form's fields turned into a query the core accepts, with German messages for what
// is missing. The core validates again; this only spares a round trip.
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
  purpose: string;
}

export const EMPTY_FIELDS: LookupFields = { by: 'customer', value: '', from: '', to: '', caseRef: '', purpose: '' };

export function toLookupQuery(f: LookupFields): { query: SmsLookupQuery } | { problem: string } {
  const value = f.value.trim();
  if (f.caseRef.trim().length < 3) return { problem: 'Bitte die Fallnummer (Aktenzeichen) angeben.' };
  if (f.purpose.trim().length < 3) return { problem: 'Bitte den Zweck der Abfrage angeben.' };
  if (f.by === 'customer' && !/^\d{1,20}$/.test(value)) return { problem: 'Die Kundennummer besteht nur aus Ziffern.' };
  if (f.by === 'ip' && value.length < 2) return { problem: 'Bitte eine IP-Adresse oder ein Netz (CIDR) angeben.' };
  if (f.by === 'ip') {
    // The contract's own check, so the form says at once what the core would refuse.
    const ip = IpLookupRange.safeParse(value);
    if (!ip.success) return { problem: ip.error.issues[0]?.message ?? 'Ungültige IP-Adresse.' };
  }
  if (f.from && f.to && f.from > f.to) return { problem: 'Zeitraum: „von“ liegt nach „bis“.' };
  return {
    query: {
      ...(f.by === 'customer' ? { customerNumber: value } : { ip: value }),
      ...(f.from ? { from: f.from } : {}),
      ...(f.to ? { to: f.to } : {}),
      caseRef: f.caseRef.trim(),
      purpose: f.purpose.trim(),
    },
  };
}
