// The OpenAPI 3.1 document of the backend, generated from the shared zod schemas (the same
// ones every handler parses with), so the document cannot drift from what is enforced. Every
// extension of SYNC_API.md lands here (marked x-extension).
import { z } from 'zod';
import {
  ApiError,
  AuditAnchorWire,
  AuditHeadProof,
  ClaimRequest,
  ClaimResponse,
  FeedEvent,
  FeedPage,
  ReceiptsRequest,
  ReceiptsResponse,
  RequestEvent,
  RequestEventResponse,
  SessionRequest,
  SessionResponse,
} from '../../shared/sync-api';
import { IngestResponse, InvalidRecord, PortalIngestRecord, SmsIngestRecord } from '../../shared/ingest';
import { CallbackIntake, INTAKE_KINDS, IntakeFieldErrors, IntakeResponse, MessageIntake } from '../../shared/intake';
import { BackendDisclosure, DisclosureDecision, DisclosureRequest } from '../../shared/disclosures';
import { BackendHold, HoldDecision, HoldRequest } from '../../shared/holds';
import { ErasureConfirmation, SubjectErasureView } from '../../shared/subject-erasure';
import { SubjectReport, SubjectReportSent, SubjectReportState } from '../../shared/subject-report';
import { HitDecision, HitDecisionInput, SubjectRequestChange, SubjectRequestRecord, SubjectSearchQuery, SubjectSearchResult } from '../../shared/subject-requests';
import { RuleChange, RulesInForce } from '../../shared/rules';
import { Objection, ObjectionInput, Rectification, RectificationInput, Restriction, RestrictionInput, RestrictionLift, SubjectRightsRecord } from '../../shared/subject-rights';
import { RetireWorkstationRequest, RetireWorkstationResponse, SelfTestReport, WorkstationList } from '../../shared/workstations';
import { PendingRetentionList, RetainedViewRequest, RetainedViewResponse, RetentionDecisionRequest, RetentionDecisionResponse } from '../../shared/retained';
import { EraseBody, GenerateBody } from '../admin/routes';
import { FaultConfig } from '../faults/config';

type Json = Record<string, unknown>;

const schema = (s: z.ZodType): Json => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(s, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Json;
  return rest;
};
const json = (s: z.ZodType): Json => ({ content: { 'application/json': { schema: schema(s) } } });
const ref = (name: string): Json => ({ content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } } });
const error = (description: string): Json => ({ description, ...ref('Error') });
const bearer = [{ bearer: [] }];

export interface OperationDoc {
  method: 'get' | 'post' | 'delete';
  path: string;
  doc: Json;
}

