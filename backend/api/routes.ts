// The contract's endpoints (SYNC_API.md) under /api/v1.
import { API_PREFIX } from '../../shared/sync-api';
import { type Route } from '../http/router';
import { INGEST_MAX_BODY_BYTES } from '../../shared/ingest';
import { postClaim } from './claim';
import { postDisclosure, postDisclosureDecision } from './disclosures';
import { postHold, postHoldDecision } from './holds';
import { postIngest } from './ingest';
import { postIntake } from './intake';
import { INTAKE_KINDS, INTAKE_MAX_BODY_BYTES } from '../../shared/intake';
import { type ApiDeps } from './deps';
import { getFeed } from './feed';
import { postAuditHead, postReceipts } from './receipts';
import { postRequestEvent } from './request-events';
import { getPendingRetentions, postRetainedView, postRetentionDecision } from './retained';
import { getRules, postRule } from './rules';
import { getSubjectErasure, postSubjectErasure } from './subject-erasure';
import { getSubjectReport, postSubjectReport, postSubjectReportSent } from './subject-report';
import { getSubjectRequest, postHitDecision, postSubjectRequest, postSubjectSearch } from './subject-requests';
import { getSubjectRights, postObjection, postRectification, postRestriction, postRestrictionLift } from './subject-rights';
import { deleteSession, postSession } from './session';
import { UUID_SEGMENT } from './validation';
import { getWorkstations, postRetireWorkstation, postSelfTest } from './workstations';

