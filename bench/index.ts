// `npm run bench [-- --quick]`: every figure against a baseline measured in this same run,
// printed as one table and written to BENCHMARKS.md with the machine's description.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchBrowserQueue } from './browser-queue.bench';
import { benchIngest } from './ingest.bench';
import { fmt, machineDescription, markdownTable, scalingTable, writeBenchmarksMd, type BenchRow, type ScalingRow } from './lib/report';
import { benchPurge } from './purge.bench';
import { benchQueuePage } from './queue-page.bench';
import { benchRss } from './rss.bench';
import { benchSmsLookup } from './sms-lookup.bench';

const quick = process.argv.includes('--quick');
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The sizes; --quick divides them by 10 for a smoke run.
const S = quick
  ? { ingestRequests: 10_000, ingestSms: 100_000, queue: 100_000, purge: 100_000, lookup: 500_000, browser: 10_000, rss: 100_000, scaling: [1_000, 10_000, 100_000] }
  : { ingestRequests: 100_000, ingestSms: 1_000_000, queue: 1_000_000, purge: 1_000_000, lookup: 5_000_000, browser: 100_000, rss: 1_000_000, scaling: [10_000, 100_000, 1_000_000] };

const NOTES = `Goals missed, what was profiled and fixed, and what is left:

- **Ingest (≈ 20–24 % of baseline, goal 25 %).** Profiled with \`--cpu-prof\`. Fixed: prepared
  statements on the hot paths (drizzle \`.prepare()\` with placeholders), one zod parse per valid
  event instead of two, the next page fetched while the current batch commits, 10,000-event
  commits with synchronous=NORMAL (a page lost to a power cut is pulled again; nothing
  acknowledged depends on it), a 64 MiB page cache. Together 3.75 % → ≈ 22 %. What remains is
  what the baseline does not do: HTTP and JSON for 2,200 pages, validating every event with the
  shared schemas, Berlin-time and IP-key computation, the tombstone and watermark checks that keep
  purged data from coming back, and about 110 commits instead of one (every commit rewrites the
  index pages it touched; the SMS indexes take random keys). Larger batches (50,000) gave no gain
  within the noise of this 2-core machine.
- **Queue first page (p95 ≈ 1.5 ms at 1M, goal < 5 ms met; ratio ≈ 6×, goal ≤ 1.5×).** Fixed: an
  index whose expression matches the ORDER BY (\`kind, status, due_from IS NULL, due_from,
  received_at\`) turned a full sort into an index walk (17 ms → 1.5 ms at 100k), and the query is
  prepared per filter shape. The baseline runs the very same SQL by hand; the remaining ≈ 0.5 ms
  per 100 rows is mapping rows into the view objects (drizzle's column decoders, the due state,
  owner), which the raw \`.all()\` does not do.
- **100k-row queue in Chromium (first page ≈ 2.2 s, keystroke → paint p95 ≈ 0.37 s in the table
  above; goals 0.5 s and 50 ms).** The renderer holds the whole queue: the first paint waits for
  100k rows to cross the bridge as JSON (≈ 40 MB). Keystrokes, fixed: the queue sorts all rows once
  per (rows, sorting) change with the columns' own comparators (\`sortQueueRows\`) and gives TanStack
  the sorted data with \`manualSorting\`, so the table builds its rows only then; a keystroke filters
  those rows in one pass over per-row lowercase search texts (cached by row object, built in idle
  time after a load), and while the search grows it filters the previous result. Measured with
  \`benchBrowserQueue(100000)\`, before and after back to back while a CI run shared the 2 cores
  (not a full run, so the table row is unchanged): keystroke → paint p95 426–546 ms before (every
  keystroke 300–570 ms) → 59–83 ms after (33–58 ms per keystroke after the first, i.e. the
  benchmark's two animation frames). What is left in the p95 is the first keystrokes right after
  the first paint: the first (≈ 0.3 s) scans all 100k rows while their search texts are not built
  yet, the second scans the first's result. JS heap 58 → ≈ 92 MB (table rows for all rows, the
  sorted copy, the search texts). First page unchanged (2.0–2.1 s in the same runs): the next step
  is to show \`queue.list\` with a limit (≈ 1 ms from the index above) before the full
  \`queue.changes\` read, which needs a decision on filters and counts while only that page is
  there (the benchmark types as soon as the first row shows); not done in this round. Live
  updates after the first load are deltas (\`queue.changes\`, ≈ 180 ms).
- **Purge** met its goals after two fixes: SMS batches of 20,000 chosen by rowid inside SQLite
  (each batch commits with fsync; 5,000-row batches ran at 21 % of baseline, 20,000 at 35–46 %),
  and incremental auto-vacuum on new databases, so the file shrinks after a large purge.
- SMS lookups include what the baseline does not: the per-day aggregation, the other customers
  seen from the same addresses, and the audit entry with its keyed hash, committed with
  synchronous=FULL (one fsync per lookup, most of the p50).`;

