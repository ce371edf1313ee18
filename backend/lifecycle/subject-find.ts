// The Find (issue 17, item 2): what the service center holds about one person, searched at the
// backend by name, e-mail, phone and customer number, bound to the data-subject request case the
// caller holds. Sources: requests of every kind that still hold personal data (open, claimed,
// retained), the SMS log, the portal access log and (part 3) the disclosures register
// (subject-find-disclosures.ts). A hit carries only the person's own record: an SMS or
// portal record is selected by its own customer number, so other customers who used the same
// address never appear. Each search is audited in `subject_searches` with its terms only as keyed
// hashes; the hits found and the officer's decisions are kept with the case and go with its data.
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { type PortalAction, type RequestKind, type RetentionReason } from '../../shared/domain';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { SUBJECT_IDENTIFIERS, type HitDecision, type HitDecisionInput, type SubjectHit, type SubjectIdentifier, type SubjectRequestRecord, type SubjectSearchQuery, type SubjectSearchResult } from '../../shared/subject-requests';
import { type BackendDb, type Tx } from '../db/database';
import { meta, portalAccess, requests, smsLog, subjectHits, subjectRequests, subjectSearches } from '../db/schema';
import { wireInstant } from '../time';
import { type Caller } from './caller';
import { heldSubjectCase } from './subject-case';
import { findDisclosures } from './subject-find-disclosures';
import { forgetSubjectRightsTexts } from './subject-rights-forget';

export type FindOutcome<T> = { status: 'ok'; value: T } | { status: 'not_found' | 'forbidden' | 'not_owner' | 'not_marked' | 'unknown_hit' };

/** Names compare without case and with runs of white space as one blank, as people type them. */
const folded = (column: unknown) => sql`lower(regexp_replace(btrim(${column}), '\\s+', ' ', 'g'))`;
const foldName = (name: string) => name.replace(/\s+/g, ' ').trim().toLowerCase();

async function termKey(tx: Tx): Promise<Buffer> {
  await tx.insert(meta).values({ key: 'subject_search_key', value: randomBytes(32).toString('base64url') }).onConflictDoNothing();
  const [row] = await tx.select({ value: meta.value }).from(meta).where(eq(meta.key, 'subject_search_key'));
  return Buffer.from(row?.value ?? '', 'base64url');
}

async function findRequests(tx: Tx, query: SubjectSearchQuery): Promise<SubjectHit[]> {
  const conditions = [
    query.name ? sql`${folded(requests.name)} = ${foldName(query.name)}` : null,
    query.email ? sql`lower(${requests.email}) = ${query.email.toLowerCase()}` : null,
    query.phone ? sql`${requests.phone} = ${query.phone}` : null,
  ].filter((c) => c !== null);
  if (conditions.length === 0) return [];
  // Only rows that still hold personal data: a tombstone has nothing to give.
  const rows = await tx
    .select()
    .from(requests)
    .where(and(sql`${requests.name} IS NOT NULL`, sql`(${sql.join(conditions, sql` OR `)})`))
    .orderBy(asc(requests.receivedAt));
  return rows.map((row) => {
    const by: SubjectIdentifier[] = [];
    if (query.name && foldName(row.name ?? '') === foldName(query.name)) by.push('name');
    if (query.email && row.email?.toLowerCase() === query.email.toLowerCase()) by.push('email');
    if (query.phone && row.phone === query.phone) by.push('phone');
    return {
      id: `request:${row.id}`,
      source: 'request',
      matchedBy: by,
      requestId: row.id,
      kind: row.kind as RequestKind,
      reference: row.reference,
      receivedAt: wireInstant(row.receivedAt),
      status: row.status,
      retentionReason: row.retentionReason as RetentionReason | null,
      retainedUntil: row.retainedUntil,
      name: row.name,
      email: row.email,
      phone: row.phone,
      subject: row.subject,
    };
  });
}

async function findLogs(tx: Tx, customerNumber: string): Promise<SubjectHit[]> {
  const sms = await tx.select().from(smsLog).where(eq(smsLog.customerNumber, customerNumber)).orderBy(asc(smsLog.sentAt));
  const portal = await tx.select().from(portalAccess).where(eq(portalAccess.customerNumber, customerNumber)).orderBy(asc(portalAccess.at));
  return [
    ...sms.map((r): SubjectHit => ({ id: `sms:${r.id}`, source: 'sms', matchedBy: ['customerNumber'], customerNumber: r.customerNumber, sentAt: wireInstant(r.sentAt), ip: r.ip })),
    ...portal.map((r): SubjectHit => ({ id: `portal:${r.id}`, source: 'portal', matchedBy: ['customerNumber'], customerNumber: r.customerNumber, at: wireInstant(r.at), ip: r.ip, action: r.action as PortalAction })),
  ];
}

