// The website side at scale: forms through the intake endpoint (validation, slot rules, phone
// normalisation, idempotency key, reference, feed event, one transaction each) against raw
// INSERTs of the same requests' rows; SMS records through the ingest endpoint (5,000 a call, as
// the SMS service sends them: checked, stored with their feed events) against raw multi-row
// INSERTs of the same records. Both on the same engine in the same run.
import { randomBytes, randomUUID } from 'node:crypto';
import { formsOf } from '../../backend/demo/website-feeder';
import { generateHistory, generatorContext } from '../../backend/generator';
import { timeMs } from '../lib/measure';
import { requestMix } from '../lib/world';
import { INGEST_KEY, inParallel, post, spawnBackendOn, type Engine } from './engine';

/** Forms in flight at once: a website's few server processes. */
const INTAKE_CONCURRENCY = 8;
const INGEST_CHUNK = 5_000;

export interface RateResult {
  oursPerSec: number;
  baselinePerSec: number;
  ratio: number;
}

/** Work that runs beside the measured intake (issue 15: workstations syncing); returns its stop. */
export type Background = (backendUrl: string) => Promise<() => Promise<void>>;

export async function benchIntake(engine: Engine, count: number, during?: Background): Promise<RateResult> {
  const now = new Date();
  const forms = formsOf(generateHistory(generatorContext(7), requestMix(count), now.getTime()), now);

  const rawDb = await (await engine.fresh()).open();
  const columns = ['id', 'kind', 'received_at', 'reference', 'topic', 'preferred_date', 'window_from', 'window_to', 'salutation', 'name', 'phone', 'email', 'subject', 'message', 'note', 'consent_notice_version', 'consent_at'];
  const insert = `INSERT INTO requests (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`;
  const baselineMs = await timeMs(() =>
    inParallel(forms, INTAKE_CONCURRENCY, async ({ kind, body: f }) => {
      const window = f.preferredWindow as { from: string; to: string } | undefined;
      const consent = f.consent as { noticeVersion: string; at: string };
      await rawDb.query(insert, [
        randomUUID(), kind, now.toISOString(), randomBytes(6).toString('hex'), f.topic ?? f.category, f.preferredDate ?? null, window?.from ?? null, window?.to ?? null,
        f.salutation, f.name, f.phone ?? null, f.email ?? null, f.subject ?? null, f.message ?? null, f.note ?? null, consent.noticeVersion, consent.at,
      ]);
    }),
  );
  await rawDb.close();

  const backend = await spawnBackendOn(await engine.fresh());
  const stopBackground = during ? await during(backend.url) : null;
  try {
    const oursMs = await timeMs(() =>
      inParallel(forms, INTAKE_CONCURRENCY, async (form) => {
        const answer = await post(`${backend.url}/api/v1/intake/${form.kind}`, form.body, { 'idempotency-key': randomUUID() });
        if (answer.status !== 201) throw new Error(`intake ${form.kind} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`);
      }),
    );
    return rates(forms.length, oursMs, baselineMs);
  } finally {
    await stopBackground?.();
    await backend.stop();
  }
}

export async function benchSmsIngest(engine: Engine, count: number): Promise<RateResult> {
  const now = new Date();
  const batch = generateHistory(generatorContext(11), { sms: count }, now.getTime());
  const records: { id: string; customerNumber: string; sentAt: string; ip: string }[] = [];
  for (let k = 0; k < batch.length; k++) {
    if (batch.isSms[k]) records.push({ ...batch.sms.record(batch.ref[k] ?? 0), id: randomUUID() });
  }
  const chunks = Array.from({ length: Math.ceil(records.length / INGEST_CHUNK) }, (_, i) => records.slice(i * INGEST_CHUNK, (i + 1) * INGEST_CHUNK));

  const rawDb = await (await engine.fresh()).open();
  const baselineMs = await timeMs(async () => {
    for (const chunk of chunks) {
      const values = chunk.flatMap((r) => [r.id, r.customerNumber, r.sentAt, r.ip]);
      await rawDb.query(`INSERT INTO sms_log (id, customer_number, sent_at, ip) VALUES ${chunk.map((_, i) => `($${4 * i + 1}, $${4 * i + 2}, $${4 * i + 3}, $${4 * i + 4})`).join(', ')}`, values);
    }
  });
  await rawDb.close();

  const backend = await spawnBackendOn(await engine.fresh());
  try {
    const oursMs = await timeMs(async () => {
      for (const chunk of chunks) {
        const answer = await post(`${backend.url}/api/v1/ingest/sms`, { records: chunk }, { authorization: `Bearer ${INGEST_KEY}` });
        if (answer.status !== 200) throw new Error(`ingest answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`);
      }
    });
    return rates(records.length, oursMs, baselineMs);
  } finally {
    await backend.stop();
  }
}

function rates(n: number, oursMs: number, baselineMs: number): RateResult {
  const oursPerSec = (n / oursMs) * 1000;
  const baselinePerSec = (n / baselineMs) * 1000;
  return { oursPerSec, baselinePerSec, ratio: oursPerSec / baselinePerSec };
}