export function operations(): OperationDoc[] {
  return [
    {
      method: 'post',
      path: '/api/v1/session',
      doc: {
        summary: 'Log in: username, password and workstation give a bearer token.',
        description:
          "x-extension (issue 14): a workstation id is registered at its first login; that answer carries `workstationSecret`, which the workstation keeps and sends with every later login on that id. Without it (or with a wrong one) the login is refused with 403 forbidden, reason workstation_secret_required (counted like a failed login); a retired workstation gets 403, reason workstation_retired.",
        requestBody: json(SessionRequest),
        responses: {
          200: { description: 'Logged in', ...json(SessionResponse) },
          401: error('invalid_credentials'),
          403: error('forbidden: reason workstation_secret_required or workstation_retired'),
          429: error('rate_limited: too many failed logins (Retry-After)'),
        },
      },
    },
    {
      method: 'delete',
      path: '/api/v1/session',
      doc: {
        'x-extension': 'Version 1.1 of this project: logout. The token is refused (401) from then on.',
        summary: 'Log out: revoke the bearer token.',
        security: bearer,
        responses: { 204: { description: 'Revoked (also for an unknown or already revoked token)' }, 401: error('no token') },
      },
    },
    {
      method: 'get',
      path: '/api/v1/feed',
      doc: {
        summary: 'The events this user may see, from the cursor on.',
        security: bearer,
        parameters: [
          { name: 'cursor', in: 'query', schema: { type: 'string' } },
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500, default: 100 } },
          { name: 'wait', in: 'query', schema: { type: 'integer', minimum: 0, maximum: 30, default: 0 }, description: 'Long poll: seconds to hold an empty answer until news arrives.' },
        ],
        responses: {
          200: { description: 'A page; `events` holds FeedEvent objects (request.queued also carries `reference`)', ...json(FeedPage) },
          401: error('unauthorized or token_expired'),
          410: error('cursor_expired: start again without a cursor'),
        },
      },
    },
    {
      method: 'post',
      path: '/api/v1/requests/{id}/claim',
      doc: {
        summary: 'Claim a request: its personal data, to this workstation only.',
        security: bearer,
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
        requestBody: json(ClaimRequest),
        responses: { 200: { description: 'Claimed', ...json(ClaimResponse) }, 403: error('forbidden'), 404: error('not_found (also closed or erased)'), 409: error('already_claimed, with claimedBy') },
      },
    },
    {
      method: 'post',
      path: '/api/v1/requests/{id}/events',
      doc: {
        summary:
          'An attempt, forward, release or close by the holder of the claim. Issue 16: a close`s retention may carry `note` (the worker`s justification); the backend keeps it with the request and deletes it with the personal data. A retention over one year is stored as one year (`retainedUntil` in `request.closed`) until a supervisor decides (`/retention-decision`); `request.closed` carries `retentionReason`.',
        description: '`at` is accepted from 24 hours in the past to 5 minutes in the future of the server clock, and not before the request arrived.',
        security: bearer,
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
        requestBody: json(RequestEvent),
        responses: { 200: { description: 'accepted or duplicate', ...json(RequestEventResponse) }, 409: error('not_owner'), 422: error('invalid_event') },
      },
    },
    {
      method: 'post',
      path: '/api/v1/receipts',
      doc: {
        summary: 'Purge receipts of this workstation.',
        description:
          'x-extension (issue 14): a receipt counts only for what this workstation held (a request whose claim it was answered; the SMS log if its user receives it), with a rule of the contract and purgedAt no more than 5 minutes ahead of the server clock and not before the workstation held the request. Others are listed in `refused` (index into the batch, reason), logged, and not recorded. The bare `auditHead` of 1.0 is accepted and ignored: see POST /api/v1/audit-head. x-extension (issue 17): `{ erasureId, log: sms|portal, purgedAt, rule: erased }` proves the purge of a Löschung`s SMS or portal records (`sms.erased` / `portal.erased`), from a workstation whose user receives those logs, not before the erasure.',
        security: bearer,
        requestBody: json(ReceiptsRequest),
        responses: { 200: { description: 'Receipts on record, refused ones listed', ...json(ReceiptsResponse) }, 400: error('invalid_request') },
      },
    },
    {
      method: 'post',
      path: '/api/v1/audit-head',
      doc: {
        summary: "x-extension (issue 14): anchors this workstation's audit chain at the backend.",
        description:
          'The new head and every chain entry after the head the backend already has (from seq 1 the first time); the backend recomputes each entry hash (sha256 of the JSON array [prevHash, seq, at, actor, action, subject, details], the genesis prevHash is 64 zeros). A head that does not extend the stored one is refused with 409 (reason audit_head_refused, expected: the stored head) and shown to supervisors as an audit.refused feed event.',
        security: bearer,
        requestBody: json(AuditHeadProof),
        responses: {
          200: { description: 'accepted', ...json(z.object({ status: z.literal('accepted') })) },
          400: error('invalid_request'),
          409: { description: 'audit_head_refused', ...json(ApiError.extend({ expected: AuditAnchorWire.nullable() })) },
        },
      },
    },
    ...INTAKE_KINDS.map(
      (kind): OperationDoc => ({
        method: 'post',
        path: `/api/v1/intake/${kind}`,
        doc: {
          summary: `The website's ${kind === 'callback' ? 'Rückrufservice' : kind === 'contact' ? 'Kontaktformular' : kind === 'dpo' ? 'form to the data-protection officer' : 'form to the equal-treatment officer'} (public, no token).`,
          description:
            'Phone numbers must be German and are stored normalised (E.164). preferredDate from today to 30 days ahead (Monday to Friday), preferredWindow on full or half hours, at most 4 hours, within 08:00-18:00 Europe/Berlin. consent.at within 24 hours before arrival. Header Idempotency-Key (optional, 1-100 visible ASCII characters, per endpoint, 24 hours). Per client address at most --intake-per-minute forms a minute (default 10).',
          parameters: [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 100 } }],
          requestBody: json(kind === 'callback' ? CallbackIntake : MessageIntake),
          responses: {
            201: { description: 'Stored; the request is in the feed at once', ...json(IntakeResponse) },
            400: { description: 'invalid_request with `fields: {"<dotted path>": "<German message>"}`; nothing stored', ...json(ApiError.extend({ fields: IntakeFieldErrors })) },
            409: error('idempotency_conflict: the key was used for another form'),
            413: error('too_large: over 32 KiB'),
            429: error('rate_limited (Retry-After)'),
          },
        },
      }),
    ),
    ...(['sms', 'portal-access'] as const).map(
      (log): OperationDoc => ({
        method: 'post',
        path: `/api/v1/ingest/${log}`,
        doc: {
          summary: log === 'sms' ? 'The free-SMS service delivers its log.' : 'The Online-Kundencenter delivers its access log.',
          description:
            'With the ingest key. 1 to 10,000 records, bodies up to 4 MiB, atomic: one invalid record stores nothing. Times may lie at most 5 minutes ahead of the backend clock (clock skew); records past their 90-day retention are not stored (`expired`).',
          security: [{ ingest: [] }],
          requestBody: { content: { 'application/json': { schema: { type: 'object', required: ['records'], properties: { records: { type: 'array', minItems: 1, maxItems: 10000, items: schema(log === 'sms' ? SmsIngestRecord : PortalIngestRecord) } } } } } },
          responses: {
            200: { description: 'Stored (atomically)', ...json(IngestResponse) },
            400: { description: 'invalid_request with `invalid: [{index, field, message}]`; nothing stored', ...json(ApiError.extend({ invalid: z.array(InvalidRecord) })) },
            401: error('no or a wrong ingest key'),
            413: error('too_large'),
          },
        },
      }),
    ),
    {
      method: 'post',
      path: '/api/v1/holds',
      doc: {
        'x-extension': 'Issue 14: legal holds at the backend.',
        summary: 'A data-protection officer asks to keep one customer`s SMS and portal records past 90 days (at most 180 days).',
        security: bearer,
        requestBody: json(HoldRequest),
        responses: { 201: { description: 'Requested; `hold.updated` in the feed of dpo and supervisors', ...json(BackendHold) }, 400: error('invalid_request'), 403: error('forbidden: not a dpo') },
      },
    },
    {
      method: 'post',
      path: '/api/v1/holds/{id}/decision',
      doc: {
        'x-extension': 'Issue 14: four eyes.',
        summary: 'A supervisor other than the one who asked confirms or rejects a hold.',
        security: bearer,
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
        requestBody: json(HoldDecision),
        responses: { 200: { description: 'Decided', ...json(BackendHold) }, 403: error('forbidden: not a supervisor, or the same person'), 404: error('not_found'), 409: error('decided already') },
      },
    },
    {
      method: 'post',
      path: '/api/v1/disclosures',
      doc: {
        'x-extension': 'Issue 16: the disclosure register at the backend.',
        summary: 'A data-protection officer records a package of SMS records (by id, at most 1,000) for an authority.',
        description:
          'The workstation chooses the id: the same request sent again answers 200 with the entry asked before; the id with another package 409 `idempotency_conflict`. The register holds ids, never SMS values; the export is written on the requesting officer`s workstation after approval.',
        security: bearer,
        requestBody: json(DisclosureRequest),
        responses: {
          201: { description: 'Requested; `disclosure.updated` in the feed of dpo and supervisors', ...json(BackendDisclosure) },
          200: { description: 'Asked before with this id (a repeat)', ...json(BackendDisclosure) },
          400: error('invalid_request'),
          403: error('forbidden: not a dpo'),
          409: error('idempotency_conflict'),
        },
      },
    },
    {
      method: 'post',
      path: '/api/v1/disclosures/{id}/decision',
      doc: {
        'x-extension': 'Issue 16: four eyes.',
        summary: 'A supervisor other than the one who asked approves or rejects a disclosure (a rejection needs a note); final.',
        security: bearer,
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
        requestBody: json(DisclosureDecision),
        responses: { 200: { description: 'Decided; `disclosure.updated` in the feed', ...json(BackendDisclosure) }, 400: error('invalid_request'), 403: error('forbidden: not a supervisor, or the same person'), 404: error('not_found'), 409: error('decided already') },
      },
    },
    {
      method: 'get',
      path: '/api/v1/workstations',
      doc: {
        'x-extension': 'Issue 16: the service center seen from the backend.',
        summary: 'Supervisors: every registered workstation with its last contact (feed read or login, to the minute), the cases it holds and the deletion proofs it owes.',
        security: bearer,
        responses: { 200: { description: 'The workstations, most recently seen first', ...json(WorkstationList) }, 403: error('forbidden: not a supervisor') },
      },
    },
    {
      method: 'post',
      path: '/api/v1/self-test',
      doc: {
        'x-extension': 'Issue 16: workstations report their deletion self-tests, so supervisors see the last result of every one.',
        summary: 'The caller`s workstation reports its latest self-test (numbers only). An older report than the one kept changes nothing.',
        security: bearer,
        requestBody: json(SelfTestReport),
        responses: { 200: { description: '`{status: recorded | older}`' }, 400: error('invalid_request (also: `at` in the future)') },
      },
    },
    {
      method: 'post',
      path: '/api/v1/workstations/{id}/retire',
      doc: {
        'x-extension': 'Issue 16: retiring a workstation that will not come back (lost, reinstalled).',
        summary:
          'A supervisor retires another workstation: it cannot log in again (403 reason workstation_retired), its sessions end, its claims are released (`request.released`), and every proof it owed is recorded with rule `workstation_retired` (`receipt.recorded`), dated now and signed by the supervisor.',
        security: bearer,
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
        requestBody: json(RetireWorkstationRequest),
        responses: {
          200: { description: 'Retired', ...json(RetireWorkstationResponse) },
          400: error('invalid_request: no reason'),
          403: error('forbidden: not a supervisor'),
          404: error('not_found'),
          409: error('retired already, or the caller`s own workstation'),
        },
      },
    },
    {
      method: 'post',
      path: '/api/v1/requests/{id}/retained-view',
      doc: {
        'x-extension': 'Issue 16: a retained case read again, read-only.',
        summary:
          'A user whose roles may work the request`s kind reads a case closed with a retention again, stating why. Every attempt (shown or refused) is recorded at the backend with user, workstation, time and reason (`retained_views`), never in the feed. The answer is for display; the desk does not store it.',
        security: bearer,
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
        requestBody: json(RetainedViewRequest),
        responses: {
          200: { description: 'The payload as the website sent it, the retention with its note', ...json(RetainedViewResponse) },
          400: error('invalid_request: no reason (5-500 characters)'),
          403: error('forbidden: the roles do not cover the kind'),
          404: error('not_found: unknown, or nothing kept (no retention, or it ended)'),
        },
      },
    },
    {
      method: 'get',
      path: '/api/v1/retentions/pending',
      doc: {
        'x-extension': 'Issue 16: retentions over one year wait for a supervisor.',
        summary: 'Supervisors: closes with a retention over one year nobody decided yet; each counts as one year (`countsUntil`) until decided.',
        security: bearer,
        responses: { 200: { description: 'Waiting retentions, oldest close first', ...json(PendingRetentionList) }, 403: error('forbidden: not a supervisor') },
      },
    },
    {
      method: 'post',
      path: '/api/v1/requests/{id}/retention-decision',
      doc: {
        'x-extension': 'Issue 16: four eyes for a retention over one year.',
        summary:
          'A supervisor other than the person who closed sets the end of a waiting retention: the date asked for (confirm) or an earlier one, not in the past. Every workstation learns it from a repeated `request.closed` with the new `retainedUntil`.',
        security: bearer,
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
        requestBody: json(RetentionDecisionRequest),
        responses: {
          200: { description: 'Decided', ...json(RetentionDecisionResponse) },
          400: error('invalid_request: after the date asked for, or in the past'),
          403: error('forbidden: not a supervisor'),
          404: error('not_found'),
          409: error('nothing waits for a decision, or the supervisor closed it herself'),
        },
      },
    },
    {
      method: 'get',
      path: '/api/v1/rules',
      doc: {
        'x-extension': 'Issue 16: the rules in force for every workstation.',
        summary: 'The full set of retention periods and callback retry rules in force, with who changed each and when (null: the default in code). Any logged-in user.',
        security: bearer,
        responses: { 200: { description: 'The set in force; `version` grows with every accepted change', ...json(RulesInForce) }, 401: error('unauthorized') },
      },
    },
    {
      method: 'post',
      path: '/api/v1/rules',
      doc: {
        'x-extension': 'Issue 16: a supervisor changes one rule for the whole service center.',
        summary:
          'A supervisor sets one retention period (0 up to the limit in code; fixed rules cannot be set) or the retry rules (1-5 attempts, 10-240 minutes apart). Every attempt is recorded at the backend (rule_changes), a refusal too. An accepted change puts `rules.updated` with the full set in every user`s feed.',
        security: bearer,
        requestBody: json(RuleChange),
        responses: {
          200: { description: 'Accepted: the new set in force', ...json(RulesInForce) },
          400: error('invalid_request; past a limit or a fixed rule: reason rule_limit and a German detail (the wording desks show)'),
          403: error('forbidden, reason rule_change_forbidden: not a supervisor'),
        },
      },
    },
    ...subjectRequestDocs(),
    ...subjectReportDocs(),
    ...subjectRightsDocs(),
    {
      method: 'get',
      path: '/api/v1/openapi.json',
      doc: { 'x-extension': 'This document.', summary: 'The OpenAPI document of this backend.', responses: { 200: { description: 'OpenAPI 3.1' } } },
    },
    ...adminOperations(),
  ];
}

