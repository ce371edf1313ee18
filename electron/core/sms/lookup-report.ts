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

export interface DaySends {
  date: string;
  customerNumber: string;
  sends: number;
  overQuota: boolean;
}

/**
 * Sends per Berlin day and customer: the free quota is per customer, so an address or range
 * lookup (many customers) counts each one on its own, never their total.
 */
export function perDay(records: readonly SmsRecord[]): DaySends[] {
  const counts = new Map<string, DaySends>();
  for (const r of records) {
    const date = berlinDate(new Date(r.sentAt));
    const key = `${date} ${r.customerNumber}`;
    const row = counts.get(key) ?? { date, customerNumber: r.customerNumber, sends: 0, overQuota: false };
    row.sends += 1;
    row.overQuota = row.sends > FREE_SMS_PER_DAY;
    counts.set(key, row);
  }
  return [...counts.values()].sort((a, b) => a.date.localeCompare(b.date) || a.customerNumber.localeCompare(b.customerNumber));
}

/** Days on which at least one customer went over the quota, and how many customers ever did. */
export function quotaSummary(days: readonly DaySends[]): { daysOverQuota: number; customersOverQuota: number } {
  const over = days.filter((d) => d.overQuota);
  return { daysOverQuota: new Set(over.map((d) => d.date)).size, customersOverQuota: new Set(over.map((d) => d.customerNumber)).size };
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
