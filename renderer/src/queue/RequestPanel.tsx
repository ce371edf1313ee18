// The opened request: its state, the caller's data while this workstation holds the claim,
// and the actions. Personal data is rendered as text only.
import type { Role } from '../../../shared/domain';
import type { PersonalData, RequestDetail } from '../../../shared/views';
import { formatDateTime, formatPreferredSlot } from '../format/datetime';
import { DISPOSITION_LABELS, KIND_LABELS, OUTCOME_LABELS, ownerLabel, STATUS_LABELS, TOPIC_LABELS } from '../format/labels';
import { phoneLink } from '../format/phone';
import { useQueue, useSession } from '../store/StoresContext';
import { mayWork, requestActions } from './request-actions';
import { RequestActionsForm } from './RequestActionsForm';

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
          <p className="placeholder">Einen Rückruf in der Liste wählen, um die Details zu sehen.</p>
        </>
      ) : (
        <>
          <div className="detail-header">
            <h2 id="detail-heading">
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
  const actions = requestActions(row, roles, new Date());
  return (
    <>
      <dl className="facts">
        <dt>Status</dt>
        <dd data-testid="detail-status">
          <span className={`badge badge-${row.status}`}>{STATUS_LABELS[row.status]}</span>
        </dd>
        <dt>Eingang</dt>
        <dd>{formatDateTime(row.receivedAt)}</dd>
        <dt>Wunschtermin</dt>
        <dd>{formatPreferredSlot(row.preferredDate, row.preferredWindow)}</dd>
        <dt>Bearbeiter</dt>
        <dd>{ownerLabel(row.owner)}</dd>
        <dt>Versuche</dt>
        <dd>{row.attempts}</dd>
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

      {row.status === 'claim_pending' && (
        <p className="banner banner-info">Übernahme ausstehend: wird gesendet, sobald das Backend erreichbar ist.</p>
      )}
      {row.pendingEvents > 0 && row.status !== 'claim_pending' && (
        <p className="banner banner-info">
          {row.pendingEvents === 1 ? '1 Änderung ist' : `${row.pendingEvents} Änderungen sind`} noch nicht gesendet.
        </p>
      )}

      {personal ? <PersonalSection personal={personal} /> : <p className="muted">{noPersonalDataText(detail, mayWork(row, roles))}</p>}

      {attempts.length > 0 && (
        <section aria-labelledby="attempts-heading">
          <h3 id="attempts-heading">Anrufversuche</h3>
          <ol className="attempts">
            {attempts.map((attempt) => (
              <li key={attempt.attemptNo}>
                {DISPOSITION_LABELS[attempt.disposition]}, {formatDateTime(attempt.at)}, {attempt.by}
              </li>
            ))}
          </ol>
        </section>
      )}

      <RequestActionsForm actions={actions} />
    </>
  );
}

function noPersonalDataText(detail: RequestDetail, mayWork: boolean): string {
  if (detail.row.status === 'closed') return 'Abgeschlossen: Die personenbezogenen Daten sind gelöscht.';
  if (!mayWork) return 'Personenbezogene Daten sind für Ihre Rolle nicht sichtbar.';
  if (detail.row.status === 'claimed_elsewhere') return 'Von einem anderen Arbeitsplatz übernommen.';
  if (detail.row.status === 'claim_pending') return 'Personenbezogene Daten erscheinen, sobald das Backend die Übernahme bestätigt.';
  return 'Personenbezogene Daten werden erst nach der Übernahme angezeigt.';
}

function PersonalSection({ personal }: { personal: PersonalData }) {
  const phone = personal.phone ? phoneLink(personal.phone) : null;
  const name = [personal.salutation === 'divers' ? null : personal.salutation, personal.name].filter(Boolean).join(' ');
  return (
    <section aria-labelledby="personal-heading" className="personal" data-testid="personal-data">
      <h3 id="personal-heading">Kontakt</h3>
      <dl className="facts">
        <dt>Name</dt>
        <dd>{name}</dd>
        {phone && (
          <>
            <dt>Telefon</dt>
            <dd>{phone.href ? <a href={phone.href}>{phone.display}</a> : phone.display}</dd>
          </>
        )}
        {personal.email && (
          <>
            <dt>E-Mail</dt>
            <dd>{personal.email}</dd>
          </>
        )}
        {personal.subject && (
          <>
            <dt>Betreff</dt>
            <dd>{personal.subject}</dd>
          </>
        )}
        {personal.message && (
          <>
            <dt>Nachricht</dt>
            <dd className="text-block">{personal.message}</dd>
          </>
        )}
        {personal.note && (
          <>
            <dt>Notiz</dt>
            <dd className="text-block">{personal.note}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
