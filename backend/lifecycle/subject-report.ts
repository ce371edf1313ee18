// The Auskunft / Datenübertragbarkeit of a marked case (issue 17, part 3): assembled from the hits
// the officer INCLUDED (excluded and undecided ones are not in it), each read again from its
// source so it holds what the backend holds now, plus the Art. 15(1) a-h information. Only the
// dpo holding the case, only for an Auskunft or Datenübertragbarkeit. The backend records when it
// was produced and sent (subject_reports), never its content.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { type Department, type PortalAction, type RequestKind, type RetentionReason } from '../../shared/domain';
import { REPORT_TYPES, SUBJECT_REPORT_FORMAT, SUBJECT_REPORT_VERSION, type ReportCategory, type SubjectReport, type SubjectReportState } from '../../shared/subject-report';
import { type BackendDb, type Tx } from '../db/database';
import { feedEvents, portalAccess, requests, smsLog, subjectHits, subjectReports, subjectRequests } from '../db/schema';
import { berlinDay, dayToIsoDate, wireInstant } from '../time';
import { type Caller } from './caller';
import { readRulesInForce } from './rules';
import { heldSubjectCase, type RequestRow } from './subject-case';
import { disclosuresById, ownRecordsOf } from './subject-find-disclosures';
import { REPORT_CONTROLLER, reportInformation } from './subject-report-info';

export type ReportRefusal = 'not_found' | 'forbidden' | 'not_owner' | 'not_marked' | 'not_report_type' | 'nothing_included' | 'already_sent' | 'not_produced';
export type ReportOutcome<T> = { status: 'ok'; value: T } | { status: ReportRefusal } | { status: 'invalid'; detail: string };

type ReportRow = typeof subjectReports.$inferSelect;

export function reportState(row: ReportRow): SubjectReportState {
  return {
    requestId: row.requestId,
    producedAt: wireInstant(row.producedAt),
    producedBy: row.producedByName,
    items: row.items,
    sentOn: row.sentOn,
    sentBy: row.sentByName,
    sentRecordedAt: row.sentRecordedAt ? wireInstant(row.sentRecordedAt) : null,
  };
}

/** The marked case the caller holds, as an Auskunft or Datenübertragbarkeit. */
async function reportCase(tx: Tx, caller: Caller, requestId: string): Promise<{ status: 'ok'; row: RequestRow; type: SubjectReport['type'] } | { status: ReportRefusal }> {
  const gate = await heldSubjectCase(tx, caller, requestId);
  if (gate.status !== 'ok') return gate;
  const [marked] = await tx.select({ type: subjectRequests.type }).from(subjectRequests).where(eq(subjectRequests.requestId, requestId));
  if (!marked) return { status: 'not_marked' };
  const type = REPORT_TYPES.find((t) => t === marked.type);
  return type ? { status: 'ok', row: gate.row, type } : { status: 'not_report_type' };
}

const idsOf = (hitIds: readonly string[], source: string) => hitIds.filter((h) => h.startsWith(`${source}:`)).map((h) => h.slice(source.length + 1));

async function forwardedTo(tx: Tx, requestIds: readonly string[]): Promise<Map<string, Department[]>> {
  const out = new Map<string, Department[]>();
  if (requestIds.length === 0) return out;
  const events = await tx
    .select({ data: feedEvents.data })
    .from(feedEvents)
    .where(and(eq(feedEvents.type, 'request.forwarded'), inArray(sql<string>`${feedEvents.data}->>'requestId'`, [...requestIds])))
    .orderBy(asc(feedEvents.seq));
  for (const { data } of events) {
    const { requestId, department } = data as { requestId: string; department: Department };
    const list = out.get(requestId) ?? [];
    if (!list.includes(department)) list.push(department);
    out.set(requestId, list);
  }
  return out;
}

