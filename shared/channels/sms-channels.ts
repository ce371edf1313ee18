// The SMS log: misuse lookup for the data-protection officer and supervisors.
import { z } from 'zod';
import { SmsLookupReport } from '../officer-views';
import { LookupPurpose } from '../domain';
import { IpLookupRange } from '../ip-range';
import { CustomerNumber, LocalDate } from '../wire';
import { channel } from './channel';

export const SmsLookupInput = z
  .object({
    customerNumber: CustomerNumber.optional(),
    /** One address, or a CIDR range (IPv4 or IPv6) no wider than MIN_LOOKUP_PREFIX. */
    ip: IpLookupRange.optional(),
    from: LocalDate.optional(),
    to: LocalDate.optional(),
    caseRef: z.string().trim().min(3, 'Aktenzeichen/Fallnummer fehlt').max(100),
    /** From a fixed list, readable in the audit log; optional for older clients (the CLI's --purpose text). */
    purposeCategory: LookupPurpose.optional(),
    purpose: z.string().trim().min(3, 'Zweck der Abfrage fehlt').max(500),
  })
  .strict()
  .refine((q) => (q.customerNumber === undefined) !== (q.ip === undefined), {
    message: 'Entweder eine Kundennummer oder eine IP-Adresse/ein Netz angeben',
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'Zeitraum: „von“ liegt nach „bis“' });

export const smsChannels = {
  'sms.lookup': channel(SmsLookupInput, SmsLookupReport, ['dpo', 'supervisor']),
} as const;
