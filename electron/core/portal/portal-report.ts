// Turns matched portal access records into what an officer looks for in a portal log: failed
// logins per day (password guessing), customers logging in from many addresses (a shared or
// stolen access), and addresses used by more than one customer.
import type { PortalLookupReport, PortalRecord } from '../../../shared/officer-views';
import { PORTAL_ACTIONS } from '../../../shared/domain';
import { berlinDate } from '../time/berlin';

/** From this many failed logins of one customer on one day, the day is flagged. */
export const FAILED_LOGIN_THRESHOLD = 5;
/** From this many distinct addresses of one customer's successful logins, the customer is listed. */
export const MANY_ADDRESSES_THRESHOLD = 3;

export function actionCounts(records: readonly PortalRecord[]): PortalLookupReport['actions'] {
  return PORTAL_ACTIONS.map((action) => ({ action, count: records.filter((r) => r.action === action).length })).filter((a) => a.count > 0);
}

export function failedLoginsPerDay(records: readonly PortalRecord[]): PortalLookupReport['failedLoginsPerDay'] {
  const counts = new Map<string, { date: string; customerNumber: string; failed: number }>();
  for (const r of records) {
    if (r.action !== 'login_failed') continue;
    const date = berlinDate(new Date(r.at));
    const key = `${date} ${r.customerNumber}`;
    const row = counts.get(key) ?? { date, customerNumber: r.customerNumber, failed: 0 };
    row.failed++;
    counts.set(key, row);
  }
  return [...counts.values()]
    .map((row) => ({ ...row, flagged: row.failed >= FAILED_LOGIN_THRESHOLD }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.customerNumber.localeCompare(b.customerNumber));
}

export function loginsFromManyAddresses(records: readonly PortalRecord[]): PortalLookupReport['loginsFromManyAddresses'] {
  const byCustomer = new Map<string, { addresses: Set<string>; logins: number }>();
  for (const r of records) {
    if (r.action !== 'login') continue;
    const entry = byCustomer.get(r.customerNumber) ?? { addresses: new Set<string>(), logins: 0 };
    entry.addresses.add(r.ip);
    entry.logins++;
    byCustomer.set(r.customerNumber, entry);
  }
  return [...byCustomer]
    .filter(([, e]) => e.addresses.size >= MANY_ADDRESSES_THRESHOLD)
    .map(([customerNumber, e]) => ({ customerNumber, addresses: e.addresses.size, logins: e.logins }))
    .sort((a, b) => b.addresses - a.addresses || a.customerNumber.localeCompare(b.customerNumber));
}

/**
 * Addresses with more than one customer: `seen` adds, for a customer lookup, the other customers
 * found at that customer's addresses (for an address lookup the records already hold everyone).
 */
export function sharedAddresses(records: readonly PortalRecord[], seen: readonly { ip: string; customerNumber: string }[]): PortalLookupReport['sharedAddresses'] {
  const byIp = new Map<string, { customers: Set<string>; records: number }>();
  const entry = (ip: string) => byIp.get(ip) ?? byIp.set(ip, { customers: new Set<string>(), records: 0 }).get(ip)!;
  for (const r of records) {
    const e = entry(r.ip);
    e.customers.add(r.customerNumber);
    e.records++;
  }
  for (const s of seen) if (byIp.has(s.ip)) entry(s.ip).customers.add(s.customerNumber);
  return [...byIp]
    .filter(([, e]) => e.customers.size > 1)
    .map(([ip, e]) => ({ ip, customers: [...e.customers].sort(), records: e.records }))
    .sort((a, b) => b.customers.length - a.customers.length || a.ip.localeCompare(b.ip));
}
