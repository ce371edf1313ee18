// SMS misuse lookup for the data-protection officer and supervisors: by customer number or by
// IP address / CIDR range, within a time range. Every lookup is audited with a keyed hash of
// the query, never its clear value. It reads only the synced log and never reaches further
// back than the log's 90 days, even before the sweep has removed older records.
import { and, asc, eq, gte, inArray, lt, lte, ne } from 'drizzle-orm';
import type { ChannelInput } from '../../../shared/contract';
import { SMS_RETENTION_DAYS } from '../../../shared/domain';
import type { SmsLookupReport } from '../../../shared/officer-views';
import { auditLookup } from '../audit/lookup-audit';
import type { Clock } from '../clock';
import type { DeskDb } from '../db/open';
import { smsLog } from '../db/schema';
import { DeskError } from '../desk-error';
import { berlinDate, berlinDayStart } from '../time/berlin';
import { isRestrictedHere } from '../officer/subject-rights-feed';
import { ipKey, ipKeyRange } from './ip-key';
import { FREE_SMS_PER_DAY, ipUsage, perDay, quotaSummary } from './lookup-report';

export { FREE_SMS_PER_DAY } from './lookup-report';
const MAX_RECORDS = 10_000;
const DAY_MS = 86_400_000;

export function lookupSms(db: DeskDb, clock: Clock, actor: string, query: ChannelInput<'sms.lookup'>): SmsLookupReport {
  // Checked before anything is read or audited (the channel's schema did it too; this is the core's own word).
  const ipRange = query.ip === undefined ? null : ipKeyRange(query.ip.trim());
  const windowStart = new Date(clock().getTime() - SMS_RETENTION_DAYS * DAY_MS).toISOString();
  refuseOutsideRetention(query, windowStart, clock(), 'Das SMS-Protokoll');
  const from = query.from && berlinDayStart(query.from) > windowStart ? berlinDayStart(query.from) : windowStart;
  const range = [gte(smsLog.sentAt, from), ...(query.to ? [lt(smsLog.sentAt, berlinDayStart(query.to, 1))] : [])];
  const subject =
    query.customerNumber !== undefined
      ? eq(smsLog.customerNumber, query.customerNumber)
      : and(gte(smsLog.ipKey, ipRange!.low), lte(smsLog.ipKey, ipRange!.high));
  const matched = db
    .select({ id: smsLog.id, customerNumber: smsLog.customerNumber, sentAt: smsLog.sentAt, ip: smsLog.ip })
    .from(smsLog)
    .where(and(subject, ...range))
    .orderBy(asc(smsLog.sentAt))
    .limit(MAX_RECORDS + 1)
    .all();
  const truncated = matched.length > MAX_RECORDS;
  // Issue 17 part 5 (Art. 18): restricted sends are not shown, only counted, so the lookup says they exist.
  const shown = truncated ? matched.slice(0, MAX_RECORDS) : matched;
  const records = shown.filter((r) => !isRestrictedHere(db, 'sms', r.id));
  const ips = [...new Set(records.map((r) => r.ip))];
  // By customer: who else sent from the same addresses (by ip_key: that column is indexed). By IP: every customer seen there.
  const seen =
    query.customerNumber === undefined
      ? records
      : ips.length === 0
        ? []
        : db
            .selectDistinct({ ip: smsLog.ip, customerNumber: smsLog.customerNumber })
            .from(smsLog)
            .where(and(inArray(smsLog.ipKey, ips.map(ipKey)), ne(smsLog.customerNumber, query.customerNumber), ...range))
            .all();

  auditLookup(db, clock, actor, 'sms.lookup', query, records.length);
  const days = perDay(records);
  return {
    records,
    perDay: days,
    ...quotaSummary(days),
    ips,
    ipUsage: ipUsage(records, seen, query.customerNumber),
    otherCustomers: [...new Set(seen.map((s) => s.customerNumber))].filter((c) => c !== query.customerNumber).sort(),
    freeQuotaPerDay: FREE_SMS_PER_DAY,
    windowStart,
    truncated,
    restricted: shown.length - records.length,
  };
}

/** The log keeps 90 days: a period reaching before that (or into the future) is refused, not silently cut. */
export function refuseOutsideRetention(query: Pick<ChannelInput<'sms.lookup'>, 'from' | 'to'>, windowStart: string, now: Date, log: string): void {
  const first = berlinDate(new Date(windowStart));
  const today = berlinDate(now);
  const german = (d: string) => d.split('-').reverse().join('.');
  for (const date of [query.from, query.to]) {
    if (date !== undefined && date < first) {
      throw new DeskError('invalid_input', `${log} reicht ${SMS_RETENTION_DAYS} Tage zurück, also bis ${german(first)}. Ältere Datensätze gibt es nur, wo eine Sicherung sie hält.`);
    }
    if (date !== undefined && date > today) throw new DeskError('invalid_input', `Der Zeitraum darf nicht nach heute (${german(today)}) liegen.`);
  }
}
