// Runs one parsed CLI command against the core. The same channels as the UI, with the same
// validation and role checks; local maintenance (sweep, audit verify, status) goes straight to core.
import { readState, STATE_KEYS } from '../core/db/state';
import type { Desk } from '../core/desk';
import { DeskError } from '../core/desk-error';
import { verifyAudit } from '../core/audit/audit-log';
import { systemClock } from '../core/clock';
import { runSelfTest } from '../core/retention/self-test';
import { deskStatus } from '../core/status';
import type { CliCommand } from './args';
import { runSubject } from './subject-run';

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** A parsed command whose login password has been read (from the option, the environment or stdin). */
export type ReadyCommand = Exclude<CliCommand, { name: 'login' }> | (Omit<Extract<CliCommand, { name: 'login' }>, 'password'> & { password: string });

/** Returns the process exit code. */
export async function runCommand(desk: Desk, command: ReadyCommand, io: CliIo): Promise<number> {
  try {
    return await dispatch(desk, command, io);
  } catch (error) {
    if (error instanceof DeskError) {
      io.err(error.message);
      return 1;
    }
    throw error;
  }
}

async function dispatch(desk: Desk, command: ReadyCommand, io: CliIo): Promise<number> {
  switch (command.name) {
    case 'login': {
      const session = await desk.invoke('session.login', {
        backendUrl: command.backendUrl,
        username: command.username,
        password: command.password,
      });
      io.out(`Angemeldet als ${session.user.displayName} (${session.user.roles.join(', ')}) bei ${session.backendUrl}.`);
      return 0;
    }
    case 'sync': {
      const report = await desk.invoke('sync.now', {});
      if (report.offline) {
        io.err(report.offline);
        return 1;
      }
      io.out(
        `Synchronisiert: ${report.pulled} Ereignisse geholt (${report.applied} übernommen, ${report.skipped} übersprungen, ` +
          `${report.quarantined} in Quarantäne), ${report.pushed} Aktionen gesendet, ${report.rejected} abgelehnt, ` +
          `${report.purged} gelöscht, ${report.receiptsSent} Löschbelege gesendet.`,
      );
      return 0;
    }
    case 'status': {
      const status = deskStatus(desk.db);
      if (command.json) io.out(JSON.stringify(status));
      else {
        io.out(`Offene Vorgänge: ${status.requests} (mit personenbezogenen Daten: ${status.withPersonalData})`);
        io.out(`SMS-Protokoll: ${status.sms}; Löschnachweise: ${status.tombstones}; Quarantäne: ${status.quarantined}`);
        io.out(`Ausstehend: ${status.pendingEvents} Aktionen, ${status.pendingReceipts} Löschbelege`);
        io.out(`Letzte Synchronisation: ${readState(desk.db, STATE_KEYS.lastSyncAt) ?? 'noch nie'}`);
      }
      return 0;
    }
    case 'claim':
    case 'release':
      return action(io, await desk.invoke(command.name === 'claim' ? 'request.claim' : 'request.release', { requestId: command.requestId }));
    case 'attempt':
      return action(io, await desk.invoke('request.attempt', { requestId: command.requestId, disposition: command.disposition }));
    case 'forward':
      return action(io, await desk.invoke('request.forward', { requestId: command.requestId, department: command.department }));
    case 'close':
      return action(
        io,
        await desk.invoke('request.close', { requestId: command.requestId, outcome: command.outcome, retention: command.retention }),
      );
    case 'sweep': {
      const report = await desk.invoke('retention.sweep', {});
      io.out(`Löschlauf: ${report.purged} Vorgänge gelöscht, ${report.expired} Rückrufe abgelaufen, ${report.smsPurged} SMS-Einträge gelöscht.`);
      return 0;
    }
    case 'audit-verify': {
      const verdict = verifyAudit(desk.db);
      if (verdict.ok) {
        io.out(`Prüfprotokoll in Ordnung: ${verdict.entries} Einträge, letzter Hash ${verdict.head}.`);
        return 0;
      }
      io.err(`Prüfprotokoll beschädigt ab Eintrag ${verdict.brokenAt}: ${verdict.reason}.`);
      return 1;
    }
    case 'selftest': {
      // Local maintenance like `audit verify`: IT runs it on the workstation without a login.
      const result = runSelfTest(desk.db, systemClock, desk.dataDir, 'cli');
      if (command.json) io.out(JSON.stringify(result));
      else if (result.passed) io.out(`Löschtest bestanden: keine Spur in ${result.files.length} Dateien (${result.files.join(', ')}).`);
      else io.err(`Löschtest fehlgeschlagen: Spuren in ${[...new Set(result.findings.map((f) => f.file))].join(', ')}.`);
      return result.passed ? 0 : 1;
    }
    case 'sms-lookup': {
      const result = await desk.invoke('sms.lookup', command.query);
      if (command.json) io.out(JSON.stringify(result));
      else {
        io.out(`${result.records.length} SMS, ${result.perDay.filter((d) => d.overQuota).length} Tage über dem Freikontingent von ${result.freeQuotaPerDay}.`);
        io.out(`IP-Adressen: ${result.ips.join(', ') || '–'}; weitere Kundennummern: ${result.otherCustomers.join(', ') || '–'}`);
      }
      return 0;
    }
    case 'subject-show':
    case 'subject-change':
    case 'subject-find':
    case 'subject-decide':
    case 'subject-erasure':
    case 'subject-erase':
    case 'subject-confirmation':
    case 'subject-report':
    case 'subject-report-sent':
    case 'subject-rights':
    case 'subject-rectify':
    case 'subject-restrict':
    case 'subject-lift':
    case 'subject-object':
      return runSubject(desk, command, io);
    case 'portal-lookup': {
      const result = await desk.invoke('portal.lookup', command.query);
      if (command.json) io.out(JSON.stringify(result));
      else {
        const flagged = result.failedLoginsPerDay.filter((d) => d.flagged).length;
        io.out(`${result.records.length} Portal-Zugriffe, ${flagged} Tage mit ${result.failedLoginThreshold} oder mehr fehlgeschlagenen Anmeldungen.`);
        io.out(`Anmeldungen von vielen Adressen: ${result.loginsFromManyAddresses.map((c) => `${c.customerNumber} (${c.addresses})`).join(', ') || '–'}`);
        io.out(`Von mehreren Kunden genutzte Adressen: ${result.sharedAddresses.map((a) => `${a.ip} (${a.customers.length})`).join(', ') || '–'}`);
      }
      return 0;
    }
  }
}

function action(io: CliIo, result: { delivery: 'sent' | 'pending' | 'rejected'; message: string | null }): number {
  if (result.delivery === 'sent') io.out('Gesendet.');
  else if (result.delivery === 'pending') io.out(result.message ?? 'Vorgemerkt.');
  else io.err(result.message ?? 'Vom Backend abgelehnt.');
  return result.delivery === 'rejected' ? 1 : 0;
}
