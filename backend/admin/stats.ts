// Counts for tests, the demo and benchmarks (GET /__admin/stats).
import { type RequestKind } from '../../shared/domain';
import { type FaultConfig, type FaultCounters } from '../faults/config';
import { type FaultInjector } from '../faults/injector';
import { type BackendState } from '../state/backend-state';

export interface BackendStats {
  epoch: string;
  feedEvents: number;
  requests: Record<RequestKind, number> & { total: number; leased: number; closed: number; erased: number };
  sms: { records: number; customers: number; ips: number };
  sessions: number;
  claims: number;
  requestEvents: number;
  receipts: number;
  workstationsWithAuditHead: number;
  faults: { config: FaultConfig; counters: FaultCounters };
}

export function collectStats(state: BackendState, faults: FaultInjector, nowMs: number): BackendStats {
  let leased = 0;
  let closed = 0;
  let erased = 0;
  for (const life of state.requests.touched()) {
    if (life.lease && life.lease.until > nowMs) leased++;
    if (life.closed) closed++;
    if (life.erased) erased++;
  }
  return {
    epoch: state.epoch,
    feedEvents: state.log.length,
    requests: { ...state.requests.countsByKind(), total: state.requests.count, leased, closed, erased },
    sms: { records: state.sms.count, customers: state.sms.customers.length, ips: state.sms.ips.length },
    sessions: state.sessions.live(nowMs),
    claims: state.claims.size,
    requestEvents: state.requestEvents.size,
    receipts: state.receipts.count,
    workstationsWithAuditHead: state.receipts.auditHeads.size,
    faults: { config: faults.config, counters: { ...faults.counters } },
  };
}
