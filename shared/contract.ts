// The one channel map (STYLE.md 2). IPC handlers, the preload bridge, the web host and the
// type of window.api are all derived from it: a new channel is one entry here plus its handler.
import { z } from 'zod';
import { Department, Disposition, Outcome, RequestKind, RetentionReason, type Role, Topic } from './domain';
import {
  ActionResult,
  AppConfig,
  QueueRow,
  RequestDetail,
  RequestStatus,
  SessionInfo,
  SmsLookupResult,
  SweepReport,
  SyncReport,
  SyncState,
} from './views';
import { CustomerNumber, LocalDate, Uuid } from './wire';

// Validation messages reach German users, from every host: zod's built-in German locale.
z.config(z.locales.de());

/** `public`: callable before login; `any`: any logged-in user; else one of the listed roles. */
export type Access = 'public' | 'any' | readonly Role[];

export interface Channel<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  access: Access;
}
const channel = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, access: Access): Channel<I, O> => ({
  input,
  output,
  access,
});

const WORKERS = ['agent', 'dpo', 'equality'] as const satisfies readonly Role[];
const EVERYONE = ['agent', 'dpo', 'equality', 'supervisor'] as const satisfies readonly Role[];
const None = z.object({}).strict();
const RequestRef = z.object({ requestId: Uuid }).strict();

export const BackendUrl = z
  .url({ protocol: /^https?$/, error: 'Backend-Adresse muss mit http:// oder https:// beginnen' })
  .max(500);

export const LoginInput = z
  .object({
    backendUrl: BackendUrl,
    username: z.string().trim().min(1, 'Benutzername fehlt').max(200),
    password: z.string().min(1, 'Passwort fehlt').max(500),
  })
  .strict();

export const QueueListInput = z
  .object({
    kinds: z.array(RequestKind).max(4).optional(),
    statuses: z.array(RequestStatus).max(5).optional(),
    topics: z.array(Topic).max(5).optional(),
    limit: z.number().int().min(1).max(200_000).optional(),
  })
  .strict();

export const CloseInput = z
  .object({
    requestId: Uuid,
    outcome: Outcome,
    retention: z
      .object({
        reason: RetentionReason,
        until: LocalDate,
        note: z.string().trim().min(1, 'Eine Aufbewahrung braucht eine Begründung').max(2000),
      })
      .strict()
      .nullable()
      .optional(),
  })
  .strict();

export const SmsLookupInput = z
  .object({
    customerNumber: CustomerNumber.optional(),
    /** One address, or a CIDR range (IPv4 or IPv6). */
    ip: z.string().trim().min(2).max(60).optional(),
    from: LocalDate.optional(),
    to: LocalDate.optional(),
    caseRef: z.string().trim().min(3, 'Aktenzeichen/Fallnummer fehlt').max(100),
    purpose: z.string().trim().min(3, 'Zweck der Abfrage fehlt').max(500),
  })
  .strict()
  .refine((q) => (q.customerNumber === undefined) !== (q.ip === undefined), {
    message: 'Entweder eine Kundennummer oder eine IP-Adresse/ein Netz angeben',
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'Zeitraum: „von“ liegt nach „bis“' });

export const contract = {
  'app.config': channel(None, AppConfig, 'public'),
  'session.current': channel(None, SessionInfo.nullable(), 'public'),
  'session.login': channel(LoginInput, SessionInfo, 'public'),
  'session.logout': channel(None, z.null(), 'public'),

  'queue.list': channel(QueueListInput, z.array(QueueRow), EVERYONE),
  'request.detail': channel(RequestRef, RequestDetail, EVERYONE),
  'request.claim': channel(RequestRef, ActionResult, WORKERS),
  'request.attempt': channel(RequestRef.extend({ disposition: Disposition }).strict(), ActionResult, ['agent']),
  'request.forward': channel(RequestRef.extend({ department: Department }).strict(), ActionResult, WORKERS),
  'request.release': channel(RequestRef, ActionResult, WORKERS),
  'request.close': channel(CloseInput, ActionResult, WORKERS),

  'sync.now': channel(None, SyncReport, 'any'),
  'sync.state': channel(None, SyncState, 'any'),
  'retention.sweep': channel(None, SweepReport, 'any'),

  'sms.lookup': channel(SmsLookupInput, SmsLookupResult, ['dpo', 'supervisor']),
} as const;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type ChannelInput<K extends ChannelName> = z.input<Contract[K]['input']>;
export type ChannelOutput<K extends ChannelName> = z.output<Contract[K]['output']>;
export const CHANNEL_NAMES = Object.keys(contract) as ChannelName[];

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

/** Pushed from the host to the renderer so screens refresh without polling. */
export const DeskEvent = z.object({ type: z.literal('changed'), scope: z.enum(['queue', 'session', 'sync']) });
export type DeskEvent = z.infer<typeof DeskEvent>;

/** Errors crossing the bridge: a code for the UI to branch on and a German message to show. */
export const DESK_ERROR_CODES = [
  'invalid_input',
  'not_logged_in',
  'session_expired',
  'forbidden',
  'not_found',
  'conflict',
  'invalid_credentials',
  'backend_unreachable',
  'internal',
] as const;
export type DeskErrorCode = (typeof DESK_ERROR_CODES)[number];
export const DeskErrorShape = z.object({ code: z.enum(DESK_ERROR_CODES), message: z.string() });
export type DeskErrorShape = z.infer<typeof DeskErrorShape>;
