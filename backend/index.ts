// `npm run backend`: the reference backend, on http://127.0.0.1:8787 by default (usage: options.ts).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashPassword } from './auth/password-hash';
import { DEMO_USERS } from './demo-users';
import { OptionsError, parseBackendArgs, USAGE } from './options';
import { startBackend } from './server';
import { testClockFromEnv } from './test-clock-env';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

async function main(argv: string[]): Promise<void> {
  if (argv[0] === 'hash-password') {
    const password = await readStdin();
    if (password.length < 12) throw new OptionsError('the password must have at least 12 characters');
    console.log(await hashPassword(password));
    return;
  }
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return;
  }
  const { backend: options, describe } = parseBackendArgs(argv, process.env, PROJECT_ROOT);
  const backend = await startBackend({ ...options, now: testClockFromEnv(process.env) });
  // Due deletions first (the demo's logs reach past 90 days): what it reports is what it keeps.
  await backend.runPeriodicWork();
  const stats = await backend.stats();
  console.log(`Reference backend listening on ${backend.url}`);
  console.log(`  database: ${describe.database}; ${stats.requests.total} requests, ${stats.sms.records} SMS records, ${stats.portal.records} portal records, ${stats.feedHead} feed events`);
  if (!process.env.SERVICEDESK_ADMIN_TOKEN) console.log(`  admin token (for /__admin/*, this run only): ${backend.adminToken}`);
  if (!options.ingestKey) console.log(`  ingest key (for /api/v1/ingest/*, this run only): ${backend.ingestKey}`);
  if (describe.demoUsers) {
    console.log('Demo users are active (no --users file); username / password: roles');
    for (const u of DEMO_USERS) console.log(`  ${u.username} / ${u.password}: ${u.roles.join(', ')} (${u.displayName})`);
  }
  console.log('Stop with Ctrl+C.');

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    backend.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error instanceof Error ? error.message : error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  if (error instanceof OptionsError) {
    console.error(USAGE);
    process.exit(2);
  }
  process.exit(1);
});
