// The background generator: new requests (and SMS sends) keep arriving while the demo runs.
import { REQUEST_KINDS, type RequestKind } from '../../shared/domain';
import { type GenerateCounts } from './index';
import { type Prng } from './prng';

/** Share of each kind among new arrivals: callbacks dominate, officer cases are rare. */
const KIND_WEIGHTS = [50, 35, 8, 7] as const;
const COUNT_FIELD: Readonly<Record<RequestKind, keyof GenerateCounts>> = { callback: 'callbacks', contact: 'contacts', dpo: 'dpo', equality: 'equality' };
/** Free SMS are sent more often than forms are filled in. */
const SMS_PER_ARRIVAL = 3;

/** Starts the ticker; returns its stop function. `perMinute` 0 starts nothing. */
export function startArrivals(perMinute: number, arrive: (counts: GenerateCounts) => Promise<unknown>, rng: Prng): () => void {
  if (!(perMinute > 0)) return () => undefined;
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    const kind = rng.weighted(REQUEST_KINDS, KIND_WEIGHTS);
    arrive({ [COUNT_FIELD[kind]]: 1, sms: SMS_PER_ARRIVAL })
      .catch(() => undefined)
      .finally(() => {
        busy = false;
      });
  }, 60_000 / perMinute);
  // Never keeps a process (or a test run) alive on its own.
  timer.unref();
  return () => clearInterval(timer);
}
