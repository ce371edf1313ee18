// The CLI's `subject` command family (issue 17, item 6): a data subject's request handled by
// script as on the officer's screen. Every input is parsed with the same shared zod schemas as
// the channels (SubjectRequestChange, SubjectSearchQuery, HitDecisionInput), so the CLI refuses
// what the screen refuses, before anything is opened or written.
import { type z } from 'zod';
import { SubjectEraseInput } from '../../shared/channels/subject-erasure-channels';
import { SubjectReportSentInput } from '../../shared/channels/subject-report-channels';
import { SubjectLiftInput, SubjectObjectInput, SubjectRectifyInput, SubjectRestrictInput } from '../../shared/channels/subject-rights-channels';
import { HitDecisionInput, SubjectRequestChange, SubjectSearchQuery } from '../../shared/subject-requests';

export class SubjectUsageError extends Error {
  override readonly name = 'SubjectUsageError';
}

export const SUBJECT_USAGE = `  subject show ID [--json]
  subject mark ID --type access|rectification|erasure|restriction|portability|objection [--identity METHODE [--identity-note TEXT]]
  subject identity ID --identity customer_data|known_address|known_phone|in_person|eid|other [--identity-note TEXT]
  subject extend ID --months 1|2 --reason TEXT [--informed-on YYYY-MM-DD]
  subject informed ID --on YYYY-MM-DD
  subject find ID [--name NAME] [--email ADRESSE] [--phone NUMMER] [--customer N] [--json]
  subject decide ID --hit TREFFER --decision include|exclude --reason TEXT
  subject erasure ID [--json]
  subject erase ID --confirm
  subject confirmation ID [--json]
  subject report ID [--json]                       Auskunft/Datenübertragbarkeit: Brief (PDF) und JSON schreiben
  subject report-sent ID --on YYYY-MM-DD
  subject rights ID [--json]
  subject rectify ID --target VORGANGS_ID [--name N] [--email E] [--phone P] [--subject TEXT] [--message TEXT]
  subject restrict ID --hit TREFFER [--hit TREFFER …] --reason TEXT
  subject lift ID --restriction ID --reason TEXT
  subject object ID --scope callback_contact|customer_care|other_purpose [--purpose TEXT] --decision granted|refused [--reason TEXT] --on YYYY-MM-DD`;

/** Options only the `subject` family takes (parseArgs needs each declared). */
export const SUBJECT_OPTIONS = {
  type: { type: 'string' },
  identity: { type: 'string' },
  'identity-note': { type: 'string' },
  months: { type: 'string' },
  reason: { type: 'string' },
  'informed-on': { type: 'string' },
  on: { type: 'string' },
  name: { type: 'string' },
  email: { type: 'string' },
  phone: { type: 'string' },
  hit: { type: 'string', multiple: true },
  decision: { type: 'string' },
  confirm: { type: 'boolean' },
  target: { type: 'string' },
  subject: { type: 'string' },
  message: { type: 'string' },
  restriction: { type: 'string' },
  scope: { type: 'string' },
} as const;

export type SubjectCommand =
  | { name: 'subject-show'; requestId: string; json: boolean }
  | { name: 'subject-change'; requestId: string; change: z.output<typeof SubjectRequestChange> }
  | { name: 'subject-find'; requestId: string; query: z.output<typeof SubjectSearchQuery>; json: boolean }
  | { name: 'subject-decide'; requestId: string; decision: z.output<typeof HitDecisionInput> }
  | { name: 'subject-erasure' | 'subject-confirmation'; requestId: string; json: boolean }
  | { name: 'subject-erase'; requestId: string }
  | { name: 'subject-report' | 'subject-rights'; requestId: string; json: boolean }
  | { name: 'subject-report-sent'; input: z.output<typeof SubjectReportSentInput> }
  | { name: 'subject-rectify'; input: z.output<typeof SubjectRectifyInput> }
  | { name: 'subject-restrict'; input: z.output<typeof SubjectRestrictInput> }
  | { name: 'subject-lift'; input: z.output<typeof SubjectLiftInput> }
  | { name: 'subject-object'; input: z.output<typeof SubjectObjectInput> };

/** Which options each verb takes; anything else is refused with the verb named. */
export const SUBJECT_VERB_OPTIONS: Record<string, string[]> = {
  show: ['json'],
  mark: ['type', 'identity', 'identity-note'],
  identity: ['identity', 'identity-note'],
  extend: ['months', 'reason', 'informed-on'],
  informed: ['on'],
  find: ['name', 'email', 'phone', 'customer', 'json'],
  decide: ['hit', 'decision', 'reason'],
  erasure: ['json'],
  erase: ['confirm'],
  confirmation: ['json'],
  report: ['json'],
  'report-sent': ['on'],
  rights: ['json'],
  rectify: ['target', 'name', 'email', 'phone', 'subject', 'message'],
  restrict: ['hit', 'reason'],
  lift: ['restriction', 'reason'],
  object: ['scope', 'purpose', 'decision', 'reason', 'on'],
};

