// The supervisors' audit view's part of the renderer's door to the host: the filtered log with the
// chain's verdict, and its CSV export. Built over the same DeskApi by createDeskService.
import type { DeskApi } from '../../../shared/api';
import type { AuditFilter, AuditListInput, AuditPage } from '../../../shared/channels/audit-channels';
import type { ExportFile } from '../../../shared/retention';

export interface AuditService {
  list(query: AuditListInput): Promise<AuditPage>;
  exportCsv(filter: AuditFilter): Promise<ExportFile>;
}

export function createAuditService(api: DeskApi): AuditService {
  return {
    list: (query) => api.invoke('audit.list', query),
    exportCsv: (filter) => api.invoke('audit.export', filter),
  };
}