async function assemble(tx: Tx, caseRow: RequestRow, type: SubjectReport['type'], caller: Caller, now: Date): Promise<SubjectReport> {
  const { id: requestId } = caseRow;
  const found = await tx.select({ hitId: subjectHits.hitId, decision: subjectHits.decision }).from(subjectHits).where(eq(subjectHits.requestId, requestId));
  const included = found.filter((h) => h.decision === 'include').map((h) => h.hitId);
  const requestIds = idsOf(included, 'request');
  const smsIds = idsOf(included, 'sms');
  const portalIds = idsOf(included, 'portal');
  // Only requests that still hold personal data: a tombstone has nothing of the person left.
  const requestRows = requestIds.length ? (await tx.select().from(requests).where(inArray(requests.id, requestIds)).orderBy(asc(requests.receivedAt))).filter((r) => r.name !== null) : [];
  const forwards = await forwardedTo(tx, requestRows.map((r) => r.id));
  const sms = smsIds.length ? await tx.select().from(smsLog).where(inArray(smsLog.id, smsIds)).orderBy(asc(smsLog.sentAt)) : [];
  const portal = portalIds.length ? await tx.select().from(portalAccess).where(inArray(portalAccess.id, portalIds)).orderBy(asc(portalAccess.at)) : [];
  // The person's records in a package: those a search of this case found by their customer number.
  const ownSms = new Set(idsOf(found.map((h) => h.hitId), 'sms'));
  const disclosureRows = (await disclosuresById(tx, idsOf(included, 'disclosure'))).map((row) => ({ row, own: ownRecordsOf(row, ownSms) })).filter((d) => d.own.length > 0);
  const smsValues = new Map(
    (await (disclosureRows.length ? tx.select().from(smsLog).where(inArray(smsLog.id, disclosureRows.flatMap((d) => d.own))) : Promise.resolve([]))).map((r) => [r.id, r]),
  );

  const data: SubjectReport['data'] = {
    requests: requestRows.map((r) => ({
      reference: r.reference,
      kind: r.kind as RequestKind,
      receivedAt: wireInstant(r.receivedAt),
      status: r.status,
      salutation: r.salutation,
      name: r.name,
      email: r.email,
      phone: r.phone,
      subject: r.subject,
      message: r.message,
      preferredDate: r.preferredDate,
      consentNoticeVersion: r.consentNoticeVersion,
      consentAt: r.consentAt ? wireInstant(r.consentAt) : null,
      closedAt: r.closedAt ? wireInstant(r.closedAt) : null,
      retentionReason: r.retentionReason as RetentionReason | null,
      retainedUntil: r.retainedUntil,
      forwardedTo: forwards.get(r.id) ?? [],
    })),
    sms: sms.map((r) => ({ customerNumber: r.customerNumber, sentAt: wireInstant(r.sentAt), ip: r.ip })),
    portal: portal.map((r) => ({ customerNumber: r.customerNumber, at: wireInstant(r.at), ip: r.ip, action: r.action as PortalAction })),
    disclosures: disclosureRows.map(({ row, own }) => ({
      authority: row.authority,
      caseRef: row.caseRef,
      legalBasis: row.legalBasis,
      requestedAt: wireInstant(row.requestedAt),
      status: row.status as 'requested' | 'approved' | 'rejected',
      decidedAt: row.decidedAt ? wireInstant(row.decidedAt) : null,
      // A record purged from the log since is still named as disclosed, without its values.
      records: own.map((id) => {
        const value = smsValues.get(id);
        return { sentAt: value ? wireInstant(value.sentAt) : null, ip: value?.ip ?? null };
      }),
    })),
  };
  const present = (['requests', 'sms', 'portal', 'disclosures'] as const).filter((c): c is ReportCategory => data[c].length > 0);
  // Only an approved package actually went to the authority: a requested or rejected one names no recipient.
  const authorities = [...new Set(data.disclosures.filter((d) => d.status === 'approved').map((d) => d.authority))];
  const departments = [...new Set(data.requests.flatMap((r) => r.forwardedTo))];
  return {
    format: SUBJECT_REPORT_FORMAT,
    version: SUBJECT_REPORT_VERSION,
    requestId,
    caseReference: caseRow.reference,
    type,
    producedAt: wireInstant(now),
    producedBy: caller.user.displayName,
    controller: { ...REPORT_CONTROLLER },
    addressee: { salutation: caseRow.salutation, name: caseRow.name },
    data,
    information: reportInformation(await readRulesInForce(tx), present, { authorities, departments }),
  };
}

const itemCount = (report: SubjectReport) => Object.values(report.data).reduce((n, list) => n + list.length, 0);

export async function produceSubjectReport(db: BackendDb, caller: Caller, requestId: string, now: Date): Promise<ReportOutcome<SubjectReport>> {
  return db.transaction(async (tx) => {
    const gate = await reportCase(tx, caller, requestId);
    if (gate.status !== 'ok') return gate;
    const [known] = await tx.select().from(subjectReports).where(eq(subjectReports.requestId, requestId)).for('update');
    // Once sent, the proof period runs from that day: a new letter would need a new request.
    if (known?.sentOn) return { status: 'already_sent' };
    const report = await assemble(tx, gate.row, gate.type, caller, now);
    const items = itemCount(report);
    if (items === 0) return { status: 'nothing_included' };
    const row = { requestId, producedAt: now, producedBy: caller.user.id, producedByName: caller.user.displayName, items };
    await tx.insert(subjectReports).values(row).onConflictDoUpdate({ target: subjectReports.requestId, set: row });
    return { status: 'ok', value: report };
  });
}

export async function readSubjectReportState(db: BackendDb, caller: Caller, requestId: string): Promise<ReportOutcome<SubjectReportState | null>> {
  return db.transaction(async (tx) => {
    const gate = await reportCase(tx, caller, requestId);
    if (gate.status !== 'ok') return gate;
    const [row] = await tx.select().from(subjectReports).where(eq(subjectReports.requestId, requestId));
    return { status: 'ok', value: row ? reportState(row) : null };
  });
}

export async function markSubjectReportSent(db: BackendDb, caller: Caller, requestId: string, sentOn: string, now: Date): Promise<ReportOutcome<SubjectReportState>> {
  return db.transaction(async (tx) => {
    const gate = await reportCase(tx, caller, requestId);
    if (gate.status !== 'ok') return gate;
    const [row] = await tx.select().from(subjectReports).where(eq(subjectReports.requestId, requestId)).for('update');
    if (!row) return { status: 'not_produced' };
    const producedOn = dayToIsoDate(berlinDay(row.producedAt.getTime()));
    const today = dayToIsoDate(berlinDay(now.getTime()));
    if (sentOn > today || sentOn < producedOn) return { status: 'invalid', detail: 'sentOn must lie between the day the Auskunft was produced and today.' };
    // Sent once: the same day again is the same answer, another day is refused.
    if (row.sentOn) return row.sentOn === sentOn ? { status: 'ok', value: reportState(row) } : { status: 'already_sent' };
    const [updated] = await tx
      .update(subjectReports)
      .set({ sentOn, sentBy: caller.user.id, sentByName: caller.user.displayName, sentRecordedAt: now })
      .where(eq(subjectReports.requestId, requestId))
      .returning();
    return { status: 'ok', value: reportState(updated!) };
  });
}
