// The opened request: its state, lease and due state, the caller's data while this workstation
// holds the claim, attempts, why a retry is not allowed yet, and the actions.
import type { Role } from '../../../shared/domain';
import type { RequestDetail } from '../../../shared/views';
import { formatDateTime, formatLocalDate, formatPreferredSlot } from '../format/datetime';
import { DEPARTMENT_LABELS, DISPOSITION_LABELS, DUE_LABELS, KIND_LABELS, OUTCOME_LABELS, ownerLabel, RETENTION_REASON_LABELS, STATUS_LABELS, TOPIC_LABELS } from '../format/labels';
import { useQueue, useSession } from '../store/StoresContext';
import { AgentDayPanel } from '../workbench/AgentDayPanel';
import { LeaseKeeper } from '../workbench/LeaseKeeper';
import { RetryRulesPanel } from '../workbench/RetryRulesPanel';
import { PersonalDataSection } from './PersonalDataSection';
import { closeSuggestion, mayWork, requestActions } from './request-actions';
import { RequestActionsForm } from './RequestActionsForm';
import { RetainedCaseViewer } from './RetainedCaseViewer';

export function RequestPanel() {
  const selectedId = useQueue((s) => s.selectedId);
  const detail = useQueue((s) => s.detail);
  const detailStatus = useQueue((s) => s.detailStatus);
  const detailError = useQueue((s) => s.detailError);
  const select = useQueue((s) => s.select);
  const roles = useSession((s) => s.session?.user.roles);

  return (
    <aside className="detail" aria-labelledby="detail-heading" data-testid="request-detail">
      {!selectedId ? (
        <>
          <h2 id="detail-heading" className="visually-hidden">
            Details
          </h2>
          <p className="placeholder">Einen Eintrag in der Liste wählen (Maus oder j/k), um die Details zu sehen.</p>
          <AgentDayPanel />
          <RetryRulesPanel />
        </>
      ) : (
        <>
          <div className="detail-header">
            <h2 id="detail-heading" tabIndex={-1}>
              {detail ? `${KIND_LABELS[detail.row.kind]}: ${TOPIC_LABELS[detail.row.topic]}` : 'Details'}
            </h2>
            <button type="button" className="button-secondary" onClick={() => void select(null)}>
              Auswahl aufheben
            </button>
          </div>
          {detailError && (
            <p className="banner banner-error" role="alert">
              {detailError}
            </p>
          )}
          {!detail && detailStatus === 'loading' && <p className="placeholder">Details werden geladen …</p>}
          {detail && <DetailBody key={detail.row.id} detail={detail} roles={roles ?? []} />}
        </>
      )}
    </aside>
  );
}

