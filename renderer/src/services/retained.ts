// Retained cases (issue 16): read again from the backend, read-only, with a stated reason. The
// answer is held in component state for display only, never in a store or on disk.
import type { DeskApi } from '../../../shared/api';
import type { RetainedViewResponse } from '../../../shared/retained';

export interface RetainedService {
  view(requestId: string, reason: string): Promise<RetainedViewResponse>;
}

export function createRetainedService(api: DeskApi): RetainedService {
  return { view: (requestId, reason) => api.invoke('request.viewRetained', { requestId, reason }) };
}
