// Erasure on the website's side (for example an erasure request under Art. 17 GDPR): every
// workstation must drop its copy now, and nobody can claim the request any more.
import { type BackendState } from '../state/backend-state';
import { recordRequestChange } from './record';

export const DEFAULT_ERASE_REASON = 'erasure_request';

/** False when the request was already erased (no second event). */
export function eraseRequest(state: BackendState, index: number, reason: string, nowMs: number): boolean {
  const life = state.requests.lifecycle(index);
  if (life.erased) return false;
  life.erased = true;
  life.lease = null;
  recordRequestChange(state, { type: 'request.erased', at: nowMs, requestIndex: index, reason });
  return true;
}