const prefix = API_PREFIX.replace(/\//g, '\\/');
/** The contract's bodies are small; receipts batches of 1000 are the largest. */
const API_BODY_BYTES = 256 * 1024;

export function apiRoutes(deps: ApiDeps): Route[] {
  const ingest = { db: deps.db, ingestKey: deps.ingestKey };
  const intake = { db: deps.db, rate: deps.intakeRate };
  return [
    ...INTAKE_KINDS.map(
      (kind): Route => ({ method: 'POST', pattern: new RegExp(`^${prefix}\\/intake\\/${kind}$`), handle: postIntake(intake, kind), maxBodyBytes: INTAKE_MAX_BODY_BYTES }),
    ),
    { method: 'POST', pattern: new RegExp(`^${prefix}\\/ingest\\/sms$`), handle: postIngest(ingest, 'sms'), maxBodyBytes: INGEST_MAX_BODY_BYTES },
    { method: 'POST', pattern: new RegExp(`^${prefix}\\/ingest\\/portal-access$`), handle: postIngest(ingest, 'portal'), maxBodyBytes: INGEST_MAX_BODY_BYTES },
    { method: 'POST', pattern: new RegExp(`^${prefix}\\/session$`), handle: (ctx) => postSession(deps, ctx), maxBodyBytes: 16 * 1024 },
    { method: 'DELETE', pattern: new RegExp(`^${prefix}\\/session$`), handle: (ctx) => deleteSession(deps, ctx) },
    { method: 'GET', pattern: new RegExp(`^${prefix}\\/feed$`), handle: (ctx) => getFeed(deps, ctx) },
    { method: 'POST', pattern: new RegExp(`^${prefix}\\/requests\\/${UUID_SEGMENT}\\/claim$`), handle: (ctx) => postClaim(deps, ctx), maxBodyBytes: 16 * 1024 },
    { method: 'POST', pattern: new RegExp(`^${prefix}\\/requests\\/${UUID_SEGMENT}\\/events$`), handle: (ctx) => postRequestEvent(deps, ctx), maxBodyBytes: 16 * 1024 },
    { method: 'POST', pattern: new RegExp(`^${prefix}\\/requests\\/${UUID_SEGMENT}\\/retained-view$`), handle: (ctx) => postRetainedView(deps, ctx), maxBodyBytes: 16 * 1024 },
    { method: 'POST', pattern: new RegExp(`^${prefix}\\/requests\\/${UUID_SEGMENT}\\/retention-decision$`), handle: (ctx) => postRetentionDecision(deps, ctx), maxBodyBytes: 16 * 1024 },
    { method: 'GET', pattern: new RegExp(`^${prefix}\\/retentions\\/pending$`), handle: (ctx) => getPendingRetentions(deps, ctx) },
    { method: 'POST', pattern: new RegExp(`^${prefix}\\/receipts$`), handle: (ctx) => postReceipts(deps, ctx, deps.log), maxBodyBytes: API_BODY_BYTES },
    { method: 'POST', pattern: new RegExp(`^${prefix}\\/audit-head$`), handle: (ctx) => postAuditHead(deps, ctx), maxBodyBytes: 4 * 1024 * 1024 },
    { method: 'POST', pattern: new RegExp(`^${prefix}\\/holds$`), handle: (ctx) => postHold(deps, ctx), maxBodyBytes: 16 * 1024 },
    { method: 'POST', pattern: new RegExp(`^${prefix}\\/holds\\/${UUID_SEGMENT}\\/decision$`), handle: (ctx) => postHoldDecision(deps, ctx), maxBodyBytes: 16 * 1024 },
    { method: 'GET', pattern: new RegExp(`^${prefix}\\/workstations$`), handle: (ctx) => getWorkstations(deps, ctx) },
    { method: 'POST', pattern: new RegExp(`^${prefix}\\/self-test$`), handle: (ctx) => postSelfTest(deps, ctx), maxBodyBytes: 4 * 1024 },
    { method: 'POST', pattern: new RegExp(`^${prefix}\\/workstations\\/${UUID_SEGMENT}\\/retire$`), handle: (ctx) => postRetireWorkstation(deps, ctx), maxBodyBytes: 16 * 1024 },
    { method: 'GET', pattern: new RegExp(`^${prefix}\\/rules$`), handle: (ctx) => getRules(deps, ctx) },
    ...subjectRoutes(deps),
    { method: 'POST', pattern: new RegExp(`^${prefix}\\/rules$`), handle: (ctx) => postRule(deps, ctx), maxBodyBytes: 16 * 1024 },
    // A package names up to 1,000 records by id (about 40 KiB).
    { method: 'POST', pattern: new RegExp(`^${prefix}\\/disclosures$`), handle: (ctx) => postDisclosure(deps, ctx), maxBodyBytes: 64 * 1024 },
    { method: 'POST', pattern: new RegExp(`^${prefix}\\/disclosures\\/${UUID_SEGMENT}\\/decision$`), handle: (ctx) => postDisclosureDecision(deps, ctx), maxBodyBytes: 16 * 1024 },
  ];
}

/** Issue 17: a dpo case marked as a data subject's request, its Find and the decisions on its hits. */
function subjectRoutes(deps: ApiDeps): Route[] {
  const at = (tail: string) => new RegExp(`^${prefix}\\/requests\\/${UUID_SEGMENT}\\/subject-request${tail}$`);
  return [
    { method: 'GET', pattern: at(''), handle: (ctx) => getSubjectRequest(deps, ctx) },
    { method: 'POST', pattern: at(''), handle: (ctx) => postSubjectRequest(deps, ctx), maxBodyBytes: 16 * 1024 },
    { method: 'POST', pattern: at('\\/search'), handle: (ctx) => postSubjectSearch(deps, ctx), maxBodyBytes: 16 * 1024 },
    { method: 'POST', pattern: at('\\/decisions'), handle: (ctx) => postHitDecision(deps, ctx), maxBodyBytes: 16 * 1024 },
    { method: 'GET', pattern: at('\\/erasure'), handle: (ctx) => getSubjectErasure(deps, ctx) },
    { method: 'POST', pattern: at('\\/erasure'), handle: (ctx) => postSubjectErasure(deps, ctx), maxBodyBytes: 1024 },
    // Part 3: the Auskunft.
    { method: 'GET', pattern: at('\\/report'), handle: (ctx) => getSubjectReport(deps, ctx) },
    { method: 'POST', pattern: at('\\/report'), handle: (ctx) => postSubjectReport(deps, ctx), maxBodyBytes: 4 * 1024 },
    { method: 'POST', pattern: at('\\/report\\/sent'), handle: (ctx) => postSubjectReportSent(deps, ctx), maxBodyBytes: 4 * 1024 },
    // Part 5: Berichtigung, Einschränkung, Widerspruch (a corrected message may be 5,000 characters).
    { method: 'GET', pattern: at('\\/rights'), handle: (ctx) => getSubjectRights(deps, ctx) },
    { method: 'POST', pattern: at('\\/rectifications'), handle: (ctx) => postRectification(deps, ctx), maxBodyBytes: 64 * 1024 },
    { method: 'POST', pattern: at('\\/restrictions'), handle: (ctx) => postRestriction(deps, ctx), maxBodyBytes: 64 * 1024 },
    { method: 'POST', pattern: at(`\\/restrictions\\/${UUID_SEGMENT}\\/lift`), handle: (ctx) => postRestrictionLift(deps, ctx), maxBodyBytes: 16 * 1024 },
    { method: 'POST', pattern: at('\\/objections'), handle: (ctx) => postObjection(deps, ctx), maxBodyBytes: 16 * 1024 },
  ];
}