const rows: BenchRow[] = [];
const scaling: ScalingRow[] = [
  { measure: 'ingest, events/s (ours / baseline)', values: {} },
  { measure: 'queue first page p95 (ours / raw)', values: {} },
  { measure: 'purge, rows/s (ours / baseline)', values: {} },
];
const log = (line: string) => console.log(line);
const k = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`);

log(`Servicecenter Desk benchmarks on ${machineDescription()}${quick ? ' (quick)' : ''}`);

log(`ingest ${k(S.ingestRequests)} queue events + ${k(S.ingestSms)} sms.logged …`);
const ingest = await benchIngest(S.ingestRequests, S.ingestSms);
rows.push({
  figure: `sync ingest over loopback HTTP with validation, ${k(S.ingestRequests)} queue + ${k(S.ingestSms)} SMS events`,
  ours: fmt.rate(ingest.oursPerSec, 'events'),
  baseline: `${fmt.rate(ingest.baselinePerSec, 'rows')} (raw prepared INSERT, one transaction)`,
  ratio: fmt.pct(ingest.ratio),
  goal: '≥ 25 % of baseline',
  met: ingest.ratio >= 0.25,
});

log(`queue first page at ${k(S.queue)} entries …`);
const page = await benchQueuePage(S.queue);
rows.push({
  figure: `open-queue first page (100 rows, filtered, by due) at ${k(S.queue)} entries, p50 / p95`,
  ours: `${fmt.ms(page.p50)} / ${fmt.ms(page.p95)} (right after a write: p95 ${fmt.ms(page.coldP95)})`,
  baseline: `${fmt.ms(page.baselineP50)} / ${fmt.ms(page.baselineP95)} (same statements, raw SQL)`,
  ratio: fmt.ratio(page.p95 / page.baselineP95),
  goal: 'p95 < 5 ms, ≤ 1.5×',
  met: page.p95 < 5 && page.p95 / page.baselineP95 <= 1.5,
});

log(`purge of ${k(S.purge)} expired SMS rows …`);
const purge = await benchPurge(S.purge);
rows.push({
  figure: `purge of ${k(S.purge)} expired SMS rows; file size before → after`,
  ours: `${fmt.rate(purge.oursPerSec, 'rows')}; ${fmt.mb(purge.sizeBeforeMb)} → ${fmt.mb(purge.sizeAfterMb)}`,
  baseline: `${fmt.rate(purge.baselinePerSec, 'rows')} (raw DELETE, secure_delete off)`,
  ratio: fmt.pct(purge.ratio),
  goal: '≥ 30 % of baseline, file shrinks',
  met: purge.ratio >= 0.3 && purge.sizeAfterMb < purge.sizeBeforeMb,
});

log(`SMS lookup at ${k(S.lookup)} records …`);
for (const l of await benchSmsLookup(S.lookup)) {
  rows.push({
    figure: `SMS lookup by ${l.by} at ${k(S.lookup)} records (audited), p50 / p95`,
    ours: `${fmt.ms(l.p50)} / ${fmt.ms(l.p95)}`,
    baseline: `p95 ${fmt.ms(l.baselineP95)} (raw indexed SELECT)`,
    ratio: fmt.ratio(l.p95 / l.baselineP95),
    goal: 'p95 < 20 ms',
    met: l.p95 < 20,
  });
}

log(`queue of ${k(S.browser)} rows in Chromium …`);
const browser = await benchBrowserQueue(S.browser, ROOT);
rows.push({
  figure: `${k(S.browser)}-row queue in Chromium: first page visible; filter keystroke → paint p95; JS heap`,
  ours: `${fmt.ms(browser.firstPageMs)}; ${browser.keystrokeP95Ms === null ? 'n/a' : fmt.ms(browser.keystrokeP95Ms)}; ${fmt.mb(browser.heapMb)}`,
  baseline: `${fmt.ms(browser.emptyFirstPageMs)}; –; ${fmt.mb(browser.emptyHeapMb)} (empty table page)`,
  ratio: fmt.ratio(browser.firstPageMs / browser.emptyFirstPageMs),
  goal: '< 500 ms, < 50 ms',
  met: browser.firstPageMs < 500 && (browser.keystrokeP95Ms === null || browser.keystrokeP95Ms < 50),
});

log(`core RSS at ${k(S.rss)} entries …`);
const rss = benchRss(S.rss);
rows.push({
  figure: `core RSS at ${k(S.rss)} entries (open, first page, status, 5k rows)`,
  ours: fmt.mb(rss.working),
  baseline: `${fmt.mb(rss.atStart)} (same process at start)`,
  ratio: fmt.ratio(rss.working / rss.atStart),
  goal: '< 300 MB',
  met: rss.working < 300,
});

for (const n of S.scaling) {
  log(`scaling at ${k(n)} …`);
  const i = await benchIngest(Math.round(n / 2), Math.round(n / 2));
  scaling[0]!.values[k(n)] = `${fmt.rate(i.oursPerSec, 'ev')} / ${fmt.rate(i.baselinePerSec, 'rows')}`;
  const q = await benchQueuePage(n, 30);
  scaling[1]!.values[k(n)] = `${fmt.ms(q.p95)} / ${fmt.ms(q.baselineP95)}`;
  const p = await benchPurge(n);
  scaling[2]!.values[k(n)] = `${fmt.rate(p.oursPerSec, 'rows')} / ${fmt.rate(p.baselinePerSec, 'rows')}`;
}

const table = markdownTable(rows);
const scalingMd = scalingTable(scaling);
log(`\n${table}\n\n${scalingMd}`);
writeBenchmarksMd(path.join(ROOT, 'BENCHMARKS.md'), {
  when: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
  scale: quick ? 'quick (a tenth of the issue’s sizes)' : 'full (the issue’s sizes)',
  table,
  scaling: scalingMd,
  notes: NOTES,
});
log('\nwritten to BENCHMARKS.md');
