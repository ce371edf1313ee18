import { describe, expect, it } from 'vitest';
import { createFakeDeskApi, ID_A } from '../testing/fake-desk-api';
import { createDeskService } from './desk';

describe('createDeskService', () => {
  it('maps each call onto its contract channel and input', async () => {
    const ok = { delivery: 'sent' as const, message: null };
    const api = createFakeDeskApi({
      'request.claim': () => ok,
      'request.close': () => ok,
      'request.attempt': () => ok,
      'queue.window': () => ({ rows: [], offset: 0, total: 0, asOf: '2025-03-12T09:00:00.000Z' }),
      'session.logout': () => null,
    });
    const service = createDeskService(api);
    await service.claim(ID_A);
    await service.close(ID_A, 'unreachable');
    await service.recordAttempt(ID_A, 'busy');
    const window = { filter: { kind: 'callback' as const }, sort: { column: 'due' as const, desc: false }, offset: 0, limit: 50 };
    await service.queueWindow(window);
    await expect(service.logout()).resolves.toBeUndefined();
    expect(api.calls).toEqual([
      { channel: 'request.claim', input: { requestId: ID_A } },
      { channel: 'request.close', input: { requestId: ID_A, outcome: 'unreachable' } },
      { channel: 'request.attempt', input: { requestId: ID_A, disposition: 'busy' } },
      { channel: 'queue.window', input: window },
      { channel: 'session.logout', input: {} },
    ]);
  });

  it('passes host events through and unsubscribes', () => {
    const api = createFakeDeskApi();
    const service = createDeskService(api);
    const seen: string[] = [];
    const stop = service.subscribe((e) => seen.push(e.scope));
    api.emit({ type: 'changed', scope: 'queue' });
    stop();
    api.emit({ type: 'changed', scope: 'sync' });
    expect(seen).toEqual(['queue']);
  });
});
