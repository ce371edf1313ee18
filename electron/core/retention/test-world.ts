// Builders for retention tests: requests in any state, with or without personal data, and SMS
// records, written straight into a real database. Test-only; never imported by app code.
import { randomUUID } from 'node:crypto';
import type { RequestKind, RetentionReason } from '../../../shared/domain';
import type { DeskDb } from '../db/open';
import { personalData, requests, smsHolds, smsLog } from '../db/schema';
import { ipKey } from '../sms/ip-key';

export const WORKSTATION = '00000000-0000-4000-8000-000000000001';

export interface SeedRequest {
  id?: string;
  kind?: RequestKind;
  status?: typeof requests.$inferSelect.status;
  preferredDate?: string;
  closedAt?: string | null;
  retainedUntil?: string | null;
  reason?: RetentionReason | null;
  /** Personal data with this name (and a phone number derived from it) when given. */
  name?: string;
  ownerWorkstation?: string | null;
}

export function seedRequest(db: DeskDb, seed: SeedRequest = {}): string {
  const id = seed.id ?? randomUUID();
  const kind = seed.kind ?? 'callback';
  const status = seed.status ?? (seed.closedAt ? 'closed' : 'open');
  db.insert(requests)
    .values({
      id,
      kind,
      receivedAt: '2026-01-01T08:00:00.000Z',
      topic: 'billing',
      preferredDate: kind === 'callback' ? (seed.preferredDate ?? '2026-12-31') : null,
      status,
      ownerWorkstation: seed.ownerWorkstation === undefined ? (seed.name ? WORKSTATION : null) : seed.ownerWorkstation,
      closedAt: seed.closedAt ?? null,
      outcome: seed.closedAt ? 'resolved' : null,
      retentionReason: seed.reason ?? null,
      retainedUntil: seed.retainedUntil ?? null,
      retentionNote: seed.reason ? 'Nachweis für Beschwerdeverfahren' : null,
      updatedAt: '2026-01-01T08:00:00.000Z',
    })
    .run();
  if (seed.name) {
    db.insert(personalData).values({ requestId: id, name: seed.name, phone: phoneFor(seed.name), email: null, claimedAt: '2026-01-01T08:00:00.000Z' }).run();
  }
  return id;
}

/** A phone number only this name produces, so raw scans can look for its digits. */
export function phoneFor(name: string): string {
  let h = 7;
  for (const c of name) h = (h * 31 + c.charCodeAt(0)) % 1_000_000_007;
  return `+49 234 ${String(h).padStart(10, '0')}`;
}

export function seedSms(db: DeskDb, sentAt: string, customerNumber = '4711000123', ip = '192.0.2.10'): string {
  const id = randomUUID();
  db.insert(smsLog).values({ id, customerNumber, sentAt, ip, ipKey: ipKey(ip) }).run();
  return id;
}

export function seedConfirmedHold(db: DeskDb, customerNumber: string, until: string): string {
  const id = randomUUID();
  db.insert(smsHolds)
    .values({ id, caseRef: 'StA Bochum 12 Js 345/26', customerNumber, note: 'Strafanzeige', until, setBy: 'u-dpo', setByName: 'DSB', setAt: '2026-01-01T08:00:00.000Z', confirmedBy: 'u-sup', confirmedByName: 'Leitung', confirmedAt: '2026-01-01T09:00:00.000Z' })
    .run();
  return id;
}
