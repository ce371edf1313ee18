// Portal access log lookup for the data-protection officer and supervisors (issue 15), like the
// SMS lookup: by customer number or address/range, within the log's 90 days, audited with the
// case reference, the purpose category in clear and the query and purpose text as keyed hashes.
import { and, asc, eq, gte, inArray, lt, lte, ne } from 'drizzle-orm';
import type { ChannelInput } from '../../../shared/contract';
import { SMS_RETENTION_DAYS, type PortalAction } from '../../../shared/domain';
import type { PortalLookupReport } from '../../../shared/officer-views';
import { auditLookup } from '../audit/lookup-audit';
import type { Clock } from '../clock';
import type { DeskDb } from '../db/open';
import { portalLog } from '../db/schema';
import { ipKey, ipKeyRange } from '../sms/ip-key';
import { refuseOutsideRetention } from '../sms/lookup';
import { berlinDayStart } from '../time/berlin';
import { actionCounts, FAILED_LOGIN_THRESHOLD, failedLoginsPerDay, loginsFromManyAddresses, MANY_ADDRESSES_THRESHOLD, sharedAddresses } from './portal-report';
import { isRestrictedHere } from '../officer/subject-rights-feed';

const MAX_RECORDS = 10_000;
const DAY_MS = 86_400_000;

export function lookupPortal(db: DeskDb, clock: Clock, actor: string, query: ChannelInput<'portal.lookup'>): PortalLookupReport {
  const ipRange = query.ip === undefined ? null : ipKeyRange(query.ip.trim());
  const windowStart = new Date(clock().getTime() - SMS_RETENTION_DAYS * DAY_MS).toISOString();
  refuseOutsideRetention(query, windowStart, clock(), 'Das Portal-Protokoll');
  const from = query.from && berlinDayStart(query.from) > windowStart ? berlinDayStart(query.from) : windowStart;
  const range = [gte(portalLog.at, from), ...(query.to ? [lt(portalLog.at, berlinDayStart(query.to, 1))] : [])];
  const subject =
    query.customerNumber !== undefined ? eq(portalLog.customerNumber, query.customerNumber) : and(gte(portalLog.ipKey, ipRange!.low), lte(portalLog.ipKey, ipRange!.high));
  const matched = db
    .select({ id: portalLog.id, customerNumber: portalLog.customerNumber, at: portalLog.at, ip: portalLog.ip, action: portalLog.action })
    .from(portalLog)
    .where(and(subject, ...range))
    .orderBy(asc(portalLog.at))
    .limit(MAX_RECORDS + 1)
    .all()
    .map((r) => ({ ...r, action: r.action as PortalAction }));
  const truncated = matched.length > MAX_RECORDS;
  // Issue 17 part 5 (Art. 18): restricted accesses are not shown, only counted.
  const shown = truncated ? matched.slice(0, MAX_RECORDS) : matched;
  const records = shown.filter((r) => !isRestrictedHere(db, 'portal', r.id));
  const ips = [...new Set(records.map((r) => r.ip))];
  // For a customer: who else used the same addresses in the period (ip_key is indexed).
  const seen =
    query.customerNumber === undefined || ips.length === 0
      ? []
      : db
          .selectDistinct({ ip: portalLog.ip, customerNumber: portalLog.customerNumber })
          .from(portalLog)
          .where(and(inArray(portalLog.ipKey, ips.map(ipKey)), ne(portalLog.customerNumber, query.customerNumber), ...range))
          .all();

  auditLookup(db, clock, actor, 'portal.lookup', query, records.length);
  return {
    records,
    actions: actionCounts(records),
    failedLoginsPerDay: failedLoginsPerDay(records),
    failedLoginThreshold: FAILED_LOGIN_THRESHOLD,
    loginsFromManyAddresses: loginsFromManyAddresses(records),
    manyAddressesThreshold: MANY_ADDRESSES_THRESHOLD,
    sharedAddresses: sharedAddresses(records, seen),
    windowStart,
    truncated,
    restricted: shown.length - records.length,
  };
}
