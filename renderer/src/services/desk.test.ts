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
      'queue.list': () => [],
      'session.logout': () => null,
    });
    const service = createDeskService(api);
    await service.claim(ID_A);
    await service.close(ID_A, 'unreachable');
    await service.recordAttempt(ID_A, 'busy');
    await service.listQueue({ kinds: ['callback'] });
    await expect(service.logout()).resolves.toBeUndefined();
    expect(api.calls).toEqual([
      { channel: 'request.claim', input: { requestId: ID_A } },
      { channel: 'request.close', input: { requestId: ID_A, outcome: 'unreachable' } },
      { channel: 'request.attempt', input: { requestId: ID_A, disposition: 'busy' } },
      { channel: 'queue.list', input: { kinds: ['callback'] } },
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
