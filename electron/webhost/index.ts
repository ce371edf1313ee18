// `npm run start:web`: the app in a browser. Prints the address to open (it carries the
// per-launch secret); stops on Ctrl+C.
import path from 'node:path';
import { demoUsersFromEnv, launchWebHost, PROJECT_ROOT } from './launch';

const dataDir = path.resolve(process.env.SERVICEDESK_DATA_DIR ?? path.join(PROJECT_ROOT, '.data'));
const port = process.env.SERVICEDESK_WEB_PORT ? Number(process.env.SERVICEDESK_WEB_PORT) : 0;

const running = await launchWebHost({
  dataDir,
  port,
  defaultBackendUrl: process.env.SERVICEDESK_BACKEND_URL,
  demoUsers: demoUsersFromEnv(process.env.SERVICEDESK_DEMO_USERS),
});
console.log(`Servicecenter Desk (Web-Host) läuft. Im Browser öffnen:\n  ${running.host.url}\nDaten: ${dataDir}`);

const stop = () => {
  running.close().then(() => process.exit(0), () => process.exit(1));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
