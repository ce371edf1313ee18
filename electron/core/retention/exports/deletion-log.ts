// The Löschprotokoll: one line per proven purge in a date range (Berlin days), from this
// workstation's receipts and every other workstation's. Ids, kinds, rules, times; no personal data.
import { and, gte, inArray, lt } from 'drizzle-orm';
import { PURGE_RULES } from '../../../../shared/sync-api';
import type { DeskDb } from '../../db/open';
import { receipts, remoteReceipts, requests, tombstones } from '../../db/schema';
import { berlinDayStart, formatBerlin } from '../../time/berlin';
import { logCutSubject } from '../remote-receipts';

export interface DeletionLogLine {
  purgedAt: string;
  subject: string;
  kind: string;
  rule: string;
  workstation: string;
  closedAt: string | null;
}

export const THIS_WORKSTATION = 'dieser Arbeitsplatz';

/**
 * `ownWorkstation`: this workstation's id. Its own receipts come back in the supervisors' feed
 * under that id; they are the lines of "dieser Arbeitsplatz" already, not a second deletion.
 */
export function deletionLog(db: DeskDb, from: string, to: string, ownWorkstation?: string): DeletionLogLine[] {
  const start = berlinDayStart(from);
  const end = berlinDayStart(to, 1);
  const kinds = new Map<string, { kind: string; closedAt: string | null }>();
  for (const t of db.select().from(tombstones).all()) kinds.set(t.requestId, { kind: t.kind, closedAt: t.closedAt });
  for (const r of db.select().from(requests).all()) if (!kinds.has(r.id)) kinds.set(r.id, { kind: r.kind, closedAt: r.closedAt });

  const lines = new Map<string, DeletionLogLine>();
  const add = (subjectKey: string, workstation: string, purgedAt: string, rule: string) => {
    const log = subjectKey.startsWith('sms:') ? 'sms' : subjectKey.startsWith('portal:') ? 'portal' : null;
    const known = kinds.get(subjectKey);
    const cut = log ? smsCut(subjectKey.slice(log.length + 1)) : '';
    const subject = log === 'sms' ? `SMS vor ${cut}` : log === 'portal' ? `Portal-Protokoll vor ${cut}` : subjectKey;
    // Issue 16: a disclosure's exported folder, named by the disclosure's id.
    const erased = /^erasure:[0-9a-f-]{36}:(sms|portal)$/.exec(subjectKey)?.[1];
    // Issue 17: an Auskunft's folder, named by its case's id.
    const kind = rule === 'disclosure_export_ended' ? 'disclosure_export' : rule === 'subject_report_ended' ? 'subject_report' : (log ?? erased ?? known?.kind ?? 'unbekannt');
    lines.set(`${subjectKey}|${workstation}`, { purgedAt, subject, kind, rule, workstation, closedAt: known?.closedAt ?? null });
  };
  for (const r of db.select().from(receipts).where(and(gte(receipts.purgedAt, start), lt(receipts.purgedAt, end))).all()) {
    // Issue 17: a Löschung's log records are named by the erasure, not by a cut.
    add(r.requestId ?? (r.erasureId ? `erasure:${r.erasureId}:${r.erasureLog ?? ''}` : logCutSubject(r.rule, r.smsBefore ?? r.purgedAt)), THIS_WORKSTATION, r.purgedAt, r.rule);
  }
  // Only known rules: older versions stored whatever rule name the backend sent.
  const known = inArray(remoteReceipts.rule, [...PURGE_RULES]);
  for (const r of db.select().from(remoteReceipts).where(and(gte(remoteReceipts.purgedAt, start), lt(remoteReceipts.purgedAt, end), known)).all()) {
    if (r.workstation !== ownWorkstation) add(r.subject, r.workstation, r.purgedAt, r.rule);
  }
  return [...lines.values()].sort((a, b) => a.purgedAt.localeCompare(b.purgedAt) || a.subject.localeCompare(b.subject));
}

/** The cut of an SMS purge in Berlin time ("02.09.2026 19:24:25"); anything unreadable as stored. */
function smsCut(instant: string): string {
  const at = new Date(instant);
  return Number.isNaN(at.getTime()) ? instant : formatBerlin(at, 'dd.MM.yyyy HH:mm:ss');
}
