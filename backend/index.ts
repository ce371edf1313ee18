// `npm run backend`: the reference backend for the demo, on http://127.0.0.1:8787 by default.
//   --port 8787 --seed 1 --callbacks 200 --contacts 80 --dpo 15 --equality 10 --sms 5000
//   --arrivals-per-minute 2 --faults '{"error503Rate":0.1}'
import { parseArgs } from 'node:util';
import { DEMO_USERS } from './demo-users';
import { DEFAULT_DEMO, startBackend } from './server';

const USAGE = `usage: npm run backend -- [--port 8787] [--seed 1] [--callbacks 200] [--contacts 80] [--dpo 15]
       [--equality 10] [--sms 5000] [--arrivals-per-minute 2] [--faults '<FaultConfig JSON>']`;

function integer(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new Error(`--${name} must be a non-negative integer, got "${raw}"`);
  return Number(raw);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      seed: { type: 'string' },
      callbacks: { type: 'string' },
      contacts: { type: 'string' },
      dpo: { type: 'string' },
      equality: { type: 'string' },
      sms: { type: 'string' },
      'arrivals-per-minute': { type: 'string' },
      faults: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const backend = await startBackend({
    port: integer('port', values.port, 8787),
    seed: integer('seed', values.seed, 1),
    demo: {
      callbacks: integer('callbacks', values.callbacks, DEFAULT_DEMO.callbacks),
      contacts: integer('contacts', values.contacts, DEFAULT_DEMO.contacts),
      dpo: integer('dpo', values.dpo, DEFAULT_DEMO.dpo),
      equality: integer('equality', values.equality, DEFAULT_DEMO.equality),
      sms: integer('sms', values.sms, DEFAULT_DEMO.sms),
    },
    arrivalsPerMinute: integer('arrivals-per-minute', values['arrivals-per-minute'], 2),
    faults: values.faults === undefined ? {} : (JSON.parse(values.faults) as Record<string, unknown>),
  });

  const stats = backend.stats();
  console.log(`Reference backend listening on ${backend.url}`);
  console.log(`  ${stats.requests.total} requests, ${stats.sms.records} SMS records, ${stats.feedEvents} feed events (epoch ${stats.epoch})`);
  console.log('Demo users (username / password: roles):');
  for (const u of DEMO_USERS) console.log(`  ${u.username} / ${u.password}: ${u.roles.join(', ')} (${u.displayName})`);
  console.log('Stop with Ctrl+C.');

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    backend.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  console.error(USAGE);
  process.exit(1);
});