function adminOperations(): OperationDoc[] {
  const admin = (summary: string, extra: Json = {}): Json => ({
    'x-extension': 'Operators and tests: needs the admin token, a Host header naming this server and JSON bodies.',
    summary,
    security: [{ admin: [] }],
    ...extra,
  });
  return [
    { method: 'post', path: '/__admin/requests/{id}/erase', doc: admin('Erase a request at the origin (request.erased).', { requestBody: json(EraseBody.unwrap()) }) },
    { method: 'post', path: '/__admin/generate', doc: admin('Add synthetic requests and SMS records.', { requestBody: json(GenerateBody) }) },
    { method: 'post', path: '/__admin/faults', doc: admin('Replace the fault mode configuration.', { requestBody: json(FaultConfig) }) },
    { method: 'post', path: '/__admin/periodic', doc: admin('Run the periodic work now (lease expiry, callback expiry, cleanup).') },
    { method: 'get', path: '/__admin/stats', doc: admin('Counts of the database and the fault mode.') },
  ];
}

export function openApiDocument(): Json {
  const paths: Record<string, Json> = {};
  for (const op of operations()) paths[op.path] = { ...(paths[op.path] ?? {}), [op.method]: op.doc };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Servicecenter Desk backend',
      version: '1.1.0',
      description: 'The sync API of ../shared/SYNC_API.md (version 1.1) as this project implements it; extensions are marked x-extension.',
    },
    paths,
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer' },
        ingest: { type: 'http', scheme: 'bearer', description: 'The ingest key of the SMS service and the Online-Kundencenter' },
        admin: { type: 'http', scheme: 'bearer', description: 'The admin token' },
      },
      schemas: { Error: schema(ApiError), FeedEvent: schema(FeedEvent) },
    },
  };
}

