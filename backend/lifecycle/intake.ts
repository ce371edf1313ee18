// Stores a form as the website sent it: the request with its personal data, the consent, a
// reference code, and its request.queued in the feed, in one transaction. With an
// Idempotency-Key, a form sent again gets the first answer and creates nothing; the same key
// with another form is a conflict. The key's row is inserted first, so two copies of one form
// arriving at once wait for each other instead of both creating a request.
import { createHash, randomUUID } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import { type CallbackIntake, type IntakeKind, type IntakeResponse, type MessageIntake } from '../../shared/intake';
import { type BackendDb, type Tx } from '../db/database';
import { intakeKeys, requests } from '../db/schema';
import { appendFeed } from '../feed/append';
import { requestAudience } from '../feed/audience';
import { newReference } from './reference';
import { queueEntryOf, type RequestRow } from './request-rows';
import { wireInstant } from '../time';

/** Kept 24 hours (SYNC_API 1.1). */
export const IDEMPOTENCY_WINDOW_MS = 24 * 3_600_000;

export type IntakeOutcome = { status: 'created' | 'repeated'; response: IntakeResponse } | { status: 'conflict' };

export type StoredForm = { kind: 'callback'; form: CallbackIntake } | { kind: Exclude<IntakeKind, 'callback'>; form: MessageIntake };

/** Canonical JSON (sorted keys), so the same form in another key order is the same form. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value as Record<string, unknown>)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

function rowOf(stored: StoredForm, now: Date): typeof requests.$inferInsert {
  const base = { id: randomUUID(), kind: stored.kind, receivedAt: now, reference: newReference(), status: 'open', attempts: 0 };
  const consent = { consentNoticeVersion: stored.form.consent.noticeVersion, consentAt: new Date(stored.form.consent.at) };
  if (stored.kind === 'callback') {
    const f = stored.form;
    return { ...base, ...consent, topic: f.topic, preferredDate: f.preferredDate, windowFrom: f.preferredWindow.from, windowTo: f.preferredWindow.to, salutation: f.salutation, name: f.name, phone: f.phone, note: f.note };
  }
  const f = stored.form;
  return { ...base, ...consent, topic: f.category, salutation: f.salutation, name: f.name, email: f.email, subject: f.subject, message: f.message };
}

async function insertRequest(tx: Tx, stored: StoredForm, now: Date): Promise<IntakeResponse> {
  // A reference code is random; the rare clash with an earlier one gets a new draw.
  for (let attempt = 0; ; attempt++) {
    const row = rowOf(stored, now);
    const inserted = await tx.insert(requests).values(row).onConflictDoNothing({ target: requests.reference }).returning();
    const saved = inserted[0] as RequestRow | undefined;
    if (!saved) {
      if (attempt > 5) throw new Error('no free reference code');
      continue;
    }
    await appendFeed(tx, [{ type: 'request.queued', at: now, audience: requestAudience(saved.kind), data: { request: queueEntryOf(saved) } }]);
    return { id: saved.id, receivedAt: wireInstant(saved.receivedAt), reference: saved.reference };
  }
}

export async function storeForm(db: BackendDb, stored: StoredForm, idempotencyKey: string | null, now: Date): Promise<IntakeOutcome> {
  return db.transaction(async (tx) => {
    if (idempotencyKey === null) return { status: 'created', response: await insertRequest(tx, stored, now) };
    const endpoint = stored.kind;
    const bodyHash = createHash('sha256').update(canonical(stored.form)).digest('hex');
    // A key past its 24 hours is forgotten: the form counts as new.
    await tx.delete(intakeKeys).where(and(eq(intakeKeys.endpoint, endpoint), eq(intakeKeys.key, idempotencyKey), lt(intakeKeys.createdAt, new Date(now.getTime() - IDEMPOTENCY_WINDOW_MS))));
    const claimed = await tx.insert(intakeKeys).values({ endpoint, key: idempotencyKey, bodyHash, createdAt: now }).onConflictDoNothing().returning({ key: intakeKeys.key });
    if (claimed.length === 0) {
      const [earlier] = await tx.select().from(intakeKeys).where(and(eq(intakeKeys.endpoint, endpoint), eq(intakeKeys.key, idempotencyKey)));
      if (!earlier || earlier.bodyHash !== bodyHash || !earlier.response) return { status: 'conflict' };
      return { status: 'repeated', response: earlier.response as IntakeResponse };
    }
    const response = await insertRequest(tx, stored, now);
    await tx.update(intakeKeys).set({ response }).where(and(eq(intakeKeys.endpoint, endpoint), eq(intakeKeys.key, idempotencyKey)));
    return { status: 'created', response };
  });
}
