// `npm run backend` options (SYNC_API.md 1.1, "Running the backend"), parsed and checked before
// anything is opened: a bad option is a clear message and exit code 2.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { readAccountsFile, type Account } from './auth/accounts';
import { DEFAULT_INTAKE_PER_MINUTE } from './auth/intake-rate';
import { DEFAULT_PASSWORD_COST, MIN_PASSWORD_COST } from './auth/password-hash';
import { type DatabaseOptions } from './db/open';
import { FaultConfig } from './faults/config';
import { type GenerateCounts } from './generator';
import { canonicalAddress } from './http/client-address';
import { DEFAULT_DEMO, type BackendOptions } from './server';

export const USAGE = `usage: npm run backend -- [--port 8787] [--host 127.0.0.1] [--data-dir DIR] [--users FILE]
                          [--intake-per-minute 10] [--trust-proxy ADDR] [--no-demo] [--insecure-http] [--password-cost 17]
                          [--seed 1] [--callbacks 200] [--contacts 80] [--dpo 15] [--equality 10] [--sms 5000] [--portal 2000]
                          [--arrivals-per-minute 2] [--faults '<FaultConfig JSON>'] [--database-url URL] [--ingest-key KEY]
       npm run backend -- hash-password            (reads a password on stdin, prints the hash for --users)
environment: DATABASE_URL (a PostgreSQL server; else PGlite in --data-dir), SERVICEDESK_INGEST_KEY, SERVICEDESK_ADMIN_TOKEN,
             SERVICEDESK_TEST_NOW (tests only: the clock starts at this instant)`;

export class OptionsError extends Error {
  override readonly name = 'OptionsError';
}

export interface CliOptions {
  backend: BackendOptions;
  describe: { database: string; demoUsers: boolean };
}

function integer(name: string, raw: string | undefined, fallback: number, min = 0, max = 5_000_000): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) throw new OptionsError(`--${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  return Number(raw);
}

export function parseBackendArgs(argv: string[], env: NodeJS.ProcessEnv, projectRoot: string): CliOptions {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'data-dir': { type: 'string' },
        users: { type: 'string' },
        'trust-proxy': { type: 'string' },
        'no-demo': { type: 'boolean' },
        'insecure-http': { type: 'boolean' },
        'password-cost': { type: 'string' },
        'database-url': { type: 'string' },
        'ingest-key': { type: 'string' },
        'intake-per-minute': { type: 'string' },
        seed: { type: 'string' },
        callbacks: { type: 'string' },
        contacts: { type: 'string' },
        dpo: { type: 'string' },
        equality: { type: 'string' },
        sms: { type: 'string' },
        portal: { type: 'string' },
        'arrivals-per-minute': { type: 'string' },
        faults: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new OptionsError((error as Error).message);
  }
  const str = (k: string): string | undefined => (typeof values[k] === 'string' ? (values[k] as string) : undefined);

  const databaseUrl = str('database-url') ?? env.DATABASE_URL;
  let database: DatabaseOptions;
  if (databaseUrl) {
    if (!/^postgres(ql)?:\/\//.test(databaseUrl)) throw new OptionsError('DATABASE_URL must be a postgres:// URL');
    database = { url: databaseUrl };
  } else {
    const dataDir = path.resolve(str('data-dir') ?? path.join(projectRoot, '.backend-data'));
    // A workstation's data directory holds personal data of one desk; the backend's never lives there.
    if (existsSync(path.join(dataDir, 'servicedesk.sqlite'))) throw new OptionsError(`--data-dir ${dataDir} is a workstation's data directory; choose another folder`);
    database = { dataDir };
  }

  let accounts: Account[] | undefined;
  const users = str('users');
  if (users !== undefined) {
    try {
      accounts = readAccountsFile(users);
    } catch (error) {
      throw new OptionsError((error as Error).message);
    }
  }

  const trustProxy = str('trust-proxy');
  if (trustProxy !== undefined && !z.union([z.ipv4(), z.ipv6()]).safeParse(trustProxy).success) throw new OptionsError(`--trust-proxy must be an IP address, got "${trustProxy}"`);

  let faults: unknown = {};
  const faultsRaw = str('faults');
  if (faultsRaw !== undefined) {
    try {
      faults = JSON.parse(faultsRaw);
    } catch {
      throw new OptionsError('--faults must be JSON');
    }
    const parsed = FaultConfig.safeParse(faults);
    if (!parsed.success) throw new OptionsError(`--faults: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }

  const demo: GenerateCounts | false = values['no-demo']
    ? false
    : {
        callbacks: integer('callbacks', str('callbacks'), DEFAULT_DEMO.callbacks),
        contacts: integer('contacts', str('contacts'), DEFAULT_DEMO.contacts),
        dpo: integer('dpo', str('dpo'), DEFAULT_DEMO.dpo),
        equality: integer('equality', str('equality'), DEFAULT_DEMO.equality),
        sms: integer('sms', str('sms'), DEFAULT_DEMO.sms),
        portal: integer('portal', str('portal'), DEFAULT_DEMO.portal),
      };
  const adminToken = env.SERVICEDESK_ADMIN_TOKEN;
  if (adminToken !== undefined && adminToken.length < 16) throw new OptionsError('SERVICEDESK_ADMIN_TOKEN must have at least 16 characters');
  const ingestKey = str('ingest-key') ?? env.SERVICEDESK_INGEST_KEY;
  if (ingestKey !== undefined && !/^\S{16,200}$/.test(ingestKey)) throw new OptionsError('the ingest key must have 16 to 200 characters without spaces');

  return {
    backend: {
      port: integer('port', str('port'), 8787, 0, 65535),
      host: str('host') ?? '127.0.0.1',
      insecureHttp: values['insecure-http'] === true,
      database,
      accounts,
      trustProxy: trustProxy === undefined ? null : canonicalAddress(trustProxy),
      passwordCost: integer('password-cost', str('password-cost'), DEFAULT_PASSWORD_COST, MIN_PASSWORD_COST, 22),
      seed: integer('seed', str('seed'), 1, 0, 2 ** 31),
      demo,
      arrivalsPerMinute: integer('arrivals-per-minute', str('arrivals-per-minute'), values['no-demo'] ? 0 : 2, 0, 600),
      faults: faults as Record<string, unknown>,
      adminToken,
      ingestKey,
      intakePerMinute: integer('intake-per-minute', str('intake-per-minute'), DEFAULT_INTAKE_PER_MINUTE, 0, 100_000),
    },
    describe: { database: databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${(database as { dataDir: string }).dataDir}`, demoUsers: accounts === undefined },
  };
}
