// Turns the matched SMS records into what the officer reads: sends per Berlin day against the
// free quota, the days over it, and per address the other customer numbers seen there.
import type { SmsIpUsage } from '../../../shared/officer-views';
import { berlinDate } from '../time/berlin';

export const FREE_SMS_PER_DAY = 5;

export interface SmsRecord {
  id: string;
  customerNumber: string;
  sentAt: string;
  ip: string;
}

export function perDay(records: readonly SmsRecord[]): { date: string; sends: number; overQuota: boolean }[] {
  const counts = new Map<string, number>();
  for (const r of records) {
    const day = berlinDate(new Date(r.sentAt));
    counts.set(day, (counts.get(day) ?? 0) + 1);
  }
  return [...counts].map(([date, sends]) => ({ date, sends, overQuota: sends > FREE_SMS_PER_DAY }));
}

/**
 * `seen` pairs an address with a customer number seen there (for a customer lookup: the others,
 * from the same addresses; for an address lookup: the records themselves).
 */
export function ipUsage(records: readonly SmsRecord[], seen: readonly { ip: string; customerNumber: string }[], exclude?: string): SmsIpUsage[] {
  const sends = new Map<string, number>();
  const everyone = new Map<string, Set<string>>();
  const add = (ip: string, customer: string) => everyone.set(ip, (everyone.get(ip) ?? new Set<string>()).add(customer));
  for (const r of records) {
    sends.set(r.ip, (sends.get(r.ip) ?? 0) + 1);
    add(r.ip, r.customerNumber);
  }
  for (const { ip, customerNumber } of seen) add(ip, customerNumber);
  return [...sends]
    .map(([ip, n]) => {
      const customers = everyone.get(ip) ?? new Set<string>();
      return { ip, sends: n, otherCustomers: [...customers].filter((c) => c !== exclude).sort(), shared: customers.size > 1 };
    })
    .sort((a, b) => b.sends - a.sends || a.ip.localeCompare(b.ip));
}
