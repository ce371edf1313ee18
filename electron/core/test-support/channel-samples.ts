// One valid input per channel, for tests that call every channel (roles, fuzzing). A channel
// missing here fails those tests: add it when adding the channel to the contract.
import { randomUUID } from 'node:crypto';

export const CHANNEL_SAMPLES: Record<string, (backendUrl: string) => Record<string, unknown>> = {
  'app.config': () => ({}),
  'session.current': () => ({}),
  'session.login': (backendUrl) => ({ backendUrl, username: 'nobody', password: 'wrong' }),
  'session.logout': () => ({}),
  'queue.list': () => ({}),
  'queue.retryRules': () => ({}),
  'queue.setRetryRules': () => ({ maxAttempts: 3, minGapMinutes: 30 }),
  'request.detail': () => ({ requestId: randomUUID() }),
  'request.claim': () => ({ requestId: randomUUID() }),
  'request.attempt': () => ({ requestId: randomUUID(), disposition: 'no_answer' }),
  'request.forward': () => ({ requestId: randomUUID(), department: 'billing' }),
  'request.release': () => ({ requestId: randomUUID() }),
  'request.close': () => ({ requestId: randomUUID(), outcome: 'resolved' }),
  'retention.sweep': () => ({}),
  'sync.now': () => ({}),
  'sync.state': () => ({}),
  'sms.lookup': () => ({ customerNumber: '4711', caseRef: 'AZ-2026-1', purpose: 'Missbrauchsprüfung' }),
};