/** Issue 17: data subjects' requests (Art. 15-21 GDPR) on dpo cases, and the Find. */
function subjectRequestDocs() {
  const security = bearer;
  const parameters = [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }];
  const refusals = {
    403: error('forbidden: not a dpo, or not a dpo case'),
    404: error('not_found'),
    409: error('not_owner: the caller does not hold the case; invalid_request with reason not_marked, already_extended or not_extended'),
  };
  return [
    {
      method: 'get',
      path: '/api/v1/requests/{id}/subject-request',
      doc: {
        'x-extension': 'Issue 17: a dpo case marked as a data subject`s request.',
        summary: 'The marking with its free texts (identity note, extension reason), the searches made (without their terms) and the decisions on hits. Only the dpo holding the case.',
        security,
        parameters,
        responses: { 200: { description: 'The record', ...json(SubjectRequestRecord) }, ...refusals },
      },
    },
    {
      method: 'post',
      path: '/api/v1/requests/{id}/subject-request',
      doc: {
        'x-extension': 'Issue 17: mark, record the identity check, extend once, record that the person was told.',
        summary:
          '`mark` sets the type (Auskunft, Berichtigung, Löschung, Einschränkung, Datenübertragbarkeit, Widerspruch) and the deadline: the Berlin day of receipt + 1 month by Regulation 1182/71 (31 January -> 28/29 February). `extend` once, by 1 or 2 months from that deadline, with a reason, before the deadline has passed; `informed` records the day the person was told. No identity document can be sent or stored. Every change puts `subject.updated` (no free text) in the feed of dpo users.',
        security,
        parameters,
        requestBody: json(SubjectRequestChange),
        responses: { 200: { description: 'The record after the change', ...json(SubjectRequestRecord) }, 400: error('invalid_request'), ...refusals },
      },
    },
    {
      method: 'post',
      path: '/api/v1/requests/{id}/subject-request/search',
      doc: {
        'x-extension': 'Issue 17: the Find.',
        summary:
          'Everything the backend holds about one person, by name (case and spacing ignored), e-mail (case ignored), phone (normalised to E.164 like intake) and customer number: requests of every kind still holding personal data (open, claimed, retained), SMS log and portal access log (only records of that customer number: other customers on a shared address never appear). By customer number also the disclosures register (part 3): a `disclosure` hit names the authority, case reference, date, status and how many of the person`s SMS records the package held, never other customers` records; `notSearched` is empty. Audited in subject_searches with the terms only as keyed hashes.',
        security,
        parameters,
        requestBody: json(SubjectSearchQuery),
        responses: { 200: { description: 'The hits', ...json(SubjectSearchResult) }, 400: error('invalid_request: no identifier, or an invalid one'), ...refusals },
      },
    },
    {
      method: 'post',
      path: '/api/v1/requests/{id}/subject-request/decisions',
      doc: {
        'x-extension': 'Issue 17: the officer includes or excludes a hit, with a reason; kept with the case and purged with its personal data.',
        summary: 'Decides one hit a search of this case found (again: the last decision counts).',
        security,
        parameters,
        requestBody: json(HitDecisionInput),
        responses: { 200: { description: 'Recorded', ...json(HitDecision) }, 400: error('invalid_request'), ...refusals, 404: error('not_found: no search of this case found this hit') },
      },
    },
    {
      method: 'get',
      path: '/api/v1/requests/{id}/subject-request/erasure',
      doc: {
        'x-extension': 'Issue 17: the Löschung of a marked case.',
        summary:
          'Before the Löschung: its plan (`plan`), i.e. every included hit that would be erased and every one that stays with its reason (a confirmed hold: `hold`; a retention: `proof`, `customer_care`, `statutory`; the case itself: `this_case`) and last day. After it: the record (`erasure`): sources and ids erased and kept, counts, and per workstation that held a copy whether its receipts are in (`received`), it was retired (`retired`) or they are awaited (`awaiting`). No personal data.',
        security,
        parameters,
        responses: { 200: { description: 'The plan or the erasure', ...json(SubjectErasureView) }, ...refusals },
      },
    },
    {
      method: 'post',
      path: '/api/v1/requests/{id}/subject-request/erasure',
      doc: {
        'x-extension': 'Issue 17: execute the Löschung the officer confirmed.',
        summary:
          'Erases the plan in one transaction: requests become tombstones (`request.erased`, reason subject_erasure), SMS and portal records are deleted with their feed events and announced as `sms.erased` / `portal.erased` (ids and reason, to the audiences of `sms.logged` / `portal.logged`). Held and retained items stay. Every workstation that held an erased request (claimed it) or had read an erased log record from the feed owes a receipt (rule `erased`; for the logs with `erasureId` and `log`). Until each is in or the workstation is retired, closing the case is refused (422 invalid_event). Once per case.',
        security,
        parameters,
        requestBody: json(ErasureConfirmation),
        responses: {
          200: { description: 'The erasure with its receipts per workstation', ...json(SubjectErasureView) },
          400: error('invalid_request: confirm must be true'),
          ...refusals,
          409: error('not_owner; invalid_request with reason not_marked, not_erasure (the case is marked as another type), already_erased (once per case) or nothing_included'),
        },
      },
    },
  ] as const;
}