function DetailBody({ detail, roles }: { detail: RequestDetail; roles: readonly Role[] }) {
  const { row, personal, attempts } = detail;
  const userName = useSession((s) => s.session?.user.displayName);
  const actions = requestActions(row, roles, new Date());
  const suggestion = actions.close ? closeSuggestion(detail) : null;
  const mine = row.status === 'claimed' && row.owner?.mine !== false;
  return (
    <>
      <dl className="facts">
        <dt>Status</dt>
        <dd data-testid="detail-status">
          <span className={`badge badge-${row.status}`}>{STATUS_LABELS[row.status]}</span>
        </dd>
        <dt>Eingang</dt>
        <dd>{formatDateTime(row.receivedAt)}</dd>
        {row.kind === 'callback' && (
          <>
            <dt>Wunschtermin</dt>
            <dd>
              {formatPreferredSlot(row.preferredDate, row.preferredWindow)}
              {row.due && <span className={`due due-${row.due}`} data-testid="detail-due">{` ${DUE_LABELS[row.due]}`}</span>}
            </dd>
          </>
        )}
        <dt>Bearbeiter</dt>
        <dd data-testid="detail-owner">
          {row.status === 'claimed_elsewhere' && row.owner ? `${row.owner.displayName} (anderer Arbeitsplatz)` : ownerLabel(row.owner, userName)}
        </dd>
        {row.leaseUntil && (row.status === 'claimed' || row.status === 'claimed_elsewhere') && (
          <>
            <dt>Reserviert bis</dt>
            <dd data-testid="detail-lease">
              {formatDateTime(row.leaseUntil)}
              {mine && ' (wird während der Bearbeitung verlängert)'}
            </dd>
          </>
        )}
        {row.kind === 'callback' && (
          <>
            <dt>Versuche</dt>
            <dd>
              {row.attempts}
              {detail.retry && ` von höchstens ${detail.retry.rules.maxAttempts}`}
            </dd>
          </>
        )}
        {row.reference && (
          <>
            <dt>Vorgangsnummer</dt>
            <dd data-testid="detail-reference" className="mono">
              {row.reference}
            </dd>
          </>
        )}
        {row.forwardedTo && (
          <>
            <dt>Weitergeleitet an</dt>
            <dd data-testid="detail-forwarded">{DEPARTMENT_LABELS[row.forwardedTo]}</dd>
          </>
        )}
        {row.closedAt && (
          <>
            <dt>Abgeschlossen</dt>
            <dd>
              {formatDateTime(row.closedAt)}
              {row.outcome && ` (${OUTCOME_LABELS[row.outcome]})`}
            </dd>
          </>
        )}
      </dl>
      {detail.retention && <RetentionFacts retention={detail.retention} requestId={row.id} mayRead={row.status === 'closed' && mayWork(row, roles)} />}

      {mine && <LeaseKeeper leaseUntil={row.leaseUntil} />}
      {detail.rejection && row.status !== 'claimed' && (
        <p className="banner banner-error" role="alert" data-testid="detail-rejection">
          Das Backend hat die letzte Aktion abgelehnt: {detail.rejection.message}
        </p>
      )}
      {row.status === 'claim_pending' && (
        <p className="banner banner-info" data-testid="detail-pending">Übernahme ausstehend: wird gesendet, sobald das Backend erreichbar ist.</p>
      )}
      {row.pendingEvents > 0 && row.status !== 'claim_pending' && (
        <p className="banner banner-info" data-testid="detail-pending">
          {row.pendingEvents === 1 ? '1 Änderung ist' : `${row.pendingEvents} Änderungen sind`} noch nicht gesendet.
        </p>
      )}

      {personal ? <PersonalDataSection personal={personal} /> : <p className="muted">{noPersonalDataText(detail, mayWork(row, roles))}</p>}

      {attempts.length > 0 && (
        <section aria-labelledby="attempts-heading">
          <h3 id="attempts-heading">Anrufversuche</h3>
          <ol className="attempts" data-testid="attempt-history">
            {attempts.map((attempt) => (
              <li key={attempt.attemptNo}>
                {DISPOSITION_LABELS[attempt.disposition]}, {formatDateTime(attempt.at)}, {attempt.by}
              </li>
            ))}
          </ol>
        </section>
      )}

      {actions.attempt && detail.retry && !detail.retry.allowed && detail.retry.reason && (
        <p className="banner banner-info" data-testid="retry-reason">
          Kein weiterer Anrufversuch: {detail.retry.reason}
        </p>
      )}

      <RequestActionsForm actions={actions} detail={detail} suggestion={suggestion} />
    </>
  );
}

/**
 * A closed case kept for proof, customer care or a statutory period: why and until when. The
 * backend keeps it (issue 16); a role of its kind may read it there again with a reason.
 */
function RetentionFacts({ retention, requestId, mayRead }: { retention: NonNullable<RequestDetail['retention']>; requestId: string; mayRead: boolean }) {
  return (
    <section aria-labelledby="retention-heading" data-testid="detail-retention">
      <h3 id="retention-heading">Aufbewahrung</h3>
      <dl className="facts">
        <dt>Grund</dt>
        <dd>{RETENTION_REASON_LABELS[retention.reason]}</dd>
        <dt>Bis</dt>
        <dd>{formatLocalDate(retention.until)}</dd>
        {retention.note && (
          <>
            <dt>Begründung</dt>
            <dd className="text-block">{retention.note}</dd>
          </>
        )}
      </dl>
      {mayRead && <RetainedCaseViewer requestId={requestId} />}
    </section>
  );
}

function noPersonalDataText(detail: RequestDetail, mayWork: boolean): string {
  if (detail.row.status === 'closed') return 'Abgeschlossen: Die personenbezogenen Daten sind gelöscht.';
  if (!mayWork) return 'Personenbezogene Daten sind für Ihre Rolle nicht sichtbar.';
  if (detail.row.status === 'claimed_elsewhere') return `Von ${detail.row.owner?.displayName ?? 'einer anderen Person'} an einem anderen Arbeitsplatz übernommen.`;
  if (detail.row.status === 'claim_pending') return 'Personenbezogene Daten erscheinen, sobald das Backend die Übernahme bestätigt.';
  return 'Personenbezogene Daten werden erst nach der Übernahme angezeigt.';
}
