// `npm run bench [-- --quick] [-- --only NAME[,NAME…]]`: every figure against a baseline measured in
// this same run, printed as one table and written to BENCHMARKS.md with the machine's description.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEngine, type Engine } from './backend/engine';
import { benchIntake, benchSmsIngest } from './backend/intake.bench';
import { benchOriginPurge } from './backend/origin-purge.bench';
import { benchClaims, benchClaimsOverProcesses, benchFeedPull } from './backend/workstations.bench';
import { benchFormToQueue, benchIntakeWhileSyncing } from './backend/website-load.bench';
import { benchBrowserQueue } from './browser-queue.bench';
import { benchIngest } from './ingest.bench';
import { ensureBuilt } from './lib/build';
import { fmt, machineDescription, markdownTable, scalingTable, writeBenchmarksMd, type BenchRow, type ScalingRow } from './lib/report';
import { NOTES } from './notes';
import { benchPurge } from './purge.bench';
import { benchQueuePage } from './queue-page.bench';
import { benchRss } from './rss.bench';
import { benchSmsLookup } from './sms-lookup.bench';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
// The issue's sizes; --quick divides them by 10 for a smoke run.
const S = quick
  ? { intake: 2_000, intakeSyncing: 500, syncingDesks: 20, queueForms: 20, smsIngest: 100_000, workstations: 50, feedRequests: 1_000, feedSms: 10_000, claimsPerAgent: 5, originPurge: 100_000,
      ingestRequests: 10_000, ingestSms: 100_000, queue: 100_000, purge: 100_000, lookup: 500_000, browser: 10_000, rss: 100_000, scaling: [1_000, 10_000, 100_000] }
  : { intake: 100_000, intakeSyncing: 10_000, syncingDesks: 20, queueForms: 100, smsIngest: 1_000_000, workstations: 50, feedRequests: 10_000, feedSms: 100_000, claimsPerAgent: 20, originPurge: 1_000_000,
      ingestRequests: 100_000, ingestSms: 1_000_000, queue: 1_000_000, purge: 1_000_000, lookup: 5_000_000, browser: 100_000, rss: 1_000_000, scaling: [10_000, 100_000, 1_000_000] };

