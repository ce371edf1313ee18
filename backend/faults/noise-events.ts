// Events that a real feed could carry and a client must survive: known types with a broken
// body, broken envelopes, and types this contract version does not know.
import { derivedUuid } from '../generator/prng';
import { type Prng } from '../generator/prng';

export interface NoiseContext {
  rng: Prng;
  /** A fresh id for each injected event. */
  nextId: () => string;
  at: string;
  /** Malformed sms.logged only for users whose feed has SMS at all. */
  seesSms: boolean;
}

type Builder = (c: NoiseContext) => Record<string, unknown>;

const someUuid = (c: NoiseContext): string => derivedUuid(c.rng.uint32(), c.rng.uint32());

const MALFORMED: readonly Builder[] = [
  (c) => ({ id: c.nextId(), type: 'request.queued', at: c.at, request: { id: someUuid(c), kind: 'pizza', receivedAt: c.at, summary: { category: 'billing' } } }),
  (c) => ({ id: c.nextId(), type: 'request.queued', at: c.at, request: { id: someUuid(c), kind: 'callback', receivedAt: c.at, summary: { preferredDate: '2026-13-45', preferredWindow: { from: '18:00', to: '08:00' }, topic: 'billing' } } }),
  (c) => ({ id: c.nextId(), type: 'request.claimed', at: c.at, by: { userId: 'ghost', displayName: 'Ghost' }, workstation: someUuid(c), leaseUntil: c.at }),
  (c) => ({ id: c.nextId(), type: 'request.attempted', at: c.at, requestId: someUuid(c), attemptNo: 0, disposition: 'maybe', by: { userId: 'x', displayName: 'X' } }),
  (c) => ({ id: c.nextId(), type: 'request.closed', at: c.at, requestId: 'not-a-uuid', outcome: 'resolved', retainedUntil: 'bald' }),
  (c) => ({ id: c.nextId(), type: 'receipt.recorded', at: c.at, receipt: { workstation: 'nowhere', purgedAt: 'gestern', rule: '' } }),
  (c) => ({ id: c.nextId(), type: 'rules.updated', at: c.at, rules: { version: -1, retention: [{ key: 'retention_proof', period: -3, changedBy: null, changedAt: 'gestern' }], retry: null } }),
  (c) => ({ id: c.nextId(), type: 'subject.updated', at: c.at, subject: { requestId: someUuid(c), type: 'wunsch', receivedOn: '2027-02-30', deadline: 'morgen', extendedUntil: 7, markedBy: null } }),
];

const MALFORMED_SMS: Builder = (c) => ({ id: c.nextId(), type: 'sms.logged', at: c.at, sms: { id: someUuid(c), customerNumber: 'KD-12 34', sentAt: c.at, ip: '999.1.2.3' } });

const BROKEN_ENVELOPES: readonly ((c: NoiseContext) => unknown)[] = [
  () => null,
  () => 'request.queued',
  () => 42,
  () => [],
  (c) => ({ type: 'request.released', at: c.at, requestId: someUuid(c) }),
  (c) => ({ id: c.nextId(), type: 'request.released', requestId: someUuid(c) }),
  (c) => ({ id: 17, type: 'request.released', at: c.at, requestId: someUuid(c) }),
  (c) => ({ id: c.nextId(), at: c.at, requestId: someUuid(c) }),
];

const UNKNOWN_TYPES: readonly Builder[] = [
  (c) => ({ id: c.nextId(), type: 'request.annotated', at: c.at, requestId: someUuid(c), note: 'intern: Rückfrage Abrechnung' }),
  (c) => ({ id: c.nextId(), type: 'request.prioritized', at: c.at, requestId: someUuid(c), priority: 'high' }),
  (c) => ({ id: c.nextId(), type: 'sms.flagged', at: c.at, smsId: someUuid(c) }),
  (c) => ({ id: c.nextId(), type: 'desk.announcement', at: c.at, text: 'Wartung heute ab 22 Uhr' }),
];

export function malformedEvent(c: NoiseContext): Record<string, unknown> {
  if (c.seesSms && c.rng.chance(1 / (MALFORMED.length + 1))) return MALFORMED_SMS(c);
  return c.rng.pick(MALFORMED)(c);
}

export function brokenEnvelope(c: NoiseContext): unknown {
  return c.rng.pick(BROKEN_ENVELOPES)(c);
}

export function unknownTypeEvent(c: NoiseContext): Record<string, unknown> {
  return c.rng.pick(UNKNOWN_TYPES)(c);
}
