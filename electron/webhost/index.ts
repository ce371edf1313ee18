// `npm run start:web`: the app in a browser. Prints the address to open (it carries the
// one-time launch code); stops on Ctrl+C.
import path from 'node:path';
import { z } from 'zod';
import { demoUsersFromEnv, launchWebHost, PROJECT_ROOT } from './launch';

const dataDir = path.resolve(process.env.SERVICEDESK_DATA_DIR ?? path.join(PROJECT_ROOT, '.data'));

/** A whole number from the environment, or exit 2 with a German message saying what is wrong. */
function numberFromEnv(name: string, max: number): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const parsed = z.coerce.number().int().min(0).max(max).safeParse(raw);
  if (parsed.success) return parsed.data;
  console.error(`${name}="${raw}" ist ungültig: erwartet wird eine ganze Zahl von 0 bis ${max}.`);
  process.exit(2);
}

const port = numberFromEnv('SERVICEDESK_WEB_PORT', 65_535) ?? 0;
// Background sync every few seconds by default; 0 turns it off (benchmarks, offline demos).
const syncIntervalMs = numberFromEnv('SERVICEDESK_SYNC_INTERVAL_MS', 86_400_000);

const running = await launchWebHost({
  dataDir,
  port,
  defaultBackendUrl: process.env.SERVICEDESK_BACKEND_URL,
  demoUsers: demoUsersFromEnv(process.env.SERVICEDESK_DEMO_USERS),
  syncIntervalMs,
});
console.log(`Servicecenter Desk (Web-Host) läuft. Im Browser öffnen:\n  ${running.host.url}\nDaten: ${dataDir}`);

const stop = () => {
  running.close().then(() => process.exit(0), () => process.exit(1));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