const rows: BenchRow[] = [];
const scaling: ScalingRow[] = [
  { measure: 'ingest, rows stored/s (ours / baseline)', values: {} },
  { measure: 'queue first page p95 (ours / raw)', values: {} },
  { measure: 'queue first page right after a write p95 (ours / raw)', values: {} },
  { measure: 'purge, rows/s (ours / baseline)', values: {} },
];
const log = (line: string) => console.log(line);
/** Keeps a row for the table and prints it at once: a crash later in the run loses nothing seen. */
const record = (row: BenchRow) => {
  rows.push(row);
  log(`  ${row.ours} | ${row.baseline} | ${row.ratio} | goal ${row.goal}${row.met === null ? '' : row.met ? ': met' : ': missed'}`);
};
const k = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`);

interface Bench {
  name: string;
  run(): Promise<void>;
}

/** Runs a backend row once on PostgreSQL (a throwaway cluster) and once on PGlite. */
async function onEngines(work: (engine: Engine) => Promise<void>): Promise<void> {
  for (const name of ['postgres', 'pglite'] as const) {
    const engine = await startEngine(name);
    try {
      await work(engine);
    } finally {
      await engine.stop();
    }
  }
}

const BENCHES: Bench[] = [
  {
    name: 'ingest',
    async run() {
      // The backend on the embedded default (PGlite) and on PostgreSQL, the system of record.
      await onEngines(async (engine) => {
        log(`ingest ${k(S.ingestRequests)} queue events + ${k(S.ingestSms)} sms.logged (backend on ${engine.name}) …`);
        const ingest = await benchIngest(S.ingestRequests, S.ingestSms, { database: await engine.fresh() });
        record({
          figure: `sync ingest over loopback HTTP with validation, ${k(S.ingestRequests)} queue + ${k(S.ingestSms)} SMS events (backend on ${engine.name}; median of 3)`,
          ours: `${fmt.rate(ingest.oursPerSec, 'rows')} (${ingest.pulled.toLocaleString('en-US')} feed events for ${ingest.events.toLocaleString('en-US')} rows)`,
          baseline: `${fmt.rate(ingest.baselinePerSec, 'rows')} (raw prepared INSERT, one transaction)`,
          ratio: fmt.pct(ingest.ratio),
          goal: '≥ 30 % of baseline',
          met: ingest.ratio >= 0.3,
        });
      });
    },
  },
  {
    name: 'queue',
    async run() {
      log(`queue first page at ${k(S.queue)} entries …`);
      const page = await benchQueuePage(S.queue);
      record({
        figure: `open-queue first page (100 rows, filtered, by due) at ${k(S.queue)} entries, p50 / p95`,
        ours: `${fmt.ms(page.p50)} / ${fmt.ms(page.p95)}`,
        baseline: `${fmt.ms(page.baselineP50)} / ${fmt.ms(page.baselineP95)} (same statements, raw SQL)`,
        ratio: fmt.ratio(page.p95 / page.baselineP95),
        goal: 'p95 < 5 ms, ≤ 1.5×',
        met: page.p95 < 5 && page.p95 / page.baselineP95 <= 1.5,
      });
      record({
        figure: `the same first page right after a write (a claim, close or erasure before each call) at ${k(S.queue)} entries, p50 / p95`,
        ours: `${fmt.ms(page.afterWriteP50)} / ${fmt.ms(page.afterWriteP95)}`,
        baseline: `${fmt.ms(page.baselineAfterWriteP50)} / ${fmt.ms(page.baselineAfterWriteP95)} (same statements, raw SQL, same writes)`,
        ratio: fmt.ratio(page.afterWriteP95 / page.baselineAfterWriteP95),
        goal: 'p95 < 5 ms, ≤ 1.5×',
        met: page.afterWriteP95 < 5 && page.afterWriteP95 / page.baselineAfterWriteP95 <= 1.5,
      });
    },
  },
  {
    name: 'purge',
    async run() {
      log(`purge of ${k(S.purge)} expired SMS rows …`);
      const purge = await benchPurge(S.purge);
      record({
        figure: `purge of ${k(S.purge)} expired SMS rows; file size before → after`,
        ours: `${fmt.rate(purge.oursPerSec, 'rows')}; ${fmt.mb(purge.sizeBeforeMb)} → ${fmt.mb(purge.sizeAfterMb)}`,
        baseline: `${fmt.rate(purge.baselinePerSec, 'rows')} (raw DELETE, secure_delete off)`,
        ratio: fmt.pct(purge.ratio),
        goal: '≥ 30 % of baseline, file shrinks',
        met: purge.ratio >= 0.3 && purge.sizeAfterMb < purge.sizeBeforeMb,
      });
    },
  },
  {
    name: 'lookup',
    async run() {
      log(`SMS lookup at ${k(S.lookup)} records …`);
      for (const l of await benchSmsLookup(S.lookup)) {
        record({
          figure: `SMS lookup by ${l.by} at ${k(S.lookup)} records (audited), p50 / p95`,
          ours: `${fmt.ms(l.p50)} / ${fmt.ms(l.p95)}`,
          baseline: `p95 ${fmt.ms(l.baselineP95)} (raw indexed SELECT)`,
          ratio: fmt.ratio(l.p95 / l.baselineP95),
          goal: 'p95 < 20 ms',
          met: l.p95 < 20,
        });
      }
    },
  },
  {
    name: 'browser',
    async run() {
      log(`queue of ${k(S.browser)} rows in Chromium …`);
      const browser = await benchBrowserQueue(S.browser, ROOT);
      const ratio = browser.firstPageMs / browser.emptyFirstPageMs;
      record({
        figure: `${k(S.browser)}-row queue in Chromium: first page visible; filter keystroke → paint p95; JS heap`,
        ours: `${fmt.ms(browser.firstPageMs)}; ${browser.keystrokeP95Ms === null ? 'n/a' : fmt.ms(browser.keystrokeP95Ms)}; ${fmt.mb(browser.heapMb)}`,
        baseline: `${fmt.ms(browser.emptyFirstPageMs)}; –; ${fmt.mb(browser.emptyHeapMb)} (empty table page)`,
        ratio: fmt.ratio(ratio),
        goal: '≤ 1.15× of the empty page, < 50 ms',
        met: ratio <= 1.15 && (browser.keystrokeP95Ms === null || browser.keystrokeP95Ms < 50),
      });
    },
  },
  {
    name: 'rss',
    async run() {
      log(`core RSS at ${k(S.rss)} entries …`);
      const rss = benchRss(S.rss);
      record({
        figure: `core RSS at ${k(S.rss)} entries (open, first page, status, 5k rows)`,
        ours: fmt.mb(rss.working),
        baseline: `${fmt.mb(rss.atStart)} (same process at start)`,
        ratio: fmt.ratio(rss.working / rss.atStart),
        goal: '< 300 MB',
        met: rss.working < 300,
      });
    },
  },
  {
    name: 'scaling',
    async run() {
      for (const n of S.scaling) {
        log(`scaling at ${k(n)} …`);
        const i = await benchIngest(Math.round(n / 2), Math.round(n / 2));
        scaling[0]!.values[k(n)] = `${fmt.rate(i.oursPerSec, 'rows')} / ${fmt.rate(i.baselinePerSec, 'rows')} (${fmt.pct(i.ratio)}; ${i.pulled.toLocaleString('en-US')} feed events)`;
        const q = await benchQueuePage(n, 100);
        scaling[1]!.values[k(n)] = `${fmt.ms(q.p95)} / ${fmt.ms(q.baselineP95)}`;
        scaling[2]!.values[k(n)] = `${fmt.ms(q.afterWriteP95)} / ${fmt.ms(q.baselineAfterWriteP95)}`;
        const p = await benchPurge(n);
        scaling[3]!.values[k(n)] = `${fmt.rate(p.oursPerSec, 'rows')} / ${fmt.rate(p.baselinePerSec, 'rows')}`;
        log(`  ${scaling.map((r) => `${r.measure}: ${r.values[k(n)]}`).join('; ')}`);
      }
    },
  },
  {
    name: 'backend-intake',
    async run() {
      await onEngines(async (engine) => {
        log(`backend (${engine.name}): intake of ${k(S.intake)} forms over HTTP …`);
        const r = await benchIntake(engine, S.intake);
        record({
          figure: `backend on ${engine.name}: intake of ${k(S.intake)} requests through HTTP (8 forms in flight)`,
          ours: fmt.rate(r.oursPerSec, 'requests'),
          baseline: `${fmt.rate(r.baselinePerSec, 'rows')} (raw INSERT of the same rows, 8 in flight)`,
          ratio: fmt.pct(r.ratio),
          goal: '–',
          met: null,
        });
      });
    },
  },
  {
    name: 'backend-intake-syncing',
    async run() {
      await onEngines(async (engine) => {
        log(`backend (${engine.name}): intake of ${k(S.intakeSyncing)} forms while ${S.syncingDesks} workstations sync …`);
        const r = await benchIntakeWhileSyncing(engine, S.intakeSyncing, S.syncingDesks);
        record({
          figure: `backend on ${engine.name}: intake of ${k(S.intakeSyncing)} requests through HTTP (8 in flight) while ${S.syncingDesks} desk cores (feed watch and periodic sync, all in this process) stay connected`,
          ours: fmt.rate(r.oursPerSec, 'requests'),
          baseline: `${fmt.rate(r.baselinePerSec, 'rows')} (raw INSERT of the same rows, 8 in flight, nothing else running)`,
          ratio: fmt.pct(r.ratio),
          goal: '–',
          met: null,
        });
      });
    },
  },
  {
    name: 'backend-form-to-queue',
    async run() {
      await onEngines(async (engine) => {
        log(`backend (${engine.name}): ${S.queueForms} callback forms into the open queues of ${S.workstations} workstations …`);
        const r = await benchFormToQueue(engine, S.workstations, S.queueForms);
        record({
          figure: `backend on ${engine.name}: a callback form's 201 to its row in the open queue, ${S.workstations} connected desk cores (feed watch), ${S.queueForms} forms 250 ms apart: p95 (p50; max)`,
          ours: `${fmt.ms(r.p95)} (${fmt.ms(r.p50)}; ${fmt.ms(r.max)})${r.missing ? `; ${r.missing} rows not there after 30 s` : ''}`,
          baseline: '–',
          ratio: '–',
          goal: '< 1 s',
          met: r.missing === 0 && r.p95 < 1_000,
        });
      });
    },
  },
  {
    name: 'backend-sms',
    async run() {
      await onEngines(async (engine) => {
        log(`backend (${engine.name}): ingest of ${k(S.smsIngest)} SMS records over HTTP …`);
        const r = await benchSmsIngest(engine, S.smsIngest);
        record({
          figure: `backend on ${engine.name}: ingest of ${k(S.smsIngest)} SMS records through HTTP (5,000 a call)`,
          ours: fmt.rate(r.oursPerSec, 'records'),
          baseline: `${fmt.rate(r.baselinePerSec, 'rows')} (raw multi-row INSERT, 5,000 a statement)`,
          ratio: fmt.pct(r.ratio),
          goal: '–',
          met: null,
        });
      });
    },
  },
  {
    name: 'backend-feed',
    async run() {
      await onEngines(async (engine) => {
        log(`backend (${engine.name}): ${S.workstations} workstations pulling the whole feed at once …`);
        const r = await benchFeedPull(engine, S.workstations, S.feedRequests, S.feedSms);
        record({
          figure: `backend on ${engine.name}: ${S.workstations} desk cores (own SQLite each, all in this process) pulling the whole feed (${r.events.toLocaleString('en-US')} events) at once: total; page p95`,
          ours: `${fmt.ms(r.allMs)}; ${fmt.ms(r.allPageP95)}${r.failed.length ? ` (${r.failed.length} pulls failed: ${[...new Set(r.failed)].join('; ')})` : ''}`,
          baseline: `${fmt.ms(r.aloneMs)}; ${fmt.ms(r.alonePageP95)} (one desk alone)`,
          ratio: `${fmt.ratio(r.allMs / r.aloneMs)}; ${fmt.ratio(r.allPageP95 / r.alonePageP95)}`,
          goal: '≤ 3×',
          met: r.failed.length === 0 && r.allMs / r.aloneMs <= 3 && r.allPageP95 / r.alonePageP95 <= 3,
        });
        record({
          figure: `backend on ${engine.name}: the same ${S.workstations} pulls by bare HTTP clients (pages fetched, nothing applied): total; page p95`,
          ours: `${fmt.ms(r.http.allMs)}; ${fmt.ms(r.http.allPageP95)}`,
          baseline: `${fmt.ms(r.http.aloneMs)}; ${fmt.ms(r.http.alonePageP95)} (one client alone)`,
          ratio: `${fmt.ratio(r.http.allMs / r.http.aloneMs)}; ${fmt.ratio(r.http.allPageP95 / r.http.alonePageP95)}`,
          goal: '≤ 3×',
          met: r.http.allMs / r.http.aloneMs <= 3 && r.http.allPageP95 / r.http.alonePageP95 <= 3,
        });
      });
    },
  },
  {
    name: 'backend-claim',
    async run() {
      await onEngines(async (engine) => {
        log(`backend (${engine.name}): claims by ${S.workstations} agents at once …`);
        const r = await benchClaims(engine, S.workstations, S.claimsPerAgent);
        record({
          figure: `backend on ${engine.name}: claim through HTTP with ${S.workstations} agents claiming at once (${S.claimsPerAgent} each), p50 / p95`,
          ours: `${fmt.ms(r.loadedP50)} / ${fmt.ms(r.loadedP95)}`,
          baseline: `${fmt.ms(r.idleP50)} / ${fmt.ms(r.idleP95)} (one agent, idle backend)`,
          ratio: fmt.ratio(r.loadedP95 / r.idleP95),
          goal: '≤ 5×',
          met: r.loadedP95 / r.idleP95 <= 5,
        });
      });
    },
  },
  {
    name: 'backend-processes',
    async run() {
      // PostgreSQL only: PGlite holds its data directory in one process.
      const engine = await startEngine('postgres');
      try {
        log(`backend (postgres): claims by ${S.workstations} agents through one and through two backend processes …`);
        const r = await benchClaimsOverProcesses(engine, S.workstations, S.claimsPerAgent);
        record({
          figure: `backend on postgres: claims by ${S.workstations} agents at once (${S.claimsPerAgent} each) spread over two backend processes on one database: claims/s; p95 (of ${S.workstations} claiming one request at once through both: winners)`,
          ours: `${fmt.rate(r.two.perSec, 'claims')}; ${fmt.ms(r.two.p95)} (${r.winners} winner${r.winners === 1 ? '' : 's'})`,
          baseline: `${fmt.rate(r.one.perSec, 'claims')}; ${fmt.ms(r.one.p95)} (the same through one process)`,
          ratio: fmt.ratio(r.two.perSec / r.one.perSec),
          goal: 'exactly 1 winner',
          met: r.winners === 1,
        });
      } finally {
        await engine.stop();
      }
    },
  },
  {
    name: 'backend-purge',
    async run() {
      await onEngines(async (engine) => {
        log(`backend (${engine.name}): purge of ${k(S.originPurge)} SMS records at the origin …`);
        const r = await benchOriginPurge(engine, S.originPurge);
        record({
          figure: `backend on ${engine.name}: purge of ${k(S.originPurge)} SMS records past 90 days with their feed events (the periodic work, as the backend's start runs it: that start less the start of the same database with nothing due)`,
          ours: fmt.rate(r.oursPerSec, 'rows'),
          baseline: `${fmt.rate(r.baselinePerSec, 'rows')} (raw DELETE, events by cascade)`,
          ratio: fmt.pct(r.ratio),
          goal: '–',
          met: null,
        });
      });
    },
  },
];