export async function searchSubject(db: BackendDb, caller: Caller, requestId: string, query: SubjectSearchQuery, now: Date): Promise<FindOutcome<SubjectSearchResult>> {
  return db.transaction(async (tx) => {
    const gate = await heldSubjectCase(tx, caller, requestId);
    if (gate.status !== 'ok') return gate;
    const [marked] = await tx.select({ id: subjectRequests.requestId }).from(subjectRequests).where(eq(subjectRequests.requestId, requestId));
    if (!marked) return { status: 'not_marked' };

    const byCustomer = query.customerNumber ? [...(await findLogs(tx, query.customerNumber)), ...(await findDisclosures(tx, query.customerNumber))] : [];
    const hits = [...(await findRequests(tx, query)), ...byCustomer];
    const searchedBy = SUBJECT_IDENTIFIERS.filter((k) => query[k] !== undefined);
    const key = await termKey(tx);
    const termHashes = Object.fromEntries(searchedBy.map((k) => [k, createHmac('sha256', key).update(`${k}:${k === 'name' ? foldName(query[k]!) : query[k]!.toLowerCase()}`).digest('base64url')]));
    const searchId = randomUUID();
    await tx.insert(subjectSearches).values({ id: searchId, requestId, at: now, userId: caller.user.id, userName: caller.user.displayName, workstation: caller.workstation, searchedBy, termHashes, hits: hits.length });
    for (let i = 0; i < hits.length; i += 1000) {
      await tx
        .insert(subjectHits)
        .values(hits.slice(i, i + 1000).map((h) => ({ requestId, hitId: h.id })))
        .onConflictDoNothing();
    }
    return { status: 'ok', value: { searchId, at: wireInstant(now), searchedBy, hits, notSearched: [] } };
  });
}

export async function decideHit(db: BackendDb, caller: Caller, requestId: string, input: HitDecisionInput, now: Date): Promise<FindOutcome<HitDecision>> {
  return db.transaction(async (tx) => {
    const gate = await heldSubjectCase(tx, caller, requestId);
    if (gate.status !== 'ok') return gate;
    // Only a hit a search of this case found: the decision list is the case's, not a free-form one.
    const [updated] = await tx
      .update(subjectHits)
      .set({ decision: input.decision, reason: input.reason, decidedBy: caller.user.id, decidedByName: caller.user.displayName, decidedAt: now })
      .where(and(eq(subjectHits.requestId, requestId), eq(subjectHits.hitId, input.hitId)))
      .returning();
    if (!updated) return { status: 'unknown_hit' };
    return { status: 'ok', value: { ...input, by: { userId: caller.user.id, displayName: caller.user.displayName }, at: wireInstant(now) } };
  });
}

/** The case's searches (audit view, without terms) and decisions, for its record. */
export async function subjectFindings(tx: Tx, requestId: string): Promise<Pick<SubjectRequestRecord, 'searches' | 'decisions'>> {
  const searches = await tx.select().from(subjectSearches).where(eq(subjectSearches.requestId, requestId)).orderBy(asc(subjectSearches.at));
  const decided = await tx
    .select()
    .from(subjectHits)
    .where(and(eq(subjectHits.requestId, requestId), sql`${subjectHits.decision} IS NOT NULL`))
    .orderBy(asc(subjectHits.hitId));
  return {
    searches: searches.map((s) => ({ id: s.id, at: wireInstant(s.at), by: { userId: s.userId, displayName: s.userName }, searchedBy: s.searchedBy as SubjectIdentifier[], hits: s.hits })),
    decisions: decided.map((d) => ({
      hitId: d.hitId,
      decision: d.decision as HitDecision['decision'],
      reason: d.reason ?? '',
      by: { userId: d.decidedBy ?? '', displayName: d.decidedByName ?? '' },
      at: wireInstant(d.decidedAt ?? new Date(0)),
    })),
  };
}

/**
 * The case's personal data went (closed without retention, retention ended, erased): its hits,
 * decisions and the marking's free texts go with it. The search audit stays: it holds no term in
 * clear, only who searched for which case, when, by which kinds of identifier, and how many hits.
 */
export async function forgetSubjectFindings(tx: Tx, requestIds: readonly string[]): Promise<void> {
  if (requestIds.length === 0) return;
  await tx.delete(subjectHits).where(inArray(subjectHits.requestId, [...requestIds]));
  await tx.update(subjectRequests).set({ identityNote: null, extensionReason: null }).where(inArray(subjectRequests.requestId, [...requestIds]));
  await forgetSubjectRightsTexts(tx, requestIds);
}
