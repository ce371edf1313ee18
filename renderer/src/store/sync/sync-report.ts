// A sync report in one German sentence for the live region.
import type { SyncReport } from '../../../../shared/views';
import type { NoticeTone } from '../notice/notice-store';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function syncReportNotice(report: SyncReport): { text: string; tone: NoticeTone } {
  if (report.offline) return { text: report.offline, tone: 'error' };
  const parts = [
    count(report.applied, 'Änderung übernommen', 'Änderungen übernommen'),
    count(report.pushed, 'Aktion gesendet', 'Aktionen gesendet'),
  ];
  if (report.purged > 0) parts.push(count(report.purged, 'Datensatz gelöscht', 'Datensätze gelöscht'));
  if (report.rejected > 0) parts.push(count(report.rejected, 'Aktion abgelehnt', 'Aktionen abgelehnt'));
  if (report.quarantined > 0) parts.push(count(report.quarantined, 'Ereignis zurückgestellt', 'Ereignisse zurückgestellt'));
  const problems = report.rejected > 0 || report.quarantined > 0;
  return { text: `Synchronisiert: ${parts.join(', ')}.`, tone: problems ? 'error' : 'success' };
}
