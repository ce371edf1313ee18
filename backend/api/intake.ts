// POST /api/v1/intake/{callback,contact,dpo,equality}: the website's forms (public, no token).
import { CallbackIntake, fieldErrors, IDEMPOTENCY_KEY_MAX, MessageIntake, type IntakeKind } from '../../shared/intake';
import { type IntakeRate } from '../auth/intake-rate';
import { type BackendDb } from '../db/database';
import { failure, ok, type Reply } from '../http/reply';
import { type CallContext } from '../http/router';
import { storeForm, type StoredForm } from '../lifecycle/intake';
import { clockProblems } from '../lifecycle/intake-rules';

export interface IntakeDeps {
  db: BackendDb;
  rate: IntakeRate;
}

const invalid = (fields: Record<string, string>): Reply =>
  failure(400, 'invalid_request', 'Bitte die markierten Angaben prüfen.', { fields });

function idempotencyKey(ctx: CallContext): string | null | { problem: string } {
  const raw = ctx.headers['idempotency-key'];
  if (raw === undefined) return null;
  const key = Array.isArray(raw) ? raw[0] : raw;
  if (!key || key.length > IDEMPOTENCY_KEY_MAX || !/^[\x21-\x7e]+$/.test(key)) return { problem: `Idempotency-Key: 1 to ${IDEMPOTENCY_KEY_MAX} visible ASCII characters.` };
  return key;
}

export function postIntake(deps: IntakeDeps, kind: IntakeKind): (ctx: CallContext) => Promise<Reply> {
  return async (ctx) => {
    const wait = await deps.rate.count(deps.db, ctx.client, ctx.now);
    if (wait > 0) return { ...failure(429, 'rate_limited', 'Zu viele Formulare von dieser Adresse. Bitte in einer Minute erneut versuchen.'), headers: { 'retry-after': String(wait) } };
    const key = idempotencyKey(ctx);
    if (key !== null && typeof key === 'object') return failure(400, 'invalid_request', key.problem);

    // Every problem at once: the schema's (shapes, limits, phone) and the clock's (date, window, consent time).
    const parsed = kind === 'callback' ? CallbackIntake.safeParse(ctx.body) : MessageIntake.safeParse(ctx.body);
    const fields = { ...clockProblems(kind, ctx.body, ctx.now), ...(parsed.success ? {} : fieldErrors(parsed.error)) };
    if (!parsed.success || Object.keys(fields).length > 0) return invalid(fields);
    const stored = { kind, form: parsed.data } as StoredForm;
    const outcome = await storeForm(deps.db, stored, key, ctx.now);
    if (outcome.status === 'conflict') return failure(409, 'idempotency_conflict', 'This Idempotency-Key was used for another form.');
    return ok(outcome.response, 201);
  };
}