type Values = Partial<Record<string, string | boolean | string[]>>;

function parsedWith<T extends z.ZodType>(schema: T, input: unknown, verb: string): z.output<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw new SubjectUsageError(`subject ${verb}: ${[...new Set(result.error.issues.map((i) => i.message))].join('; ')}`);
  return result.data;
}

const text = (v: Values, key: string): string | undefined => {
  const value = v[key];
  if (Array.isArray(value)) {
    if (value.length > 1) throw new SubjectUsageError(`--${key} nur einmal angeben.`);
    return value[0];
  }
  return typeof value === 'string' ? value : undefined;
};

/** The identity check as the channel takes it; a note without a method is no check. */
function identity(v: Values, verb: string) {
  const method = text(v, 'identity');
  if (method === undefined) {
    if (text(v, 'identity-note') !== undefined) throw new SubjectUsageError(`subject ${verb}: --identity-note gehört zu --identity.`);
    return null;
  }
  return { method, note: text(v, 'identity-note') ?? '' };
}

/** `subject <verb> ID [options]`, with the request's id already checked by the caller. */
export function parseSubjectCommand(verb: string | undefined, requestId: string, v: Values): SubjectCommand {
  switch (verb) {
    case 'show':
      return { name: 'subject-show', requestId, json: v.json === true };
    case 'mark':
      return { name: 'subject-change', requestId, change: parsedWith(SubjectRequestChange, { action: 'mark', type: text(v, 'type'), identity: identity(v, verb) }, verb) };
    case 'identity': {
      const check = identity(v, verb);
      if (check === null) throw new SubjectUsageError('subject identity: --identity fehlt.');
      return { name: 'subject-change', requestId, change: parsedWith(SubjectRequestChange, { action: 'identity', identity: check }, verb) };
    }
    case 'extend': {
      const months = text(v, 'months');
      const change = { action: 'extend', months: months === undefined ? undefined : Number(months), reason: text(v, 'reason'), personInformedOn: text(v, 'informed-on') ?? null };
      return { name: 'subject-change', requestId, change: parsedWith(SubjectRequestChange, change, verb) };
    }
    case 'informed':
      return { name: 'subject-change', requestId, change: parsedWith(SubjectRequestChange, { action: 'informed', on: text(v, 'on') }, verb) };
    case 'find': {
      const query = { name: text(v, 'name'), email: text(v, 'email'), phone: text(v, 'phone'), customerNumber: text(v, 'customer') };
      return { name: 'subject-find', requestId, query: parsedWith(SubjectSearchQuery, query, verb), json: v.json === true };
    }
    case 'decide':
      return { name: 'subject-decide', requestId, decision: parsedWith(HitDecisionInput, { hitId: text(v, 'hit'), decision: text(v, 'decision'), reason: text(v, 'reason') }, verb) };
    case 'erasure':
    case 'confirmation':
      return { name: `subject-${verb}`, requestId, json: v.json === true };
    case 'erase':
      // The screen asks before it erases; a script says so with --confirm, checked like the channel does.
      parsedWith(SubjectEraseInput, { requestId, confirm: v.confirm === true ? true : undefined }, verb);
      return { name: 'subject-erase', requestId };
    case 'report':
    case 'rights':
      return { name: `subject-${verb}`, requestId, json: v.json === true };
    case 'report-sent':
      return { name: 'subject-report-sent', input: parsedWith(SubjectReportSentInput, { requestId, sentOn: text(v, 'on') }, verb) };
    case 'rectify': {
      const changes = { name: text(v, 'name'), email: text(v, 'email'), phone: text(v, 'phone'), subject: text(v, 'subject'), message: text(v, 'message') };
      const given = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
      return { name: 'subject-rectify', input: parsedWith(SubjectRectifyInput, { requestId, targetId: text(v, 'target'), changes: given }, verb) };
    }
    case 'restrict': {
      const hits = Array.isArray(v.hit) ? v.hit : [];
      return { name: 'subject-restrict', input: parsedWith(SubjectRestrictInput, { requestId, hitIds: hits, reason: text(v, 'reason') }, verb) };
    }
    case 'lift':
      return { name: 'subject-lift', input: parsedWith(SubjectLiftInput, { requestId, restrictionId: text(v, 'restriction'), reason: text(v, 'reason') }, verb) };
    case 'object': {
      const objection = { scope: text(v, 'scope'), purpose: text(v, 'purpose') ?? null, decision: text(v, 'decision'), reason: text(v, 'reason') ?? '', decidedOn: text(v, 'on') };
      return { name: 'subject-object', input: parsedWith(SubjectObjectInput, { requestId, objection }, verb) };
    }
    default:
      throw new SubjectUsageError(`Unbekannter Unterbefehl „subject ${verb ?? ''}“ (${Object.keys(SUBJECT_VERB_OPTIONS).join(', ')}).`);
  }
}