/** Issue 17, part 3: the Auskunft / Datenübertragbarkeit of a marked case. */
function subjectReportDocs() {
  const security = bearer;
  const parameters = [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }];
  const refusals = {
    403: error('forbidden: not a dpo, or not a dpo case'),
    404: error('not_found'),
    409: error('not_owner: the caller does not hold the case; invalid_request with reason not_marked, not_report_type (not an access or portability request), nothing_included, already_sent or not_produced'),
  };
  return [
    {
      method: 'post',
      path: '/api/v1/requests/{id}/subject-request/report',
      doc: {
        'x-extension': 'Issue 17, part 3: the Auskunft (Art. 15 GDPR) / Datenübertragbarkeit (Art. 20 GDPR).',
        summary:
          'Assembles the Auskunft of an access or portability case from the hits the officer included (excluded and undecided hits are not in it), each read again from its source: requests with their payload and the departments they were forwarded to, SMS and portal records, disclosures of the person`s SMS records (authority, case reference, legal basis, status, the person`s records only). Adds the information of Art. 15(1) a-h in German: purposes and legal basis, categories, recipients (SMS processor, authorities of approved disclosures, departments), storage periods from the rules in force, the rights (Art. 16-21), the complaint (Art. 77), the sources and that no automated decision is made. Versioned (`format`, `version`). Records at the backend when it was produced (subject_reports), never its content. Refused once sent.',
        security,
        parameters,
        responses: { 200: { description: 'The Auskunft', ...json(SubjectReport) }, ...refusals },
      },
    },
    {
      method: 'get',
      path: '/api/v1/requests/{id}/subject-request/report',
      doc: {
        'x-extension': 'Issue 17, part 3.',
        summary: 'When the Auskunft was produced and sent, and by whom; null before it was produced.',
        security,
        parameters,
        responses: { 200: { description: 'The record or null', ...json(SubjectReportState.nullable()) }, ...refusals },
      },
    },
    {
      method: 'post',
      path: '/api/v1/requests/{id}/subject-request/report/sent',
      doc: {
        'x-extension': 'Issue 17, part 3: the day the Auskunft went to the person; the workstation keeps its files until that day plus the proof period (SUBJECT_REPORT_PROOF_DAYS), then purges them.',
        summary: 'Records the sent-on day (between the day it was produced and today, Berlin) and who recorded it. Once: the same day again answers the same, another day is refused (already_sent).',
        security,
        parameters,
        requestBody: json(SubjectReportSent),
        responses: { 200: { description: 'The record', ...json(SubjectReportState) }, 400: error('invalid_request'), ...refusals },
      },
    },
  ] as const;
}

