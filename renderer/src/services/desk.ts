// The renderer's only door to the host: every call to window.api goes through here, so stores
// never touch the transport and tests hand in a fake DeskApi at this boundary (STYLE.md 8).
import type { DeskApi } from '../../../shared/api';
import type { ChannelInput, DeskEvent } from '../../../shared/contract';
import type { Department, Disposition, Outcome } from '../../../shared/domain';
import type {
  ActionResult,
  AgentDay,
  AppConfig,
  HeldCase,
  RequestDetail,
  RetryRules,
  SessionInfo,
  SyncReport,
  SyncState,
} from '../../../shared/views';
import type { QueueCounts, QueueWindow, QueueWindowInput } from '../../../shared/queue-window';
import { createAuditService, type AuditService } from './audit';
import { createOfficerService, type OfficerService } from './officer';
import { createRetainedService, type RetainedService } from './retained';
import { createWorkstationService, type WorkstationService } from './workstations';
import { createSubjectRequestService, type SubjectRequestService } from './subject-requests';
import { createSubjectErasureService, type SubjectErasureService } from './subject-erasure';
import { createSubjectRightsService, type SubjectRightsService } from './subject-rights';
import type {
  DeletionDashboard,
  DryRun,
  ExportFile,
  ExportInput,
  HoldView,
  RuleChangeInput,
  RuleView,
  SelfTestResult,
  SmsHoldInput,
} from '../../../shared/retention';

export type LoginInput = ChannelInput<'session.login'>;
export type Retention = NonNullable<ChannelInput<'request.close'>['retention']>;

export interface DeskService {
  appConfig(): Promise<AppConfig>;
  currentSession(): Promise<SessionInfo | null>;
  login(input: LoginInput): Promise<SessionInfo>;
  logout(): Promise<void>;
  /** One window of the filtered, sorted queue. */
  queueWindow(input: QueueWindowInput): Promise<QueueWindow>;
  queueCounts(): Promise<QueueCounts>;
  requestDetail(requestId: string): Promise<RequestDetail>;
  claim(requestId: string): Promise<ActionResult>;
  release(requestId: string): Promise<ActionResult>;
  /** The signed-in user's claimed cases at this workstation. */
  heldCases(): Promise<HeldCase[]>;
  recordAttempt(requestId: string, disposition: Disposition, slot?: { preferredDate: string; preferredWindow: { from: string; to: string } }): Promise<ActionResult>;
  /** Retention only for contact-like requests; callbacks are never kept (DESIGN.md). */
  close(requestId: string, outcome: Outcome, retention?: Retention | null): Promise<ActionResult>;
  forward(requestId: string, department: Department): Promise<ActionResult>;
  retryRules(): Promise<RetryRules>;
  /** The agent's own day: callbacks closed, reach rate, attempts per callback. */
  agentDay(): Promise<AgentDay>;
  setRetryRules(rules: RetryRules): Promise<RetryRules>;
  syncNow(): Promise<SyncReport>;
  syncState(): Promise<SyncState>;
  /** Host events ("something changed, refetch"); returns the unsubscribe function. */
  subscribe(listener: (event: DeskEvent) => void): () => void;
  /** The officers' desk: confidential cases, SMS lookup, disclosures. */
  officer: OfficerService;
  /** The supervisors' audit view: the hash-chained log, filtered, and its CSV export. */
  audit: AuditService;
  /** Supervisors: the service center's workstations, from the backend (issue 16). */
  workstations: WorkstationService;
  /** Workers: a retained case read again from the backend with a reason, read-only (issue 16). */
  retained: RetainedService;
  /** Data-protection officer: data subjects' requests and the Find, at the backend (issue 17). */
  subject: SubjectRequestService;
  /** The Löschung of a marked erasure request, its receipts and its confirmation (issue 17). */
  subjectErasure: SubjectErasureService;
  /** Issue 17 part 5: Berichtigung, Einschränkung, Widerspruch. */
  subjectRights: SubjectRightsService;
  // Retention (supervisors; holds also the data-protection officer).
  deletionDashboard(): Promise<DeletionDashboard>;
  retentionRules(): Promise<RuleView[]>;
  retentionDryRun(change: RuleChangeInput | null): Promise<DryRun>;
  changeRetentionRule(change: RuleChangeInput): Promise<RuleView[]>;
  retentionHolds(): Promise<HoldView[]>;
  /** Data-protection officer: an SMS legal hold; effective once a supervisor confirms. */
  setSmsHold(input: SmsHoldInput): Promise<HoldView[]>;
  confirmSmsHold(holdId: string): Promise<HoldView[]>;
  /** Supervisor: turns a hold down with her reason (issue 16). */
  rejectSmsHold(holdId: string, note: string): Promise<HoldView[]>;
  runDeletionSelfTest(): Promise<SelfTestResult>;
  exportRetention(input: ExportInput): Promise<ExportFile>;
}

export function createDeskService(api: DeskApi): DeskService {
  return {
    appConfig: () => api.invoke('app.config', {}),
    currentSession: () => api.invoke('session.current', {}),
    login: (input) => api.invoke('session.login', input),
    logout: async () => {
      await api.invoke('session.logout', {});
    },
    queueWindow: (input) => api.invoke('queue.window', input),
    queueCounts: () => api.invoke('queue.counts', {}),
    requestDetail: (requestId) => api.invoke('request.detail', { requestId }),
    claim: (requestId) => api.invoke('request.claim', { requestId }),
    release: (requestId) => api.invoke('request.release', { requestId }),
    heldCases: () => api.invoke('queue.held', {}),
    recordAttempt: (requestId, disposition, slot) => api.invoke('request.attempt', { requestId, disposition, ...slot }),
    close: (requestId, outcome, retention) =>
      api.invoke('request.close', retention ? { requestId, outcome, retention } : { requestId, outcome }),
    forward: (requestId, department) => api.invoke('request.forward', { requestId, department }),
    retryRules: () => api.invoke('queue.retryRules', {}),
    agentDay: () => api.invoke('agent.day', {}),
    setRetryRules: (rules) => api.invoke('queue.setRetryRules', rules),
    syncNow: () => api.invoke('sync.now', {}),
    syncState: () => api.invoke('sync.state', {}),
    subscribe: (listener) => api.subscribe(listener),
    officer: createOfficerService(api),
    audit: createAuditService(api),
    workstations: createWorkstationService(api),
    retained: createRetainedService(api),
    subject: createSubjectRequestService(api),
    subjectErasure: createSubjectErasureService(api),
    subjectRights: createSubjectRightsService(api),
    deletionDashboard: () => api.invoke('retention.dashboard', {}),
    retentionRules: () => api.invoke('retention.rules', {}),
    retentionDryRun: (change) => api.invoke('retention.dryRun', { change }),
    changeRetentionRule: (change) => api.invoke('retention.changeRule', change),
    retentionHolds: () => api.invoke('retention.holds', {}),
    setSmsHold: (input) => api.invoke('retention.setSmsHold', input),
    confirmSmsHold: (holdId) => api.invoke('retention.confirmSmsHold', { holdId }),
    rejectSmsHold: (holdId, note) => api.invoke('retention.rejectSmsHold', { holdId, note }),
    runDeletionSelfTest: () => api.invoke('retention.selfTest', {}),
    exportRetention: (input) => api.invoke('retention.export', input),
  };
}
