// Counts for tests, the demo and benchmarks (GET /__admin/stats).
import { sql } from 'drizzle-orm';
import { type RequestKind } from '../../shared/domain';
import { rowsOf, type BackendDb } from '../db/database';
import { type FaultConfig, type FaultCounters } from '../faults/config';
import { type FaultInjector } from '../faults/injector';

export interface BackendStats {
  epoch: string;
  feedEvents: number;
  feedHead: number;
  requests: Record<RequestKind, number> & { total: number; leased: number; closed: number; erased: number };
  sms: { records: number };
  portal: { records: number };
  sessions: number;
  claims: number;
  requestEvents: number;
  receipts: number;
  workstationsWithAuditHead: number;
  faults: { config: FaultConfig; counters: FaultCounters };
}

export async function collectStats(db: BackendDb, epoch: string, faults: FaultInjector, now: Date): Promise<BackendStats> {
  const iso = now.toISOString();
  const [row] = await rowsOf<Record<string, string | number>>(
    db,
    sql`SELECT
      (SELECT count(*) FROM feed_events) AS feed_events,
      (SELECT seq FROM feed_head WHERE id = 1) AS feed_head,
      (SELECT count(*) FROM requests WHERE kind = 'callback') AS callback,
      (SELECT count(*) FROM requests WHERE kind = 'contact') AS contact,
      (SELECT count(*) FROM requests WHERE kind = 'dpo') AS dpo,
      (SELECT count(*) FROM requests WHERE kind = 'equality') AS equality,
      (SELECT count(*) FROM requests WHERE status = 'claimed' AND lease_until > ${iso}::timestamptz) AS leased,
      (SELECT count(*) FROM requests WHERE status = 'closed') AS closed,
      (SELECT count(*) FROM requests WHERE status = 'erased') AS erased,
      (SELECT count(*) FROM sms_log) AS sms,
      (SELECT count(*) FROM portal_access) AS portal,
      (SELECT count(*) FROM sessions WHERE revoked_at IS NULL AND expires_at > ${iso}::timestamptz) AS sessions,
      (SELECT count(*) FROM claim_keys) AS claims,
      (SELECT count(*) FROM request_event_keys) AS request_events,
      (SELECT count(*) FROM receipts) AS receipts,
      (SELECT count(*) FROM audit_anchors) AS audit_anchors`,
  );
  const n = (key: string): number => Number(row?.[key] ?? 0);
  const byKind = { callback: n('callback'), contact: n('contact'), dpo: n('dpo'), equality: n('equality') };
  return {
    epoch,
    feedEvents: n('feed_events'),
    feedHead: n('feed_head'),
    requests: { ...byKind, total: byKind.callback + byKind.contact + byKind.dpo + byKind.equality, leased: n('leased'), closed: n('closed'), erased: n('erased') },
    sms: { records: n('sms') },
    portal: { records: n('portal') },
    sessions: n('sessions'),
    claims: n('claims'),
    requestEvents: n('request_events'),
    receipts: n('receipts'),
    workstationsWithAuditHead: n('audit_anchors'),
    faults: { config: faults.config, counters: { ...faults.counters } },
  };
}