/** `--only a,b` or `--only a --only b`: those rows alone; BENCHMARKS.md is then left as it is. */
function selected(): Bench[] {
  const names = argv.flatMap((arg, i) => (arg === '--only' ? (argv[i + 1] ?? '').split(',') : arg.startsWith('--only=') ? arg.slice(7).split(',') : [])).filter(Boolean);
  if (argv.includes('--only') && names.length === 0) refuse('--only needs a row name');
  const unknown = names.filter((n) => !BENCHES.some((b) => b.name === n));
  if (unknown.length > 0) refuse(`no benchmark row named ${unknown.join(', ')}`);
  return names.length === 0 ? BENCHES : BENCHES.filter((b) => names.includes(b.name));
}

function refuse(message: string): never {
  console.error(`${message}. Rows: ${BENCHES.map((b) => b.name).join(', ')}. Usage: npm run bench -- [--quick] [--only NAME[,NAME…]]`);
  process.exit(2);
}

const chosen = selected();
const partial = chosen.length < BENCHES.length;
// Before anything is measured: a missing or stale out/ is built now, or the run stops here.
if (chosen.some((b) => b.name === 'browser')) ensureBuilt(ROOT, log);

log(`Servicecenter Desk benchmarks on ${machineDescription()}${quick ? ' (quick)' : ''}${partial ? ` (only ${chosen.map((b) => b.name).join(', ')})` : ''}`);
for (const bench of chosen) await bench.run();

const table = markdownTable(rows);
const scalingMd = scalingTable(scaling);
log(`\n${table}\n\n${chosen.some((b) => b.name === 'scaling') ? scalingMd : ''}`);
if (partial) {
  log('\nBENCHMARKS.md left as it is (--only measures a part of the table)');
} else {
  writeBenchmarksMd(path.join(ROOT, 'BENCHMARKS.md'), {
    when: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    scale: quick ? 'quick (a tenth of the issue’s sizes)' : 'full (the issue’s sizes)',
    table,
    scaling: scalingMd,
    notes: NOTES,
  });
  log('\nwritten to BENCHMARKS.md');
}
