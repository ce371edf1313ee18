// Parses the CLI's arguments into a command, checked with the shared zod schemas before
// anything is opened or written. Bad arguments: a German message and exit code 2.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { Department, Disposition, Outcome, RetentionReason } from '../../shared/domain';
import { BackendUrl, LoginInput, SmsLookupInput } from '../../shared/contract';
import { LocalDate, Uuid } from '../../shared/wire';
import { parseSubjectCommand, SUBJECT_OPTIONS, SUBJECT_USAGE, SUBJECT_VERB_OPTIONS, SubjectUsageError, type SubjectCommand } from './subject-args';

/** The password rule of the login channel, so the CLI refuses what the core would refuse. */
export const LoginPassword = LoginInput.shape.password;

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const USAGE = `Aufruf: npm run --silent cli -- [--data-dir DIR] <Befehl>
Befehle:
  login --backend URL --username U (--password-stdin | --password P)   Passwort sonst aus SERVICEDESK_PASSWORD
  sync
  status [--json]
  claim ID
  attempt ID --disposition reached|no_answer|busy|voicemail|wrong_number|declined
  forward ID --department billing|contracts|grid|portal|complaints|other
  release ID
  close ID --outcome resolved|unreachable|withdrawn|duplicate|expired [--retain proof|customer_care|statutory --until YYYY-MM-DD --note TEXT]
  sweep
  audit verify
  selftest [--json]
  sms lookup (--customer N | --ip ADRESSE_ODER_CIDR) [--from YYYY-MM-DD --to YYYY-MM-DD] --case AZ [--purpose TEXT] --json
  portal lookup (--customer N | --ip ADRESSE_ODER_CIDR) [--from YYYY-MM-DD --to YYYY-MM-DD] --case AZ [--purpose TEXT] --json
${SUBJECT_USAGE}
Datenverzeichnis: --data-dir oder Umgebungsvariable SERVICEDESK_DATA_DIR.`;

/** Where the login password comes from; only `--password` puts it where other local users can read it. */
export type PasswordSource = { from: 'option' | 'environment'; value: string } | { from: 'stdin' };

/** The environment variable the CLI reads the password from (visible only to this user, unlike argv). */
export const PASSWORD_ENV = 'SERVICEDESK_PASSWORD';

export type CliCommand =
  | { name: 'login'; backendUrl: string; username: string; password: PasswordSource }
  | { name: 'sync' }
  | { name: 'status'; json: boolean }
  | { name: 'claim' | 'release'; requestId: string }
  | { name: 'attempt'; requestId: string; disposition: Disposition }
  | { name: 'forward'; requestId: string; department: Department }
  | {
      name: 'close';
      requestId: string;
      outcome: Outcome;
      retention: { reason: RetentionReason; until: string; note: string } | null;
    }
  | { name: 'sweep' }
  | { name: 'audit-verify' }
  | { name: 'selftest'; json: boolean }
  | { name: 'sms-lookup' | 'portal-lookup'; query: z.output<typeof SmsLookupInput>; json: boolean }
  | SubjectCommand;

export interface ParsedCli {
  dataDir: string | null;
  command: CliCommand;
}

const OPTIONS = {
  'data-dir': { type: 'string' },
  backend: { type: 'string' },
  username: { type: 'string' },
  password: { type: 'string' },
  'password-stdin': { type: 'boolean' },
  json: { type: 'boolean' },
  disposition: { type: 'string' },
  department: { type: 'string' },
  outcome: { type: 'string' },
  retain: { type: 'string' },
  until: { type: 'string' },
  note: { type: 'string' },
  customer: { type: 'string' },
  ip: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  case: { type: 'string' },
  purpose: { type: 'string' },
  ...SUBJECT_OPTIONS,
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

export function parseCli(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): ParsedCli {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`Ungültige Argumente: ${(error as Error).message}`);
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) throw new UsageError('Kein Befehl angegeben.');
  const [verb, ...rest] = positionals;
  const command = parseCommand(verb!, rest, values, env);
  const allowed = verb === 'subject' ? (SUBJECT_VERB_OPTIONS[rest[0]!] ?? []) : ALLOWED_OPTIONS[command.name as Exclude<CliCommand, SubjectCommand>['name']];
  const extra = Object.keys(values).filter((k) => k !== 'data-dir' && !allowed.includes(k));
  if (extra.length > 0) throw new UsageError(`Option(en) passen nicht zu „${verb}“: ${extra.map((k) => `--${k}`).join(', ')}`);
  return { dataDir: values['data-dir'] ?? null, command };
}

const ALLOWED_OPTIONS: Record<Exclude<CliCommand, SubjectCommand>['name'], string[]> = {
  login: ['backend', 'username', 'password', 'password-stdin'],
  sync: [],
  status: ['json'],
  claim: [],
  release: [],
  attempt: ['disposition'],
  forward: ['department'],
  close: ['outcome', 'retain', 'until', 'note'],
  sweep: [],
  'audit-verify': [],
  selftest: ['json'],
  'sms-lookup': ['customer', 'ip', 'from', 'to', 'case', 'purpose', 'json'],
  'portal-lookup': ['customer', 'ip', 'from', 'to', 'case', 'purpose', 'json'],
};

