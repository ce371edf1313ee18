// Issue 15's rows, the website under load: forms through the intake endpoint while 20 workstations
// keep syncing (real desk cores, each with its own SQLite, its feed watch and periodic sync, in
// this process), against raw INSERTs; and the time from a form's 201 to its row in the open queues
// of 50 connected workstations (p95, goal under 1 s).
import { performance } from 'node:perf_hooks';
import { formsOf } from '../../backend/demo/website-feeder';
import { generateHistory, generatorContext } from '../../backend/generator';
import { openDesk, type Desk } from '../../electron/core/desk';
import { percentile } from '../lib/measure';
import { benchDir } from '../lib/world';
import { post, spawnBackendOn, type Engine } from './engine';
import { benchIntake, type RateResult } from './intake.bench';

/** Open agent workstations as at a service center: logged in, caught up, feed watch and periodic sync running. */
async function connectedDesks(url: string, count: number): Promise<Desk[]> {
  const desks: Desk[] = [];
  for (let i = 0; i < count; i++) {
    const desk = openDesk({ dataDir: benchDir(), host: 'cli', syncIntervalMs: 5_000 });
    await desk.invoke('session.login', { backendUrl: url, username: 'agent', password: 'agent' });
    await desk.invoke('sync.now', {});
    desk.start();
    desks.push(desk);
  }
  return desks;
}

export async function benchIntakeWhileSyncing(engine: Engine, count: number, workstations: number): Promise<RateResult> {
  return benchIntake(engine, count, async (url) => {
    const desks = await connectedDesks(url, workstations);
    return async () => {
      await Promise.all(desks.map((d) => d.close()));
    };
  });
}

export interface FormToQueueResult {
  p50: number;
  p95: number;
  max: number;
  /** Rows (form × workstation) that had not arrived when the wait ended. */
  missing: number;
}

/** `forms` callback forms, one every `spacingMs`; per workstation the time from the 201 to the row in its queue. */
export async function benchFormToQueue(engine: Engine, workstations: number, forms: number, spacingMs = 250): Promise<FormToQueueResult> {
  const now = new Date();
  const bodies = formsOf(generateHistory(generatorContext(19), { callbacks: forms }, now.getTime()), now).filter((f) => f.kind === 'callback');
  const backend = await spawnBackendOn(await engine.fresh());
  const desks = await connectedDesks(backend.url, workstations);
  try {
    const latencies: number[] = [];
    const sentAt = new Map<string, number>();
    const waiting = desks.map(() => new Set<string>());
    const present = desks.map((d) => d.db.$client.prepare('SELECT 1 FROM requests WHERE id = ?'));
    const look = (i: number) => {
      const at = performance.now();
      for (const id of waiting[i]!) {
        if (!present[i]!.get(id)) continue;
        waiting[i]!.delete(id);
        latencies.push(Math.max(0, at - sentAt.get(id)!));
      }
    };
    // A desk tells its screens when its queue changed: that is when the row is there to see.
    const unsubscribe = desks.map((d, i) => d.subscribe((event) => event.scope === 'queue' && look(i)));
    for (const form of bodies) {
      const answer = await post(`${backend.url}/api/v1/intake/callback`, form.body);
      if (answer.status !== 201) throw new Error(`intake answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`);
      const id = (answer.body as { id: string }).id;
      sentAt.set(id, performance.now());
      // A desk may have applied it before the 201 arrived here: that counts as at once.
      desks.forEach((_, i) => {
        waiting[i]!.add(id);
        look(i);
      });
      await new Promise((resolve) => setTimeout(resolve, spacingMs));
    }
    const deadline = performance.now() + 30_000;
    while (waiting.some((w) => w.size > 0) && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    unsubscribe.forEach((stop) => stop());
    return { p50: percentile(latencies, 50), p95: percentile(latencies, 95), max: Math.max(...latencies), missing: waiting.reduce((n, w) => n + w.size, 0) };
  } finally {
    await Promise.all(desks.map((d) => d.close()));
    await backend.stop();
  }
}