/** Issue 17 part 5: Berichtigung, Einschränkung and Widerspruch on a dpo case marked with that type. */
function subjectRightsDocs() {
  const security = bearer;
  const parameters = [{ name: 'id', in: 'path', required: true, description: 'The dpo case', schema: { type: 'string', format: 'uuid' } }];
  const refusals = {
    403: error('forbidden: not a dpo, or not a dpo case'),
    404: error('not_found'),
    409: error('not_owner: the caller does not hold the case; invalid_request with reason not_marked, wrong_type (the case is marked as another type), not_included (only hits a search of this case found and the officer included), no_personal_data, already_lifted'),
  };
  return [
    {
      method: 'get',
      path: '/api/v1/requests/{id}/subject-request/rights',
      doc: {
        'x-extension': 'Issue 17 part 5.',
        summary: 'What was done on the case: corrections (fields only, never a value), restrictions with their reasons and lifting, objections with their decisions. Only the dpo holding the case.',
        security,
        parameters,
        responses: { 200: { description: 'The record', ...json(SubjectRightsRecord) }, ...refusals },
      },
    },
    {
      method: 'post',
      path: '/api/v1/requests/{id}/subject-request/rectifications',
      doc: {
        'x-extension': 'Issue 17 part 5: Berichtigung (Art. 16 GDPR).',
        summary:
          'Corrects fields of an included request of the person (open, claimed or retained; name, e-mail, subject, message of a message; name, phone of a callback) by intake`s rules (phone to E.164). The old values are overwritten and kept nowhere; subject_rectifications records case, target, fields, user and time. `request.rectified` in the feed of the request`s kind names the fields; only a reader on the workstation holding the request`s claim gets `values` (added when read, never stored in the feed).',
        security,
        parameters,
        requestBody: json(RectificationInput),
        responses: { 200: { description: 'Recorded', ...json(Rectification) }, 400: error('invalid_request: a field invalid by intake`s rules, or one the request`s kind does not have'), ...refusals },
      },
    },
    {
      method: 'post',
      path: '/api/v1/requests/{id}/subject-request/restrictions',
      doc: {
        'x-extension': 'Issue 17 part 5: Einschränkung (Art. 18 GDPR).',
        summary:
          'Restricts included hits (requests, SMS and portal records) with a reason until lifted. While restricted: a claim is refused (409, reason restricted), a disclosure naming a restricted SMS record is refused whole, on request and on approval (409, reason restricted, restricted: count), and desks leave restricted SMS records out of lookups (counted). Deletion by the retention schedule goes on. `restriction.updated` (no reason) goes to the readers of the record: the request`s kind, or SMS/portal log readers. A record restricted already is answered as it is.',
        security,
        parameters,
        requestBody: json(RestrictionInput),
        responses: { 200: { description: 'The restrictions', ...json(z.array(Restriction)) }, 400: error('invalid_request'), ...refusals },
      },
    },
    {
      method: 'post',
      path: '/api/v1/requests/{id}/subject-request/restrictions/{id}/lift',
      doc: {
        'x-extension': 'Issue 17 part 5: lifting an Einschränkung.',
        summary: 'Lifts one restriction this case made (the second id), with a reason; `restriction.updated` with active false.',
        security,
        parameters: [...parameters, { name: 'restrictionId', in: 'path', required: true, description: 'The second {id}: the restriction', schema: { type: 'string', format: 'uuid' } }],
        requestBody: json(RestrictionLift),
        responses: { 200: { description: 'Lifted', ...json(Restriction) }, 400: error('invalid_request'), ...refusals, 404: error('not_found: this case made no such restriction') },
      },
    },
    {
      method: 'post',
      path: '/api/v1/requests/{id}/subject-request/objections',
      doc: {
        'x-extension': 'Issue 17 part 5: Widerspruch (Art. 21 GDPR).',
        summary:
          'Records an objection: scope (callback_contact, customer_care, other_purpose with its purpose), decision (granted; refused with compelling legitimate grounds of at least 10 characters) and date. Granted against callback_contact or customer_care, the included open or claimed callbacks (contact requests) of the person are restricted (no claim); other_purpose is recorded only.',
        security,
        parameters,
        requestBody: json(ObjectionInput),
        responses: { 200: { description: 'Recorded', ...json(Objection) }, 400: error('invalid_request'), ...refusals },
      },
    },
  ] as const;
}
