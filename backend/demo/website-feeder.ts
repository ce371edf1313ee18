// `npm start`'s demo data the way real data arrives: the website's forms through the intake
// endpoints, the SMS service's and the Online-Kundencenter's logs through the ingest endpoints
// with the ingest key. Only into an empty backend; afterwards new forms keep arriving.
import { randomUUID } from 'node:crypto';
import { type IntakeKind } from '../../shared/intake';
import { generateArrivals, generateHistory, generatorContext, type GeneratedBatch, type GenerateCounts } from '../generator';
import { callbackPayload, messagePayload } from '../generator/payload';
import { berlinDay, weekdayOf } from '../time';
import { NOTICE_VERSION } from '../forms/privacy-excerpts';

export interface WebsiteTarget {
  url: string;
  ingestKey: string;
}

export interface Fed {
  forms: number;
  sms: { accepted: number; expired: number };
  portal: { accepted: number; expired: number };
}

const INGEST_CHUNK = 5_000;

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}

/** From today on, Mondays to Fridays only (the form offers nothing else): a weekend wish moves to Monday. */
function serviceDay(day: number, today: number): number {
  let d = Math.max(day, today);
  while (weekdayOf(d) === 0 || weekdayOf(d) === 6) d++;
  return d;
}

/** Each generated request as the form the website would have sent, at `now`. */
export function formsOf(batch: GeneratedBatch, now: Date): { kind: IntakeKind; body: Record<string, unknown> }[] {
  const consent = { noticeVersion: NOTICE_VERSION, at: new Date(now.getTime() - 30_000).toISOString() };
  const forms: { kind: IntakeKind; body: Record<string, unknown> }[] = [];
  for (let i = 0; i < batch.requests.count; i++) {
    const row = batch.requests.row(i);
    if (row.kind === 'callback') {
      const p = callbackPayload({ ...row, preferredDay: serviceDay(row.preferredDay, berlinDay(now.getTime())) });
      forms.push({ kind: 'callback', body: { salutation: p.salutation, name: p.name, phone: p.phone, preferredDate: p.preferredDate, preferredWindow: p.preferredWindow, topic: p.topic, note: p.note, consent } });
    } else {
      const p = messagePayload({ ...row, kind: row.kind });
      forms.push({ kind: row.kind, body: { salutation: p.salutation, name: p.name, email: p.email, category: p.category, subject: p.subject, message: p.message, consent } });
    }
  }
  return forms;
}

async function ingest(target: WebsiteTarget, path: string, records: Record<string, unknown>[]): Promise<{ accepted: number; expired: number }> {
  const total = { accepted: 0, expired: 0 };
  for (let i = 0; i < records.length; i += INGEST_CHUNK) {
    const answer = await post(`${target.url}/api/v1/ingest/${path}`, { records: records.slice(i, i + INGEST_CHUNK) }, { authorization: `Bearer ${target.ingestKey}` });
    if (answer.status !== 200) throw new Error(`ingest ${path} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`);
    const counts = answer.body as { accepted: number; expired: number };
    total.accepted += counts.accepted;
    total.expired += counts.expired;
  }
  return total;
}

async function sendForms(target: WebsiteTarget, batch: GeneratedBatch, now: Date): Promise<number> {
  let sent = 0;
  for (const form of formsOf(batch, now)) {
    const answer = await post(`${target.url}/api/v1/intake/${form.kind}`, form.body, { 'idempotency-key': randomUUID() });
    if (answer.status !== 201) throw new Error(`intake ${form.kind} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`);
    sent++;
  }
  return sent;
}

export async function feedDemoThroughWebsite(target: WebsiteTarget, counts: GenerateCounts, seed: number, now: Date): Promise<Fed> {
  const batch = generateHistory(generatorContext(seed), counts, now.getTime());
  const sms: Record<string, unknown>[] = [];
  for (let k = 0; k < batch.length; k++) {
    if (!batch.isSms[k]) continue;
    const record = batch.sms.record(batch.ref[k] ?? 0);
    sms.push({ ...record, id: randomUUID() });
  }
  const portal = batch.portal.map((r) => ({ id: randomUUID(), customerNumber: r.customerNumber, at: new Date(r.atMs).toISOString(), ip: r.ip, action: r.action }));
  const forms = await sendForms(target, batch, now);
  return { forms, sms: await ingest(target, 'sms', sms), portal: await ingest(target, 'portal-access', portal) };
}

/** New forms keep arriving while the demo runs; returns the stop function. */
export function keepFormsArriving(target: WebsiteTarget, perMinute: number, seed: number, now: () => Date): () => void {
  if (!(perMinute > 0)) return () => undefined;
  const ctx = generatorContext(seed ^ 0x5eed);
  const kinds: (keyof GenerateCounts)[] = ['callbacks', 'callbacks', 'contacts', 'contacts', 'dpo', 'equality'];
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    const batch = generateArrivals(ctx, { [ctx.rng.pick(kinds)]: 1 }, now().getTime());
    sendForms(target, batch, now())
      .catch(() => undefined)
      .finally(() => {
        busy = false;
      });
  }, 60_000 / perMinute);
  timer.unref();
  return () => clearInterval(timer);
}
