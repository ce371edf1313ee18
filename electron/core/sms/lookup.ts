// SMS misuse lookup for the data-protection officer and supervisors: by customer number or by
// IP address / CIDR range, within a time range. Every lookup is audited with a keyed hash of
// the query, never its clear value.
import { and, asc, eq, gte, inArray, lt, lte, ne } from 'drizzle-orm';
import type { ChannelInput } from '../../../shared/contract';
import type { SmsLookupResult } from '../../../shared/views';
import { appendAudit, keyedHash } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { DeskDb } from '../db/open';
import { smsLog } from '../db/schema';
import { DeskError } from '../desk-error';
import { berlinDate, berlinDayStart } from '../time/berlin';
import { ipKey, ipKeyRange, isIpOrCidr } from './ip-key';

export const FREE_SMS_PER_DAY = 5;
const MAX_RECORDS = 10_000;

export function lookupSms(db: DeskDb, clock: Clock, actor: string, query: ChannelInput<'sms.lookup'>): SmsLookupResult {
  if (query.ip !== undefined && !isIpOrCidr(query.ip)) {
    throw new DeskError('invalid_input', `„${query.ip}“ ist keine gültige IP-Adresse und kein gültiges Netz (CIDR).`);
  }
  const range = [
    ...(query.from ? [gte(smsLog.sentAt, berlinDayStart(query.from))] : []),
    ...(query.to ? [lt(smsLog.sentAt, berlinDayStart(query.to, 1))] : []),
  ];
  const subject =
    query.customerNumber !== undefined
      ? eq(smsLog.customerNumber, query.customerNumber)
      : (() => {
          const { low, high } = ipKeyRange(query.ip!);
          return and(gte(smsLog.ipKey, low), lte(smsLog.ipKey, high));
        })();
  const records = db
    .select({ id: smsLog.id, customerNumber: smsLog.customerNumber, sentAt: smsLog.sentAt, ip: smsLog.ip })
    .from(smsLog)
    .where(and(subject, ...range))
    .orderBy(asc(smsLog.sentAt))
    .limit(MAX_RECORDS)
    .all();

  const perDayCounts = new Map<string, number>();
  for (const r of records) {
    const day = berlinDate(new Date(r.sentAt));
    perDayCounts.set(day, (perDayCounts.get(day) ?? 0) + 1);
  }
  const ips = [...new Set(records.map((r) => r.ip))];
  // By customer: who else sent from the same addresses (by ip_key: that column is indexed). By IP: every customer seen there.
  const otherCustomers =
    query.customerNumber === undefined
      ? [...new Set(records.map((r) => r.customerNumber))]
      : ips.length === 0
        ? []
        : db
            .selectDistinct({ customerNumber: smsLog.customerNumber })
            .from(smsLog)
            .where(and(inArray(smsLog.ipKey, ips.map(ipKey)), ne(smsLog.customerNumber, query.customerNumber), ...range))
            .all()
            .map((r) => r.customerNumber);

  appendAudit(db, clock, {
    actor,
    action: 'sms.lookup',
    subject: query.caseRef,
    details: {
      by: query.customerNumber !== undefined ? 'customer' : 'ip',
      query: keyedHash(db, query.customerNumber ?? query.ip ?? ''),
      purpose: keyedHash(db, query.purpose),
      from: query.from ?? null,
      to: query.to ?? null,
      results: records.length,
    },
  });
  return {
    records,
    perDay: [...perDayCounts].map(([date, sends]) => ({ date, sends, overQuota: sends > FREE_SMS_PER_DAY })),
    ips,
    otherCustomers: otherCustomers.sort(),
    freeQuotaPerDay: FREE_SMS_PER_DAY,
  };
}
