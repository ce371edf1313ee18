// `npm start`: the reference backend with demo data and demo users, then the app: Electron
// where its binary is installed, otherwise the web host in the browser (with a notice why).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DEMO_USERS } from '../backend/demo-users';
import { DataDirInUseError } from '../backend/db/pglite-lock';
import { type DatabaseOptions } from '../backend/db/open';
import { feedDemoThroughWebsite, keepFormsArriving } from '../backend/demo/website-feeder';
import { DEFAULT_DEMO, startBackend, type RunningBackend } from '../backend/server';
import { launchWebHost, PROJECT_ROOT } from '../electron/webhost/launch';

const dataDir = path.resolve(process.env.SERVICEDESK_DATA_DIR ?? path.join(PROJECT_ROOT, '.data'));
const backendPort = Number(process.env.SERVICEDESK_BACKEND_PORT ?? 8787);
// The backend's own data (never inside the workstation's data directory): PostgreSQL in this
// process (PGlite) unless DATABASE_URL names a server.
const backendDatabase: DatabaseOptions = process.env.DATABASE_URL
  ? { url: process.env.DATABASE_URL }
  : { dataDir: path.resolve(process.env.SERVICEDESK_BACKEND_DATA_DIR ?? path.join(PROJECT_ROOT, '.backend-data')) };

// The demo's data arrives the way real data does (through the website's forms and the logs'
// ingest, backend/demo/website-feeder.ts), so the backend itself generates nothing. The demo
// feeds every form from this machine's address: no per-address limit here (tests cover it).
const demoBackendOptions = { arrivalsPerMinute: 0, demo: false as const, intakePerMinute: 0, ingestKey: process.env.SERVICEDESK_INGEST_KEY, database: backendDatabase };

async function startDemoBackend(): Promise<RunningBackend> {
  try {
    return await startBackend({ port: backendPort, ...demoBackendOptions });
  } catch (error) {
    if (error instanceof DataDirInUseError) {
      console.error(`Das Demo-Backend läuft schon (in einem anderen Prozess): ${error.message}`);
      process.exit(1);
    }
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    console.log(`Port ${backendPort} ist belegt; das Demo-Backend nimmt einen freien Port.`);
    return startBackend({ port: 0, ...demoBackendOptions });
  }
}

/** The Electron binary, if `npm install` could fetch it on this machine. */
function electronBinary(): string | null {
  const dir = path.join(PROJECT_ROOT, 'node_modules/electron');
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

function build(): void {
  console.log('Baue die Oberfläche (npm run build) …');
  const result = spawnSync('npm', ['run', '--silent', 'build'], { cwd: PROJECT_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) {
    console.error('Der Build ist fehlgeschlagen (siehe oben).');
    process.exit(1);
  }
}

const backend = await startDemoBackend();
const env = {
  ...process.env,
  SERVICEDESK_DATA_DIR: dataDir,
  SERVICEDESK_BACKEND_URL: backend.url,
  SERVICEDESK_DEMO_USERS: JSON.stringify(DEMO_USERS),
};
console.log(`Demo-Backend: ${backend.url} (${'url' in backendDatabase ? 'PostgreSQL-Server' : `PGlite in ${backendDatabase.dataDir}`})`);
if (!process.env.SERVICEDESK_INGEST_KEY) console.log(`Ingest-Schlüssel (SMS-Dienst, Online-Kundencenter; nur für diesen Lauf): ${backend.ingestKey}`);
const before = await backend.stats();
if (before.requests.total === 0 && before.sms.records === 0) {
  console.log('Demo-Daten kommen über die Formulare und die Protokoll-Schnittstelle der Website an …');
  const fed = await feedDemoThroughWebsite(backend, DEFAULT_DEMO, 1, new Date());
  console.log(`  ${fed.forms} Formulare, ${fed.sms.accepted} SMS- und ${fed.portal.accepted} Portal-Protokolleinträge (ältere als 90 Tage nicht gespeichert)`);
}
const stopForms = keepFormsArriving(backend, 2, 1, () => new Date());
console.log(`Website-Formulare: ${backend.url}/forms/`);
console.log(`Demo-Zugänge: ${DEMO_USERS.map((u) => `${u.username}/${u.password} (${u.roles.join('+')})`).join(', ')}`);
console.log(`Daten: ${dataDir}`);
build();

const electron = electronBinary();
let stopApp: () => Promise<void>;
if (electron) {
  const child = spawn(electron, [PROJECT_ROOT], { stdio: 'inherit', env });
  stopApp = async () => {
    child.kill();
  };
  child.on('exit', (code) => {
    void backend.close().then(() => process.exit(code ?? 0));
  });
} else {
  console.log(
    '\nElectron ist auf diesem Rechner nicht installiert (sein Programm konnte nicht heruntergeladen werden).\n' +
      'Servicecenter Desk läuft deshalb im Browser (Web-Host).\n' +
      'Electron is not installed here (its binary could not be downloaded); serving the web host instead.\n',
  );
  const web = await launchWebHost({ dataDir, defaultBackendUrl: backend.url, demoUsers: [...DEMO_USERS] });
  stopApp = web.close;
  console.log(`Im Browser öffnen / open in a browser:\n  ${web.host.url}\n\nBeenden mit Strg+C.`);
}

const stop = () => {
  stopForms();
  void stopApp()
    .then(() => backend.close())
    .then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
