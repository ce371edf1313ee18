// Primitive wire formats of SYNC_API.md: RFC 3339 UTC instants, Berlin dates and clock times.
import { z } from 'zod';

export const Uuid = z.uuid();
export const Instant = z.iso.datetime({ offset: false });
export const LocalDate = z.iso.date();
export const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM erwartet');
export const TimeWindow = z
  .object({ from: ClockTime, to: ClockTime })
  .refine((w) => w.from < w.to, { message: 'Zeitfenster: Beginn muss vor Ende liegen' });
export type TimeWindow = z.infer<typeof TimeWindow>;

/** Customer numbers are digits only. */
export const CustomerNumber = z.string().regex(/^\d{1,20}$/, 'Kundennummer: nur Ziffern');
/**
 * An address in strict text form (the rules and the key space: ip-range.ts): IPv4 as a dotted
 * quad without leading zeros, IPv6 as RFC 4291 writes it (checked with the WHATWG URL parser).
 */
export const IpAddress = z.union([z.ipv4(), z.ipv6()], { error: 'IP-Adresse: IPv4 als a.b.c.d ohne führende Nullen, oder IPv6' });