function parseCommand(verb: string, rest: string[], v: Values, env: NodeJS.ProcessEnv): CliCommand {
  const positional = (count: number) => {
    if (rest.length !== count) throw new UsageError(`„${verb}“ erwartet ${count === 0 ? 'keine weiteren Argumente' : `${count} Argument(e)`}.`);
  };
  const requestId = () => {
    positional(1);
    return check(Uuid, rest[0], 'Vorgangs-ID (UUID)');
  };
  switch (verb) {
    case 'login':
      positional(0);
      return {
        name: 'login',
        backendUrl: check(BackendUrl, v.backend, '--backend'),
        username: check(z.string().min(1), v.username, '--username'),
        password: passwordSource(v, env),
      };
    case 'sync':
    case 'sweep':
      positional(0);
      return { name: verb };
    case 'status':
      positional(0);
      return { name: 'status', json: v.json ?? false };
    case 'claim':
    case 'release':
      return { name: verb, requestId: requestId() };
    case 'attempt':
      return { name: 'attempt', requestId: requestId(), disposition: check(Disposition, v.disposition, '--disposition') };
    case 'forward':
      return { name: 'forward', requestId: requestId(), department: check(Department, v.department, '--department') };
    case 'close': {
      const id = requestId();
      const outcome = check(Outcome, v.outcome, '--outcome');
      if (v.retain === undefined) {
        if (v.until !== undefined || v.note !== undefined) throw new UsageError('--until und --note gehören zu --retain.');
        return { name: 'close', requestId: id, outcome, retention: null };
      }
      return {
        name: 'close',
        requestId: id,
        outcome,
        retention: {
          reason: check(RetentionReason, v.retain, '--retain'),
          until: check(LocalDate, v.until, '--until'),
          note: check(z.string().trim().min(1), v.note, '--note'),
        },
      };
    }
    case 'selftest':
      positional(0);
      return { name: 'selftest', json: v.json ?? false };
    case 'audit':
      if (rest.length !== 1 || rest[0] !== 'verify') throw new UsageError('Meinten Sie „audit verify“?');
      return { name: 'audit-verify' };
    case 'sms':
    case 'portal': {
      if (rest.length !== 1 || rest[0] !== 'lookup') throw new UsageError(`Meinten Sie „${verb} lookup“?`);
      const query = SmsLookupInput.safeParse({
        customerNumber: v.customer,
        ip: v.ip,
        from: v.from,
        to: v.to,
        caseRef: v.case,
        purpose: v.purpose ?? `CLI-Abfrage zu ${v.case ?? ''}`,
      });
      if (!query.success) throw new UsageError(`${verb} lookup: ${query.error.issues.map((i) => i.message).join('; ')}`);
      return { name: verb === 'sms' ? 'sms-lookup' : 'portal-lookup', query: query.data, json: v.json ?? false };
    }
    case 'subject': {
      if (rest.length !== 2) throw new UsageError('„subject“ erwartet einen Unterbefehl und die Vorgangs-ID, z. B. „subject show ID“.');
      const id = check(Uuid, rest[1], 'Vorgangs-ID (UUID)');
      try {
        return parseSubjectCommand(rest[0], id, v);
      } catch (error) {
        throw error instanceof SubjectUsageError ? new UsageError(error.message) : error;
      }
    }
    default:
      throw new UsageError(`Unbekannter Befehl „${verb}“.`);
  }
}

/** `--password-stdin`, else `--password`, else the environment; exactly one way at a time. */
function passwordSource(v: Values, env: NodeJS.ProcessEnv): PasswordSource {
  if (v['password-stdin'] && v.password !== undefined) throw new UsageError('--password und --password-stdin schließen sich aus.');
  if (v['password-stdin']) return { from: 'stdin' };
  if (v.password !== undefined) return { from: 'option', value: check(LoginPassword, v.password, '--password') };
  const fromEnv = env[PASSWORD_ENV];
  if (fromEnv === undefined || fromEnv === '') throw new UsageError(`Passwort fehlt: --password-stdin, Umgebungsvariable ${PASSWORD_ENV} oder --password.`);
  return { from: 'environment', value: check(LoginPassword, fromEnv, PASSWORD_ENV) };
}

function check<T extends z.ZodType>(schema: T, value: unknown, what: string): z.output<T> {
  if (value === undefined) throw new UsageError(`${what} fehlt.`);
  const result = schema.safeParse(value);
  if (!result.success) throw new UsageError(`${what}: ungültiger Wert „${String(value)}“ (${result.error.issues[0]?.message ?? ''}).`);
  return result.data;
}
