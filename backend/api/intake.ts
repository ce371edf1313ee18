// POST /api/v1/intake/{callback,contact,dpo,equality}: the website's forms (public, no token).
import { CallbackIntake, fieldErrors, IDEMPOTENCY_KEY_MAX, MessageIntake, type IntakeKind } from '../../shared/intake';
import { type IntakeRate } from '../auth/intake-rate';
import { type BackendDb } from '../db/database';
import { failure, ok, type Reply } from '../http/reply';
import { type CallContext } from '../http/router';
import { storeForm, type StoredForm } from '../lifecycle/intake';
import { callbackProblems, messageProblems } from '../lifecycle/intake-rules';

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

    let stored: StoredForm;
    if (kind === 'callback') {
      const parsed = CallbackIntake.safeParse(ctx.body);
      if (!parsed.success) return invalid(fieldErrors(parsed.error));
      const { problems, phone } = callbackProblems(parsed.data, ctx.now);
      if (Object.keys(problems).length > 0) return invalid(problems);
      stored = { kind, form: parsed.data, phone };
    } else {
      const parsed = MessageIntake.safeParse(ctx.body);
      if (!parsed.success) return invalid(fieldErrors(parsed.error));
      const problems = messageProblems(parsed.data, ctx.now);
      if (Object.keys(problems).length > 0) return invalid(problems);
      stored = { kind, form: parsed.data };
    }
    const outcome = await storeForm(deps.db, stored, key, ctx.now);
    if (outcome.status === 'conflict') return failure(409, 'idempotency_conflict', 'This Idempotency-Key was used for another form.');
    return ok(outcome.response, 201);
  };
}
